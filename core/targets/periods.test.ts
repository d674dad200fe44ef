import { describe, expect, it } from 'vitest';
import { parsePeriod, periodContaining, previousPeriod, trailingWindow } from './periods.ts';

describe('periods', () => {
  it('reads months and quarters as UTC days, the end excluded', () => {
    expect(parsePeriod('2026-04')).toEqual({ key: '2026-04', kind: 'month', from: '2026-04-01', to: '2026-05-01' });
    expect(parsePeriod('2026-Q4')).toEqual({ key: '2026-Q4', kind: 'quarter', from: '2026-10-01', to: '2027-01-01' });
    expect(() => parsePeriod('2026-13')).toThrow('is not a month such as 2026-04 or a quarter such as 2026-Q2');
    expect(() => parsePeriod('2026-Q5')).toThrow(RangeError);
  });

  it('finds the period of a day and the one before', () => {
    expect(periodContaining('quarter', new Date('2026-05-17T12:00:00Z')).key).toBe('2026-Q2');
    expect(previousPeriod(parsePeriod('2026-Q1')).key).toBe('2025-Q4');
    expect(previousPeriod(parsePeriod('2026-01')).key).toBe('2025-12');
  });

  it('measures current rates over the six months before the period, or before this month for a period not started', () => {
    const now = new Date('2026-05-17T12:00:00Z');
    expect(trailingWindow(parsePeriod('2026-Q2'), now)).toEqual({ from: '2025-10-01', to: '2026-04-01' });
    expect(trailingWindow(parsePeriod('2026-Q3'), now)).toEqual({ from: '2025-11-01', to: '2026-05-01' });
    expect(trailingWindow(parsePeriod('2026-05'), now)).toEqual({ from: '2025-11-01', to: '2026-05-01' });
  });
});
