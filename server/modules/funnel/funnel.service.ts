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

/** When a lead first reached a stage or any later one: a lead that skipped a stage still passed it. */
const REACHED_AT_LEAST: Record<FunnelStage, SQL> = {
  visitor: sql`l.created_at`,
  lead: sql`least(l.reached_lead_at, l.reached_mql_at, l.reached_sal_at, l.reached_sql_at, l.reached_opportunity_at, l.reached_customer_at)`,
  mql: sql`least(l.reached_mql_at, l.reached_sal_at, l.reached_sql_at, l.reached_opportunity_at, l.reached_customer_at)`,
  sal: sql`least(l.reached_sal_at, l.reached_sql_at, l.reached_opportunity_at, l.reached_customer_at)`,
  sql: sql`least(l.reached_sql_at, l.reached_opportunity_at, l.reached_customer_at)`,
  opportunity: sql`least(l.reached_opportunity_at, l.reached_customer_at)`,
  customer: sql`l.reached_customer_at`,
};

const GROUP_BY: Record<FunnelQuery['by'], SQL> = {
  source: sql`l.source`,
  channel: sql`l.channel`,
  campaign: sql`(select c.name from campaigns c where c.workspace_id = l.workspace_id and c.id = l.campaign_id)`,
};

export type FunnelPeriod = { from: string; to: string };

/** The period asked for, defaulting to the twelve months before today. */
export function funnelPeriod(query: FunnelQuery, now: Date): FunnelPeriod {
  const to = query.to ?? new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
  const yearAgo = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), 1));
  return { from: query.from ?? yearAgo.toISOString().slice(0, 10), to };
}

function leadsInPeriod(ctx: ServiceContext, period: FunnelPeriod): SQL {
  return sql`l.workspace_id = ${ctx.workspaceId}::uuid and l.created_at >= ${period.from}::date and l.created_at < ${period.to}::date`;
}

async function cohortCells(ctx: ServiceContext, query: FunnelQuery, period: FunnelPeriod): Promise<FunnelCell[]> {
  const within = (stage: FunnelStage) =>
    sql`count(*) filter (where ${REACHED_AT_LEAST[stage]} <= l.created_at + make_interval(days => ${query.windowDays}))::int`;
  const rows = await queryRows<Record<string, unknown>>(ctx.db, sql`
    select ${GROUP_BY[query.by]} as grp, to_char(l.created_at at time zone 'UTC', 'YYYY-MM') as cohort,
      ${sql.join(FUNNEL_STAGES.map((stage) => sql`${within(stage)} as ${sql.identifier(stage)}`), sql`, `)}
    from leads l
    where ${leadsInPeriod(ctx, period)}
    group by 1, 2`);
  return rows.map((row) => ({
    group: (row.grp as string | null) ?? null,
    cohort: String(row.cohort),
    reached: Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, Number(row[stage])])) as StageCounts,
  }));
}

async function durationBuckets(ctx: ServiceContext, query: FunnelQuery, period: FunnelPeriod): Promise<DurationBucket[]> {
  const pairs = FUNNEL_STAGES.slice(1, -1).map((from, i) => {
    const to = FUNNEL_STAGES[i + 2]!;
    return sql`(${from}, ${to}, x.${sql.identifier(from)}, x.${sql.identifier(to)})`;
  });
  const rows = await queryRows<{ grp: string | null; from_stage: FunnelStage; to_stage: FunnelStage; days: number; n: number }>(ctx.db, sql`
    select x.grp, p.from_stage, p.to_stage, floor(extract(epoch from (p.b - p.a)) / 86400)::int as days, count(*)::int as n
    from (
      select ${GROUP_BY[query.by]} as grp,
        ${sql.join(FUNNEL_STAGES.slice(1).map((stage) => sql`${REACHED_AT_LEAST[stage]} as ${sql.identifier(stage)}`), sql`, `)}
      from leads l where ${leadsInPeriod(ctx, period)}
    ) x
    cross join lateral (values ${sql.join(pairs, sql`, `)}) as p(from_stage, to_stage, a, b)
    where p.a is not null and p.b is not null
    group by 1, 2, 3, 4`);
  return rows.map((r) => ({ group: r.grp, from: r.from_stage, to: r.to_stage, days: Number(r.days), count: Number(r.n) }));
}

async function periodEntries(ctx: ServiceContext, period: FunnelPeriod) {
  const entered = (stage: FunnelStage) =>
    sql`count(*) filter (where ${REACHED_AT_LEAST[stage]} >= ${period.from}::date and ${REACHED_AT_LEAST[stage]} < ${period.to}::date)::int`;
  const [row] = await queryRows<Record<string, number>>(ctx.db, sql`
    select ${sql.join(FUNNEL_STAGES.slice(1).map((stage) => sql`${entered(stage)} as ${sql.identifier(stage)}`), sql`, `)},
      (select count(*)::int from visitors v where v.workspace_id = ${ctx.workspaceId}::uuid
         and v.first_seen_at >= ${period.from}::date and v.first_seen_at < ${period.to}::date) as visitor
    from leads l where l.workspace_id = ${ctx.workspaceId}::uuid`);
  const counts = emptyCounts();
  for (const stage of FUNNEL_STAGES) counts[stage] = Number(row?.[stage] ?? 0);
  return { entered: counts, steps: stageSteps(counts) };
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

async function dataQuality(ctx: ServiceContext, period: FunnelPeriod) {
  const [row] = await queryRows<{ stage_before_creation: number; won_before_first_touch: number }>(ctx.db, sql`
    select
      (select count(*)::int from leads l where ${leadsInPeriod(ctx, period)} and ${REACHED_AT_LEAST.lead} < l.created_at) as stage_before_creation,
      (select count(*)::int from deals d join leads l on l.workspace_id = d.workspace_id and l.id = d.lead_id
        where ${leadsInPeriod(ctx, period)} and d.status = 'won'
          and d.closed_at < (select min(t.occurred_at) from touchpoints t where t.workspace_id = d.workspace_id and t.lead_id = d.lead_id)
      ) as won_before_first_touch`);
  return { stageBeforeCreation: Number(row?.stage_before_creation ?? 0), wonBeforeFirstTouch: Number(row?.won_before_first_touch ?? 0) };
}

/**
 * The funnel both teams read: per group (source, channel or campaign) and per monthly cohort,
 * how many leads reached each stage within the window and the conversion between stages;
 * how many entered each stage during the period; the median and 90th-percentile days between
 * stages; and the bad timestamps found (counted, never fatal).
 */
export async function funnelReport(ctx: ServiceContext, query: FunnelQuery) {
  const period = funnelPeriod(query, ctx.now);
  const summary = addAnonymousVisitors(summarizeFunnel(await cohortCells(ctx, query, period)), await anonymousVisitorsByMonth(ctx, period));
  const velocity = stageVelocity(await durationBuckets(ctx, query, period));
  const periodView = await periodEntries(ctx, period);
  const quality = await dataQuality(ctx, period);
  return {
    by: query.by,
    ...period,
    windowDays: query.windowDays,
    ...summary,
    velocity: velocity.velocity,
    period: periodView,
    dataQuality: { ...quality, negativeDurations: velocity.negativeDurations },
  };
}
