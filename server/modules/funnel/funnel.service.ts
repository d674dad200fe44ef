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

// Campaigns are grouped by id and named after aggregation.
const GROUP_BY: Record<FunnelQuery['by'], SQL> = {
  source: sql`r.source`,
  channel: sql`r.channel`,
  campaign: sql`r.campaign_id::text`,
};

/** Whole calendar months (UTC): `from` is the first day of the first month, `to` the first day after the last. */
export type FunnelPeriod = { from: string; to: string };

const monthStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
const nextMonthStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The months asked for: `from` widens to the start of its month, an exclusive `to` to the start
 * of the next month unless it is one already. Without them: the twelve months up to this one.
 */
export function funnelPeriod(query: FunnelQuery, now: Date): FunnelPeriod {
  const from = query.from ? monthStart(new Date(query.from)) : new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + 1, 1));
  const to = query.to ? new Date(query.to) : now;
  const end = query.to && day(monthStart(to)) === query.to ? to : nextMonthStart(to);
  return { from: day(from), to: day(end) };
}

type RollupRow = { kind: 'reached' | 'step' | 'entered' | 'stamped_early'; grp: string | null; cohort: string | null; stage: FunnelStage; days: number | null; n: number };

/**
 * The report's numbers from the rollup the database keeps on every write of a lead (see
 * funnelRollup): cohorts reaching each stage within the window, days per step, stage entries
 * and early-stamped leads, summed over the period's months and the chosen grouping.
 */
async function readRollup(ctx: ServiceContext, query: FunnelQuery, period: FunnelPeriod): Promise<RollupRow[]> {
  return queryRows<RollupRow>(ctx.db, sql`
    select r.kind,
      case when r.kind in ('reached', 'step') then ${GROUP_BY[query.by]} end as grp,
      case when r.kind = 'reached' then to_char(r.month, 'YYYY-MM') end as cohort,
      r.stage,
      case when r.kind = 'step' then r.days end as days,
      sum(r.leads)::int as n
    from funnel_rollup r
    where r.workspace_id = ${ctx.workspaceId}::uuid and r.month >= ${period.from}::date and r.month < ${period.to}::date
      and (r.kind <> 'reached' or r.days <= ${query.windowDays})
    group by 1, 2, 3, 4, 5
    having sum(r.leads) <> 0`);
}

/** The rollup rows as the pure metrics take them: cohort cells, day buckets, entries, early stamps. */
function fromRollup(rows: RollupRow[]) {
  const cells = new Map<string, FunnelCell>();
  const buckets: DurationBucket[] = [];
  const entered: Partial<Record<FunnelStage, number>> = {};
  let stampedEarly = 0;
  for (const row of rows) {
    const n = Number(row.n);
    if (row.kind === 'reached') {
      const key = `${row.grp}\u0000${row.cohort}`;
      const cell = cells.get(key) ?? { group: row.grp, cohort: row.cohort!, reached: emptyCounts() };
      cell.reached[row.stage] = n;
      cells.set(key, cell);
    } else if (row.kind === 'step') {
      buckets.push({ group: row.grp, from: FUNNEL_STAGES[FUNNEL_STAGES.indexOf(row.stage) - 1]!, to: row.stage, days: Number(row.days), count: n });
    } else if (row.kind === 'entered') entered[row.stage] = n;
    else stampedEarly = n;
  }
  return { cells: [...cells.values()], buckets, entered, stampedEarly };
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
  const [rows, anonymous, wonEarly, names] = await Promise.all([
    readRollup(ctx, query, period),
    anonymousVisitorsByMonth(ctx, period),
    wonBeforeFirstTouch(ctx, period),
    query.by === 'campaign' ? campaignNames(ctx) : Promise.resolve(null),
  ]);
  const group = (grp: string | null) => (grp && names ? (names.get(grp) ?? grp) : grp);
  const rollup = fromRollup(rows);
  const cells = rollup.cells.map((cell) => ({ ...cell, group: group(cell.group) }));
  const buckets = rollup.buckets.map((bucket) => ({ ...bucket, group: group(bucket.group) }));
  const summary = addAnonymousVisitors(summarizeFunnel(cells), anonymous);
  const velocity = stageVelocity(buckets);
  const entered = counts({ ...rollup.entered, visitor: [...anonymous.values()].reduce((sum, n) => sum + n, 0) });
  return {
    by: query.by,
    ...period,
    windowDays: query.windowDays,
    ...summary,
    velocity: velocity.velocity,
    period: { entered, steps: stageSteps(entered) },
    dataQuality: { stageBeforeCreation: rollup.stampedEarly, wonBeforeFirstTouch: wonEarly, negativeDurations: velocity.negativeDurations },
  };
}
