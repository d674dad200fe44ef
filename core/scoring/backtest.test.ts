import { describe, expect, it } from 'vitest';
import { backtest, type BacktestRow } from './backtest.ts';

function row(leadId: string, candidate: boolean, active: boolean | null, reached: 'none' | 'sql' | 'opportunity' | 'won'): BacktestRow {
  const level = ['none', 'sql', 'opportunity', 'won'].indexOf(reached);
  return {
    leadId,
    candidate: { qualified: candidate, fit: 0, engagement: 0 },
    active: active === null ? null : { qualified: active },
    reached: { sql: level >= 1, opportunity: level >= 2, won: level >= 3 },
  };
}

describe('backtest', () => {
  // 10 leads, 3 won (base win rate 0.3).
  const rows = [
    row('a', true, true, 'won'),
    row('b', true, true, 'sql'),
    row('c', true, false, 'won'),
    row('d', true, false, 'none'),
    row('e', true, false, 'opportunity'),
    row('f', false, true, 'won'),
    row('g', false, true, 'none'),
    row('h', false, false, 'none'),
    row('i', false, null, 'sql'),
    row('j', false, false, 'none'),
  ];

  it('counts MQLs and their outcomes for each definition, with precision, recall and lift', () => {
    const result = backtest(rows);
    expect(result.leads).toBe(10);
    expect(result.wonLeads).toBe(3);
    expect(result.baseWinRate).toBeCloseTo(0.3);
    expect(result.candidate).toMatchObject({ mqls: 5, reachedSql: 4, reachedOpportunity: 3, won: 2 });
    expect(result.candidate.precision).toBeCloseTo(0.4);
    expect(result.candidate.recall).toBeCloseTo(2 / 3);
    expect(result.candidate.lift).toBeCloseTo(4 / 3);
    expect(result.active).toMatchObject({ mqls: 4, reachedSql: 3, reachedOpportunity: 2, won: 2 });
    expect(result.active.precision).toBeCloseTo(0.5);
    expect(result.active.lift).toBeCloseTo(5 / 3);
  });

  it('lists what only one definition lets through, the furthest progressed first', () => {
    const result = backtest(rows, { examples: 2 });
    expect(result.onlyCandidate.count).toBe(3);
    expect(result.onlyCandidate.won).toBe(1);
    expect(result.onlyCandidate.examples.map((r) => r.leadId)).toEqual(['c', 'e']);
    expect(result.onlyActive.count).toBe(2);
    expect(result.onlyActive.won).toBe(1);
    expect(result.onlyActive.examples.map((r) => r.leadId)).toEqual(['f', 'g']);
    expect(backtest(rows).onlyCandidate.examples.map((r) => r.leadId)).toEqual(['c', 'e', 'd']);
  });

  it('gives null, never NaN, for zero MQLs, no won leads and no leads', () => {
    const none = backtest([row('a', false, null, 'won'), row('b', false, false, 'none')]);
    expect(none.candidate).toEqual({ mqls: 0, reachedSql: 0, reachedOpportunity: 0, won: 0, precision: null, recall: 0, lift: null });
    const noWins = backtest([row('a', true, true, 'sql')]);
    expect(noWins.candidate).toMatchObject({ precision: 0, recall: null, lift: null });
    expect(noWins.baseWinRate).toBe(0);
    const empty = backtest([]);
    expect(empty.baseWinRate).toBeNull();
    expect(JSON.stringify([none, noWins, empty])).not.toMatch(/NaN|Infinity/);
    expect(empty.onlyCandidate).toEqual({ count: 0, won: 0, examples: [] });
  });
});
