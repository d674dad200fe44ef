import { sql, type SQL } from 'drizzle-orm';
import { UNKNOWN_CHANNEL } from '../../../core/attribution/deal-journeys.ts';
import type { FunnelFlow } from '../../../core/targets/reverse-funnel.ts';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';

/**
 * The funnel's flow over a window of days (UTC, `to` excluded), per channel, per campaign or in total:
 * leads created; leads that became MQL, SQL and customer in the window ("became MQL" counts a lead
 * that reached MQL or any later stage then for the first time); opportunities (deals created); deals
 * won, with their revenue and list amount. A lead's channel is its own, else its campaign's, else
 * direct/unknown; a deal counts under its lead's.
 */

export type FlowGrouping = 'channel' | 'campaign' | 'total';
export type GroupFlow = FunnelFlow & { group: string | null; customers: number };
export type DayWindow = { from: string; to: string };

const GROUPS: Record<FlowGrouping, SQL> = {
  channel: sql`coalesce(l.channel, c.channel, ${UNKNOWN_CHANNEL})`,
  campaign: sql`l.campaign_id::text`,
  total: sql`null::text`,
};

/** The instant a UTC day starts, for comparing with timestamptz whatever the session's time zone. */
export const dayStart = (day: string) => sql`${`${day}T00:00:00Z`}::timestamptz`;

type FlowRow = { grp: string | null; leads: number; mqls: number; sqls: number; customers: number; opportunities: number; won: number; revenue: number; list: number };

export async function funnelFlows(db: Db, workspaceId: string, window: DayWindow, by: FlowGrouping): Promise<GroupFlow[]> {
  const from = dayStart(window.from);
  const to = dayStart(window.to);
  const within = (time: SQL) => sql`(${time} >= ${from} and ${time} < ${to})`;
  const group = GROUPS[by];
  const rows = await queryRows<FlowRow>(db, sql`
    with lead_flows as (
      select ${group} as grp,
        count(*) filter (where ${within(sql`l.created_at`)}) as leads,
        count(*) filter (where ${within(sql`coalesce(l.reached_mql_at, l.reached_sal_at, l.reached_sql_at, l.reached_opportunity_at, l.reached_customer_at)`)}) as mqls,
        count(*) filter (where ${within(sql`coalesce(l.reached_sql_at, l.reached_opportunity_at, l.reached_customer_at)`)}) as sqls,
        count(*) filter (where ${within(sql`l.reached_customer_at`)}) as customers
      from leads l left join campaigns c on c.workspace_id = l.workspace_id and c.id = l.campaign_id
      where l.workspace_id = ${workspaceId}::uuid and l.created_at < ${to}
      group by 1
    ), deal_flows as (
      select ${group} as grp,
        count(*) filter (where ${within(sql`d.created_at`)}) as opportunities,
        count(*) filter (where d.status = 'won' and ${within(sql`d.closed_at`)}) as won,
        coalesce(sum(d.amount_minor) filter (where d.status = 'won' and ${within(sql`d.closed_at`)}), 0) as revenue,
        coalesce(sum(d.list_amount_minor) filter (where d.status = 'won' and ${within(sql`d.closed_at`)}), 0) as list
      from deals d
      left join leads l on l.workspace_id = d.workspace_id and l.id = d.lead_id
      left join campaigns c on c.workspace_id = l.workspace_id and c.id = l.campaign_id
      where d.workspace_id = ${workspaceId}::uuid and (${within(sql`d.created_at`)} or (d.status = 'won' and ${within(sql`d.closed_at`)}))
      group by 1
    )
    select grp, sum(leads)::int as leads, sum(mqls)::int as mqls, sum(sqls)::int as sqls, sum(customers)::int as customers,
      sum(opportunities)::int as opportunities, sum(won)::int as won, sum(revenue)::float8 as revenue, sum(list)::float8 as list
    from (
      select grp, leads, mqls, sqls, customers, 0 as opportunities, 0 as won, 0 as revenue, 0 as list from lead_flows
      union all
      select grp, 0, 0, 0, 0, opportunities, won, revenue, list from deal_flows
    ) flows
    group by grp
    order by grp`);
  return rows.map((r) => ({
    group: r.grp,
    leads: Number(r.leads),
    mqls: Number(r.mqls),
    sqls: Number(r.sqls),
    customers: Number(r.customers),
    opportunities: Number(r.opportunities),
    won: Number(r.won),
    revenueMinor: Number(r.revenue),
    listMinor: Number(r.list),
  }));
}

const NO_FLOW: FunnelFlow = { leads: 0, mqls: 0, sqls: 0, opportunities: 0, won: 0, revenueMinor: 0, listMinor: 0 };

/** The whole workspace's flow over the window. */
export async function totalFlow(db: Db, workspaceId: string, window: DayWindow): Promise<FunnelFlow> {
  const [total] = await funnelFlows(db, workspaceId, window, 'total');
  if (!total) return { ...NO_FLOW };
  const { group: _group, customers: _customers, ...flow } = total;
  return flow;
}

/** The currency most of the workspace's deals are in (EUR when there is no deal): what reports label amounts with. */
export async function workspaceCurrency(db: Db, workspaceId: string): Promise<string> {
  const [row] = await queryRows<{ currency: string }>(db, sql`
    select currency from deals where workspace_id = ${workspaceId}::uuid group by currency order by count(*) desc, currency limit 1`);
  return row?.currency ?? 'EUR';
}
