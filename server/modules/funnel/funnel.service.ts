import { sql, type SQL } from 'drizzle-orm';
import {
  addAnonymousVisitors,
  emptyCounts,
  stageSteps,
  stageVelocity,
  summarizeFunnel,
  type DurationBucket,
  type FunnelCell,
  type StageCounts,
} from '../../../core/funnel/metrics.ts';
import { FUNNEL_STAGES, type FunnelStage } from '../../../core/funnel/stages.ts';
import type { FunnelQuery } from '../../../core/schemas/funnel.ts';
import { queryRows } from '../../db/raw.ts';
import type { ServiceContext } from '../../http/context.ts';

const DAY_MS = 86_400_000;
const LATER_STAGES = FUNNEL_STAGES.slice(1);

/** When a lead first reached a stage or any later one: a lead that skipped a stage still passed it. */
function reachedAtLeast(stage: FunnelStage): SQL {
  if (stage === 'visitor') return sql`l.created_at`;
  const columns = FUNNEL_STAGES.slice(FUNNEL_STAGES.indexOf(stage)).map((s) => sql.identifier(`reached_${s}_at`));
  return sql`least(${sql.join(columns.map((c) => sql`l.${c}`), sql`, `)})`;
}

// Campaigns are grouped by id (a column of the row) and named after aggregation.
const GROUP_BY: Record<FunnelQuery['by'], SQL> = {
  source: sql`l.source`,
  channel: sql`l.channel`,
  campaign: sql`l.campaign_id::text`,
};

export type FunnelPeriod = { from: string; to: string };

/** The period asked for, defaulting to the twelve months before today. */
export function funnelPeriod(query: FunnelQuery, now: Date): FunnelPeriod {
  const to = query.to ?? new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
  const yearAgo = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), 1));
  return { from: query.from ?? yearAgo.toISOString().slice(0, 10), to };
}

const list = (parts: SQL[]) => sql.join(parts, sql`, `);
const name = (stage: FunnelStage) => sql.identifier(stage);

type FunnelScan = {
  cohorts: (Record<FunnelStage, number> & { grp: string | null; cohort: string })[];
  durations: { grp: string | null; from_stage: FunnelStage; to_stage: FunnelStage; days: number; n: number }[];
  entered: Record<FunnelStage, number>;
  stage_before_creation: number;
};

/**
 * Everything the report needs from the leads, in one pass over them: each lead's group and the
 * time it reached each stage are computed once (a materialized CTE), then aggregated four ways:
 * cohorts in the period, days between stages, stage entries during the period, and leads whose
 * first stage is stamped before their creation.
 */
async function scanLeads(ctx: ServiceContext, query: FunnelQuery, period: FunnelPeriod): Promise<FunnelScan> {
  const inPeriod = sql`x.created_at >= ${period.from}::date and x.created_at < ${period.to}::date`;
  const steps = LATER_STAGES.slice(0, -1).map((from, i) => [from, LATER_STAGES[i + 1]!] as const);
  const days = (from: FunnelStage, to: FunnelStage) => sql.identifier(`${from}_${to}`);
  const [row] = await queryRows<FunnelScan>(ctx.db, sql`
    with x as materialized (
      select ${GROUP_BY[query.by]} as grp, l.created_at,
        date_trunc('month', l.created_at at time zone 'UTC') as month,
        l.created_at + make_interval(days => ${query.windowDays}) as deadline,
        ${list(LATER_STAGES.map((stage) => sql`${reachedAtLeast(stage)} as ${name(stage)}`))}
      from leads l where l.workspace_id = ${ctx.workspaceId}::uuid
    ), y as (
      select x.*, ${list(steps.map(([from, to]) => sql`floor(extract(epoch from (x.${name(to)} - x.${name(from)})) / 86400)::int as ${days(from, to)}`))}
      from x where ${inPeriod}
    ), cohorts as (
      select y.grp, y.month, count(*)::int as visitor,
        ${list(LATER_STAGES.map((stage) => sql`count(*) filter (where y.${name(stage)} <= y.deadline)::int as ${name(stage)}`))}
      from y group by 1, 2
    ), durations as (
      select y.grp, ${list(steps.map(([from, to]) => sql`y.${days(from, to)}`))}, count(*)::int as n
      from y group by grouping sets (${list(steps.map(([from, to]) => sql`(y.grp, y.${days(from, to)})`))})
    ), entered as (
      select ${list(LATER_STAGES.map((stage) => sql`count(*) filter (where x.${name(stage)} >= ${period.from}::date and x.${name(stage)} < ${period.to}::date)::int as ${name(stage)}`))}
      from x
    )
    select
      (select coalesce(json_agg(c), '[]'::json) from (select cohorts.*, to_char(cohorts.month, 'YYYY-MM') as cohort from cohorts) c) as cohorts,
      (select coalesce(json_agg(durations), '[]'::json) from durations) as durations,
      (select row_to_json(entered) from entered) as entered,
      (select count(*)::int from y where y.lead < y.created_at) as stage_before_creation`);
  return { ...row!, durations: unpivotDurations(row!.durations as unknown as Record<string, number | string | null>[], steps) };
}

