import { FUNNEL_STAGES, type FunnelStage } from './stages.ts';

/**
 * Funnel arithmetic over aggregated counts. The database groups leads (one indexed aggregate);
 * these functions turn the groups into conversion rates and stage velocity, the same way for
 * every group, so both teams read one set of numbers.
 */

export type StageCounts = Record<FunnelStage, number>;

/** Leads of one group (a source, channel or campaign) and one cohort month, by the furthest stage they reached. */
export type FunnelCell = { group: string | null; cohort: string; reached: StageCounts };

export type StageStep = { from: FunnelStage; to: FunnelStage; rate: number | null };

export type FunnelLine = { group: string | null; reached: StageCounts; steps: StageStep[]; leadToCustomer: number | null };

export type FunnelSummary = {
  groups: FunnelLine[];
  total: FunnelLine;
  cohorts: (FunnelLine & { cohort: string })[];
};

export function emptyCounts(): StageCounts {
  return Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, 0])) as StageCounts;
}

function addCounts(into: StageCounts, add: StageCounts): void {
  for (const stage of FUNNEL_STAGES) into[stage] += add[stage];
}

/** A rate with no denominator is unknown (null), never NaN or Infinity. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Conversion between consecutive stages: reached(next) / reached(this). */
export function stageSteps(reached: StageCounts): StageStep[] {
  return FUNNEL_STAGES.slice(0, -1).map((from, i) => {
    const to = FUNNEL_STAGES[i + 1]!;
    return { from, to, rate: rate(reached[to], reached[from]) };
  });
}

function line(group: string | null, reached: StageCounts): FunnelLine {
  return { group, reached, steps: stageSteps(reached), leadToCustomer: rate(reached.customer, reached.lead) };
}

function sumBy(cells: FunnelCell[], key: (cell: FunnelCell) => string): Map<string, StageCounts> {
  const sums = new Map<string, StageCounts>();
  for (const cell of cells) {
    const k = key(cell);
    const counts = sums.get(k) ?? emptyCounts();
    addCounts(counts, cell.reached);
    sums.set(k, counts);
  }
  return sums;
}

const NO_GROUP = '\u0000none';

/**
 * Cohort conversion: for leads created in each month (and in total), how many reached each
 * stage, and the conversion between stages, per group. Groups are sorted by lead count.
 */
export function summarizeFunnel(cells: FunnelCell[]): FunnelSummary {
  const byGroup = sumBy(cells, (c) => c.group ?? NO_GROUP);
  const groups = [...byGroup.entries()]
    .map(([group, reached]) => line(group === NO_GROUP ? null : group, reached))
    .sort((a, b) => b.reached.lead - a.reached.lead || String(a.group).localeCompare(String(b.group)));
  const total = emptyCounts();
  for (const g of groups) addCounts(total, g.reached);
  const cohorts = [...sumBy(cells, (c) => c.cohort).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cohort, reached]) => ({ cohort, ...line(null, reached) }));
  return { groups, total: line(null, total), cohorts };
}

/**
 * Adds the visitors who never became leads to the top of the whole funnel and of each month,
 * so that visitor → lead is a real conversion. Groups (a source, a campaign) start at the lead:
 * an anonymous browser has no source yet.
 */
export function addAnonymousVisitors(summary: FunnelSummary, anonymous: Map<string, number>): FunnelSummary {
  const addVisitors = <T extends FunnelLine>(line: T, extra: number): T => {
    const reached = { ...line.reached, visitor: line.reached.visitor + extra };
    return { ...line, reached, steps: stageSteps(reached) };
  };
  const total = [...anonymous.values()].reduce((sum, n) => sum + n, 0);
  const months = new Set([...summary.cohorts.map((c) => c.cohort), ...anonymous.keys()]);
  const cohorts = [...months].sort().map((cohort) => {
    const line = summary.cohorts.find((c) => c.cohort === cohort) ?? { cohort, group: null, reached: emptyCounts(), steps: stageSteps(emptyCounts()), leadToCustomer: null };
    return addVisitors(line, anonymous.get(cohort) ?? 0);
  });
  return { ...summary, total: addVisitors(summary.total, total), cohorts };
}

/** How many leads of a group took a whole number of days to go from one stage to the next. */
export type DurationBucket = { group: string | null; from: FunnelStage; to: FunnelStage; days: number; count: number };

export type Velocity = { group: string | null; from: FunnelStage; to: FunnelStage; count: number; medianDays: number | null; p90Days: number | null };

export type VelocityReport = { velocity: Velocity[]; negativeDurations: number };

/** The smallest day count d such that at least q of the leads took d days or fewer (nearest rank). */
export function quantileOfBuckets(buckets: { days: number; count: number }[], q: number): number | null {
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const bucket of [...buckets].sort((a, b) => a.days - b.days)) {
    seen += bucket.count;
    if (seen >= rank) return bucket.days;
  }
  return null;
}

/**
 * Stage velocity: median and 90th percentile of days between consecutive stages, per group.
 * A negative duration (a later stage stamped before an earlier one, as imported data has) is
 * counted in `negativeDurations` and left out of the percentiles instead of distorting them.
 */
export function stageVelocity(buckets: DurationBucket[]): VelocityReport {
  let negativeDurations = 0;
  const byKey = new Map<string, DurationBucket[]>();
  for (const bucket of buckets) {
    if (bucket.days < 0) {
      negativeDurations += bucket.count;
      continue;
    }
    const key = JSON.stringify([bucket.group, bucket.from, bucket.to]);
    byKey.set(key, [...(byKey.get(key) ?? []), bucket]);
  }
  const velocity = [...byKey.values()].map((group) => {
    const { group: name, from, to } = group[0]!;
    return {
      group: name,
      from,
      to,
      count: group.reduce((sum, b) => sum + b.count, 0),
      medianDays: quantileOfBuckets(group, 0.5),
      p90Days: quantileOfBuckets(group, 0.9),
    };
  });
  const order = (stage: FunnelStage) => FUNNEL_STAGES.indexOf(stage);
  velocity.sort((a, b) => String(a.group).localeCompare(String(b.group)) || order(a.from) - order(b.from));
  return { velocity, negativeDurations };
}
