import { describe, expect, it } from 'vitest';
import { flowRates, reverseFunnel, type FunnelFlow } from './reverse-funnel.ts';

const TRAILING: FunnelFlow = { leads: 1000, mqls: 300, sqls: 150, opportunities: 60, won: 15, revenueMinor: 15 * 1_000_000, listMinor: 16_000_000 };
const NOTHING: FunnelFlow = { leads: 0, mqls: 0, sqls: 0, opportunities: 0, won: 0, revenueMinor: 0, listMinor: 0 };

describe('reverse funnel', () => {
  it('turns a target into the deals, opportunities, SQLs, MQLs and leads it takes at the trailing rates', () => {
    const { rates, avgDealMinor } = flowRates(TRAILING);
    expect(rates).toEqual({ mqlRate: 0.3, acceptanceRate: 0.5, opportunityRate: 0.4, winRate: 0.25 });
    expect(avgDealMinor).toBe(1_000_000);
    const actual = { ...NOTHING, leads: 500, mqls: 100, won: 4, revenueMinor: 4_500_000 };
    const plan = reverseFunnel({ targetMinor: 20_000_000, rates, avgDealMinor, actual });
    expect(plan.stages.map((s) => [s.stage, s.needed])).toEqual([['leads', 1334], ['mqls', 400], ['sqls', 200], ['opportunities', 80], ['won', 20]]);
    expect(plan.stages[0]).toMatchObject({ actual: 500, remaining: 834, reason: null });
    expect(plan.stages[0]!.progress).toBeCloseTo(500 / 1334, 12);
    expect(plan.revenue).toEqual({ actualMinor: 4_500_000, remainingMinor: 15_500_000, progress: 0.225 });
  });

  it('rounds each need up, without floating-point noise', () => {
    const plan = reverseFunnel({ targetMinor: 300, rates: { mqlRate: 0.1, acceptanceRate: 0.1, opportunityRate: 0.1, winRate: 0.1 }, avgDealMinor: 100, actual: NOTHING });
    expect(plan.stages.map((s) => s.needed)).toEqual([30_000, 3_000, 300, 30, 3]);
  });

  it('gives no number, but a reason, from a zero or unknown rate up; never Infinity or NaN', () => {
    const zeroWins = reverseFunnel({ targetMinor: 1_000, rates: { mqlRate: 0.3, acceptanceRate: 0.5, opportunityRate: 0.4, winRate: 0 }, avgDealMinor: 500, actual: NOTHING });
    expect(zeroWins.stages.map((s) => s.needed)).toEqual([null, null, null, null, 2]);
    expect(zeroWins.stages[3]!.reason).toBe('the win rate in the trailing months is 0');
    expect(zeroWins.stages[0]!.reason).toBe('the win rate in the trailing months is 0');
    expect(zeroWins.stages[0]).toMatchObject({ remaining: null, progress: null });

    const empty = flowRates(NOTHING);
    const noHistory = reverseFunnel({ targetMinor: 1_000, ...empty, actual: NOTHING });
    expect(noHistory.stages.every((s) => s.needed === null && s.reason?.startsWith('no deal was won'))).toBe(true);
    expect(JSON.stringify(noHistory)).not.toMatch(/null,"actual":NaN|Infinity|NaN/);
    expect(noHistory.revenue.progress).toBe(0);
  });

  it('refuses a target of zero', () => {
    expect(() => reverseFunnel({ targetMinor: 0, ...flowRates(TRAILING), actual: NOTHING })).toThrow('the target must be above 0');
  });
});