/** A grouping-sets row holds one step's day count; the other steps' columns are null. */
function unpivotDurations(rows: Record<string, number | string | null>[], steps: (readonly [FunnelStage, FunnelStage])[]): FunnelScan['durations'] {
  return rows.flatMap((row) =>
    steps.flatMap(([from, to]) => {
      const value = row[`${from}_${to}`];
      return value === null || value === undefined ? [] : [{ grp: row.grp as string | null, from_stage: from, to_stage: to, days: Number(value), n: Number(row.n) }];
    }),
  );
}

/** Browsers the website snippet saw in the period that never identified, by the month first seen. */
async function anonymousVisitorsByMonth(ctx: ServiceContext, period: FunnelPeriod): Promise<Map<string, number>> {
  const rows = await queryRows<{ cohort: string; n: number }>(ctx.db, sql`
    select to_char(v.first_seen_at at time zone 'UTC', 'YYYY-MM') as cohort, count(*)::int as n
    from visitors v
    where v.workspace_id = ${ctx.workspaceId}::uuid and v.lead_id is null
      and v.first_seen_at >= ${period.from}::date and v.first_seen_at < ${period.to}::date
    group by 1`);
  return new Map(rows.map((r) => [r.cohort, Number(r.n)]));
}

/** Won deals of leads created in the period, closed before the lead's first touchpoint: imported dates to check. */
async function wonBeforeFirstTouch(ctx: ServiceContext, period: FunnelPeriod): Promise<number> {
  const [row] = await queryRows<{ n: number }>(ctx.db, sql`
    select count(*)::int as n from deals d join leads l on l.workspace_id = d.workspace_id and l.id = d.lead_id
    where l.workspace_id = ${ctx.workspaceId}::uuid and l.created_at >= ${period.from}::date and l.created_at < ${period.to}::date
      and d.status = 'won'
      and d.closed_at < (select min(t.occurred_at) from touchpoints t where t.workspace_id = d.workspace_id and t.lead_id = d.lead_id)`);
  return Number(row?.n ?? 0);
}

async function campaignNames(ctx: ServiceContext): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; name: string }>(ctx.db, sql`select id::text as id, name from campaigns where workspace_id = ${ctx.workspaceId}::uuid`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

function counts(row: Partial<Record<FunnelStage, number>>): StageCounts {
  const out = emptyCounts();
  for (const stage of FUNNEL_STAGES) out[stage] = Number(row[stage] ?? 0);
  return out;
}

/**
 * The funnel both teams read: per group (source, channel or campaign) and per monthly cohort,
 * how many leads reached each stage within the window and the conversion between stages;
 * how many entered each stage during the period; the median and 90th-percentile days between
 * stages; and the bad timestamps found (counted, never fatal).
 */
export async function funnelReport(ctx: ServiceContext, query: FunnelQuery) {
  const period = funnelPeriod(query, ctx.now);
  // Independent queries: on PostgreSQL they run side by side on the pool; PGlite takes them in turn.
  const [scan, anonymous, wonEarly, names] = await Promise.all([
    scanLeads(ctx, query, period),
    anonymousVisitorsByMonth(ctx, period),
    wonBeforeFirstTouch(ctx, period),
    query.by === 'campaign' ? campaignNames(ctx) : Promise.resolve(null),
  ]);
  const group = (grp: string | null) => (grp && names ? (names.get(grp) ?? grp) : grp);
  const cells: FunnelCell[] = scan.cohorts.map((c) => ({ group: group(c.grp), cohort: c.cohort, reached: counts(c) }));
  const buckets: DurationBucket[] = scan.durations.map((d) => ({ group: group(d.grp), from: d.from_stage, to: d.to_stage, days: Number(d.days), count: Number(d.n) }));
  const summary = addAnonymousVisitors(summarizeFunnel(cells), anonymous);
  const velocity = stageVelocity(buckets);
  const entered = counts({ ...scan.entered, visitor: [...anonymous.values()].reduce((sum, n) => sum + n, 0) });
  return {
    by: query.by,
    ...period,
    windowDays: query.windowDays,
    ...summary,
    velocity: velocity.velocity,
    period: { entered, steps: stageSteps(entered) },
    dataQuality: { stageBeforeCreation: Number(scan.stage_before_creation), wonBeforeFirstTouch: wonEarly, negativeDurations: velocity.negativeDurations },
  };
}
