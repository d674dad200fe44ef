import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { queryRows } from '../server/db/raw.ts';
import { fillDemoWorkspace } from '../server/demo/demo.service.ts';
import { refreshFunnelStatistics } from '../server/db/statistics.ts';

export const SCALE_LEADS = 200_000;
export const SCALE_TOUCHPOINTS = 2_000_000;

/**
 * The workspace the issues' figures speak of: 200,000 demo leads and 2,000,000 touchpoints. The
 * demo gives about 6.7 touchpoints a lead; the rest are return visits (each a page view of a
 * lead's earlier page, a day later), written in one statement.
 */
export async function seedAtScale(db: Db, workspaceId: string, now: Date): Promise<{ leads: number; touchpoints: number }> {
  const filled = await fillDemoWorkspace(db, workspaceId, SCALE_LEADS, now);
  const missing = SCALE_TOUCHPOINTS - filled.touchpoints;
  if (missing <= 0) return { leads: filled.leads, touchpoints: filled.touchpoints };
  const [added] = await queryRows<{ added: number }>(db, sql`
    with revisits as (
      insert into touchpoints (workspace_id, id, dedupe_key, lead_id, type, channel, campaign_id, url, occurred_at, created_at)
      select workspace_id, gen_random_uuid(), 'revisit:' || id, lead_id, 'page_view', channel, campaign_id, url, occurred_at + interval '1 day', created_at
      from touchpoints
      where workspace_id = ${workspaceId}::uuid and lead_id is not null and url is not null and occurred_at < ${now.toISOString()}::timestamptz - interval '1 day'
      limit ${missing}
      returning 1)
    select count(*)::int as added from revisits`);
  await refreshFunnelStatistics(db);
  return { leads: filled.leads, touchpoints: filled.touchpoints + added!.added };
}
