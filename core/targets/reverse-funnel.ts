import { rate } from '../funnel/metrics.ts';

/**
 * The reverse funnel: a revenue target turned into the won deals, opportunities, SQLs, MQLs and
 * leads it takes at the current conversion rates and deal size, with the period's progress.
 *
 *   won           = target / average deal (revenue per won deal)
 *   opportunities = won / win rate            (won deals / opportunities)
 *   sqls          = opportunities / opportunity rate (opportunities / SQLs)
 *   mqls          = sqls / acceptance rate    (SQLs / MQLs)
 *   leads         = mqls / MQL rate           (MQLs / leads)
 *
 * Each number needed is rounded up (a third of a deal is still a deal to win). A rate that is zero
 * or unknown (nothing to measure it on) leaves that stage, and every stage before it, without a
 * number: `needed` is null with the reason, never Infinity or NaN.
 */

export const PLAN_STAGES = ['leads', 'mqls', 'sqls', 'opportunities', 'won'] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];

/** Counts of one window (how many leads were created, became MQLs, ...) with the won deals' revenue and list amount. */
export type FunnelFlow = Record<PlanStage, number> & { revenueMinor: number; listMinor: number };

/** The rate from each stage to the next (null when there was nothing to measure it on). */
export type PlanRates = { mqlRate: number | null; acceptanceRate: number | null; opportunityRate: number | null; winRate: number | null };

export type PlanLine = {
  stage: PlanStage;
  needed: number | null;
  actual: number;
  /** needed − actual, never below 0; null when needed is. */
  remaining: number | null;
  /** actual / needed; null when needed is null or 0. */
  progress: number | null;
  /** Why `needed` is null. */
  reason: string | null;
};

export type ReverseFunnel = {
  targetMinor: number;
  revenue: { actualMinor: number; remainingMinor: number; progress: number };
  rates: PlanRates;
  avgDealMinor: number | null;
  stages: PlanLine[];
};

/** The rate that leads from a stage to the next one, its label, and the stage it leads from. */
const STEPS: { stage: Exclude<PlanStage, 'won'>; rate: keyof PlanRates; label: string }[] = [
  { stage: 'opportunities', rate: 'winRate', label: 'win rate' },
  { stage: 'sqls', rate: 'opportunityRate', label: 'opportunity rate' },
  { stage: 'mqls', rate: 'acceptanceRate', label: 'acceptance rate' },
  { stage: 'leads', rate: 'mqlRate', label: 'MQL rate' },
];

/** Conversion rates and average deal (revenue per won deal) of a window's counts. */
export function flowRates(flow: FunnelFlow): { rates: PlanRates; avgDealMinor: number | null } {
  return {
    rates: {
      mqlRate: rate(flow.mqls, flow.leads),
      acceptanceRate: rate(flow.sqls, flow.mqls),
      opportunityRate: rate(flow.opportunities, flow.sqls),
      winRate: rate(flow.won, flow.opportunities),
    },
    avgDealMinor: rate(flow.revenueMinor, flow.won),
  };
}

/** Rounded up, without turning 12.000000001 (floating point) into 13. */
function wholeUp(x: number): number {
  return Math.ceil(x - 1e-9);
}

function line(stage: PlanStage, needed: number | null, actual: number, reason: string | null): PlanLine {
  return {
    stage,
    needed,
    actual,
    remaining: needed === null ? null : Math.max(0, needed - actual),
    progress: needed === null ? null : rate(actual, needed),
    reason,
  };
}

/** What a target takes at these rates, stage by stage in funnel order, and how far the period's actuals are. */
export function reverseFunnel(input: { targetMinor: number; rates: PlanRates; avgDealMinor: number | null; actual: FunnelFlow }): ReverseFunnel {
  const { targetMinor, rates, avgDealMinor, actual } = input;
  if (!(Number.isFinite(targetMinor) && targetMinor > 0)) throw new RangeError(`the target must be above 0, found ${targetMinor}`);
  const lines: PlanLine[] = [];
  let exact = avgDealMinor !== null && avgDealMinor > 0 ? targetMinor / avgDealMinor : null;
  let reason = exact === null ? 'no deal was won in the trailing months, so the average deal size is unknown' : null;
  lines.push(line('won', exact === null ? null : wholeUp(exact), actual.won, reason));
  for (const step of STEPS) {
    const r = rates[step.rate];
    if (exact !== null && !(r !== null && r > 0)) reason = `the ${step.label} in the trailing months is ${r === null ? 'unknown (nothing to measure it on)' : '0'}`;
    exact = exact !== null && r !== null && r > 0 ? exact / r : null;
    lines.push(line(step.stage, exact === null ? null : wholeUp(exact), actual[step.stage], reason));
  }
  return {
    targetMinor,
    revenue: { actualMinor: actual.revenueMinor, remainingMinor: Math.max(0, targetMinor - actual.revenueMinor), progress: actual.revenueMinor / targetMinor },
    rates,
    avgDealMinor,
    stages: lines.reverse(),
  };
}
