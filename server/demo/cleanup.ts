import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { refreshFunnelStatistics } from '../db/statistics.ts';
import { accounts, activities, campaigns, deals, leads, stageTransitions, touchpoints, visitors } from '../modules/funnel/funnel.table.ts';
import { leadHandovers } from '../modules/sla/sla.table.ts';
import type { World } from './world.ts';

/**
 * Removes what a demo run wrote to its workspace: its leads (known by their `demo` transitions)
 * with their accounts, deals, activities, MQL handovers, visitors and touchpoints, and its
 * campaigns. Used when a run fails half-way, since chunks commit one by one. The statistics are
 * refreshed first: planned as if the chunks written were not there (as after a fill's refresh),
 * each delete would scan the demo's transitions once per row (a minute for 5,000 leads).
 */
export async function removeDemoRows(db: Db, world: World): Promise<void> {
  const ws = world.workspaceId;
  const demoLeads = sql`select lead_id from ${stageTransitions} where workspace_id = ${ws} and cause = 'demo'`;
  const demoTouches = sql`${touchpoints.workspaceId} = ${ws} and ${touchpoints.dedupeKey} like 'demo-%'`;
  await refreshFunnelStatistics(db);
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from ${visitors} where workspace_id = ${ws} and (lead_id in (${demoLeads})
      or anonymous_id in (select anonymous_id from ${touchpoints} where ${demoTouches} and lead_id is null))`);
    await tx.execute(sql`delete from ${activities} where workspace_id = ${ws} and lead_id in (${demoLeads})`);
    await tx.execute(sql`delete from ${leadHandovers} where workspace_id = ${ws} and lead_id in (${demoLeads})`);
    await tx.execute(sql`delete from ${deals} where workspace_id = ${ws} and lead_id in (${demoLeads})`);
    await tx.execute(sql`delete from ${touchpoints} where ${demoTouches}`);
    await tx.execute(sql`with gone as (delete from ${leads} where workspace_id = ${ws} and id in (${demoLeads}) returning account_id)
      delete from ${accounts} where workspace_id = ${ws} and id in (select account_id from gone)`);
    await tx.execute(sql`delete from ${campaigns} where workspace_id = ${ws} and id in (${sql.join(world.campaigns.map((c) => sql`${c.id}::uuid`), sql`, `)})`);
  });
}
