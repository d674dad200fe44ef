import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import { refreshFunnelStatistics } from '../../server/db/statistics.ts';

/**
 * The workspace the attribution figure speaks of: 1,000,000 touchpoints and 50,000 deals, all created
 * and won in the first half of 2026. 50,000 leads convert (one deal each, 16 touches over the 40 days
 * before it); 50,000 others only browse (4 touches each). 20 channels, 60 campaigns (a third of the
 * touches carry one). Written by a few `insert … select … from generate_series` statements: the
 * database makes the rows, nothing crosses the wire.
 */

export const ATTRIBUTION_PERIOD = { from: '2026-01-01', to: '2026-07-01' };
export const CONVERTING_LEADS = 50_000;
const BROWSING_LEADS = 50_000;
const TOUCHES_PER_CONVERTING = 16;
const TOUCHES_PER_BROWSING = 4;
const CAMPAIGNS = 60;
const CHANNELS = 20;

/** A deterministic id per kind and number, in this workspace. */
const idOf = (workspaceId: string, kind: string, n: ReturnType<typeof sql>) => sql`md5(${workspaceId} || ${`:${kind}:`} || ${n})::uuid`;

export async function seedAttributionWorkspace(db: Db, workspaceId: string): Promise<{ touchpoints: number; deals: number }> {
  const ws = sql`${workspaceId}::uuid`;
  const created = sql`(timestamptz '2026-01-01 09:00:00+00' + (i % 120) * interval '1 day' + (i % 600) * interval '1 minute')`;
  await db.execute(sql`
    insert into campaigns (workspace_id, id, name, channel, starts_on, ends_on, budget_minor, spend_minor, currency, created_at, updated_at)
    select ${ws}, ${idOf(workspaceId, 'campaign', sql`j`)}, 'Campaign ' || j, 'channel_' || (j % ${CHANNELS}), date '2026-01-01', date '2026-06-30',
      (j + 1) * 1000000, (j + 1) * 900000, 'EUR', now(), now()
    from generate_series(0, ${CAMPAIGNS - 1}) j`);
  await db.execute(sql`
    insert into leads (workspace_id, id, stage, stage_changed_at, created_at, updated_at, channel, campaign_id, reached_lead_at, reached_mql_at, reached_sql_at, reached_opportunity_at, reached_customer_at)
    select ${ws}, ${idOf(workspaceId, 'lead', sql`i`)}, case when i <= ${CONVERTING_LEADS} then 'customer' else 'lead' end, ${created}, ${created}, ${created},
      'channel_' || (i % ${CHANNELS}), case when i % 4 = 0 then ${idOf(workspaceId, 'campaign', sql`(i % ${CAMPAIGNS})`)} end,
      ${created},
      case when i <= ${CONVERTING_LEADS} then ${created} + interval '2 days' end,
      case when i <= ${CONVERTING_LEADS} then ${created} + interval '4 days' end,
      case when i <= ${CONVERTING_LEADS} then ${created} + interval '5 days' + (i % 10) * interval '1 day' end,
      case when i <= ${CONVERTING_LEADS} then ${created} + interval '15 days' + (i % 10) * interval '1 day' + (i % 7) * interval '1 day' end
    from generate_series(1, ${CONVERTING_LEADS + BROWSING_LEADS}) i`);
  await db.execute(sql`
    insert into deals (workspace_id, id, name, lead_id, amount_minor, list_amount_minor, discount_rate, currency, status, created_at, closed_at, updated_at)
    select ${ws}, ${idOf(workspaceId, 'deal', sql`i`)}, 'Deal ' || i, ${idOf(workspaceId, 'lead', sql`i`)},
      100000 + (i * 7919) % 900000, round((100000 + (i * 7919) % 900000) * 1.1), 0.0909, 'EUR', 'won',
      ${created} + interval '5 days' + (i % 10) * interval '1 day',
      ${created} + interval '15 days' + (i % 10) * interval '1 day' + (i % 7) * interval '1 day',
      ${created} + interval '15 days' + (i % 10) * interval '1 day' + (i % 7) * interval '1 day'
    from generate_series(1, ${CONVERTING_LEADS}) i`);
  for (const [first, last, touches] of [[1, CONVERTING_LEADS, TOUCHES_PER_CONVERTING], [CONVERTING_LEADS + 1, CONVERTING_LEADS + BROWSING_LEADS, TOUCHES_PER_BROWSING]] as const) {
    await db.execute(sql`
      insert into touchpoints (workspace_id, id, dedupe_key, lead_id, type, channel, campaign_id, occurred_at, created_at)
      select ${ws}, ${idOf(workspaceId, 'touch', sql`(i || ':' || k)`)}, 'bench:' || i || ':' || k, ${idOf(workspaceId, 'lead', sql`i`)},
        (array['page_view', 'email_click', 'ad_click', 'form_submit', 'email_open'])[1 + (i + k) % 5],
        case when (i + k) % 5 = 0 then null else 'channel_' || ((i * 31 + k * 17) % ${CHANNELS}) end,
        case when (i + k) % 3 = 0 then ${idOf(workspaceId, 'campaign', sql`((i + k) % ${CAMPAIGNS})`)} end,
        ${created} - interval '40 days' + k * interval '3 days',
        ${created} - interval '40 days' + k * interval '3 days'
      from generate_series(${first}::int, ${last}::int) i cross join generate_series(0, ${touches - 1}::int) k`);
  }
  await refreshFunnelStatistics(db);
  return { touchpoints: CONVERTING_LEADS * TOUCHES_PER_CONVERTING + BROWSING_LEADS * TOUCHES_PER_BROWSING, deals: CONVERTING_LEADS };
}
