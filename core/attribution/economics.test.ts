import { describe, expect, it } from 'vitest';
import { costPer, returnOnSpend, spendInPeriod } from './economics.ts';

describe('campaign economics', () => {
  it('spreads spend evenly over the campaign’s days and gives the period its share', () => {
    const april = { from: '2026-04-01', to: '2026-05-01' };
    expect(spendInPeriod(3000, { startsOn: '2026-04-21', endsOn: '2026-05-20' }, april)).toBe(1000);
    expect(spendInPeriod(3000, { startsOn: '2026-06-01', endsOn: '2026-06-30' }, april)).toBe(0);
    expect(spendInPeriod(3000, { startsOn: '2026-04-10', endsOn: '2026-04-10' }, april)).toBe(3000);
    expect(spendInPeriod(3000, { startsOn: null, endsOn: '2026-04-10' }, april)).toBe(3000);
  });

  it('is null, never NaN, when there is nothing to divide by', () => {
    expect(returnOnSpend(3000, 1000)).toBe(2);
    expect(returnOnSpend(0, 1000)).toBe(-1);
    expect(returnOnSpend(5000, 0)).toBeNull();
    expect(costPer(1000, 4)).toBe(250);
    expect(costPer(1000, 0)).toBeNull();
  });
});
