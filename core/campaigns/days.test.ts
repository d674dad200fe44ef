import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoWeek, weekStart } from './days.ts';

describe('campaign days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-02', '2026-04-01')).toBe(30);
    expect(daysBetween('2026-04-01', '2026-03-02')).toBe(-30);
  });

  it('names ISO weeks, whose first one holds the year’s first Thursday', () => {
    expect(isoWeek('2026-04-11')).toBe('2026-W15');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(weekStart('2026-04-12')).toBe('2026-04-06');
    expect(weekStart('2026-04-06')).toBe('2026-04-06');
  });
});
