/**
 * Backtest of a candidate lead definition against the active one, on leads whose outcome is known:
 * how many MQLs each would have made, how many of those went on to SQL, opportunity and a won deal,
 * and which leads only one of them lets through.
 *
 * Rates are well-defined for every input: a rate with no denominator is null, never NaN or
 * Infinity (0 MQLs: precision null; no won lead: recall null; base win rate 0 or precision null:
 * lift null).
 */

export type BacktestRow = {
  leadId: string;
  name?: string;
  candidate: { qualified: boolean; fit: number; engagement: number };
  /** Null when there is no active definition: the lead counts as not qualified by it. */
  active: { qualified: boolean } | null;
  reached: { sql: boolean; opportunity: boolean; won: boolean };
};

export type BacktestOptions = { examples?: number };

export type DefinitionOutcome = {
  mqls: number;
  reachedSql: number;
  reachedOpportunity: number;
  won: number;
  /** Won MQLs / MQLs. */
  precision: number | null;
  /** Won MQLs / all won leads. */
  recall: number | null;
  /** Precision / the win rate of all leads: how much better than taking everyone. */
  lift: number | null;
};

export type DifferenceSet = { count: number; won: number; examples: BacktestRow[] };

export type BacktestResult = {
  leads: number;
  wonLeads: number;
  baseWinRate: number | null;
  candidate: DefinitionOutcome;
  active: DefinitionOutcome;
  /** Qualified by the candidate and not by the active definition: what it lets through. */
  onlyCandidate: DifferenceSet;
  /** Qualified by the active definition and not by the candidate: what it filters out. */
  onlyActive: DifferenceSet;
};

const DEFAULT_EXAMPLES = 5;

function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

function outcome(mqls: BacktestRow[], wonLeads: number, baseWinRate: number | null): DefinitionOutcome {
  const won = mqls.filter((row) => row.reached.won).length;
  const precision = rate(won, mqls.length);
  return {
    mqls: mqls.length,
    reachedSql: mqls.filter((row) => row.reached.sql).length,
    reachedOpportunity: mqls.filter((row) => row.reached.opportunity).length,
    won,
    precision,
    recall: rate(won, wonLeads),
    lift: precision === null || baseWinRate === null ? null : rate(precision, baseWinRate),
  };
}

/** How far a lead got: won, then opportunity, then SQL; the furthest make the most telling examples. */
function progress(row: BacktestRow): number {
  return row.reached.won ? 3 : row.reached.opportunity ? 2 : row.reached.sql ? 1 : 0;
}

/** The count, the won, and examples: the furthest-progressed first, in row order among equals. */
function differenceSet(rows: BacktestRow[], examples: number): DifferenceSet {
  return {
    count: rows.length,
    won: rows.filter((row) => row.reached.won).length,
    examples: [...rows].sort((a, b) => progress(b) - progress(a)).slice(0, examples),
  };
}

export function backtest(rows: readonly BacktestRow[], options: BacktestOptions = {}): BacktestResult {
  const examples = Math.max(0, Math.floor(options.examples ?? DEFAULT_EXAMPLES));
  const wonLeads = rows.filter((row) => row.reached.won).length;
  const baseWinRate = rate(wonLeads, rows.length);
  const activeQualified = (row: BacktestRow) => row.active?.qualified === true;
  return {
    leads: rows.length,
    wonLeads,
    baseWinRate,
    candidate: outcome(rows.filter((row) => row.candidate.qualified), wonLeads, baseWinRate),
    active: outcome(rows.filter(activeQualified), wonLeads, baseWinRate),
    onlyCandidate: differenceSet(rows.filter((row) => row.candidate.qualified && !activeQualified(row)), examples),
    onlyActive: differenceSet(rows.filter((row) => !row.candidate.qualified && activeQualified(row)), examples),
  };
}
