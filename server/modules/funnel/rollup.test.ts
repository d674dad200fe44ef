import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import { fillDemoWorkspace } from '../../demo/demo.service.ts';
import { buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines } from '../../testing/harness.ts';

const NOW = new Date('2026-06-15T12:00:00Z');

type Fact = { kind: string; stage: string; month: string; days: number; source: string | null; channel: string | null; campaign: string | null; leads: number };

/** The rollup rows of a workspace that count something, in a stable order. */
async function rollupOf(db: Db, workspaceId: string): Promise<Fact[]> {
  return queryRows<Fact>(db, sql`
    select kind, stage, month::text as month, days, source, channel, campaign_id::text as campaign, leads
    from funnel_rollup where workspace_id = ${workspaceId}::uuid and leads <> 0
    order by kind, stage, month, days, source nulls first, channel nulls first, campaign nulls first`);
}

/** The rollup computed afresh from the leads as they are now, without keeping it. */
async function rebuiltRollupOf(db: Db, workspaceId: string): Promise<Fact[]> {
  let rebuilt: Fact[] = [];
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`delete from funnel_rollup where workspace_id = ${workspaceId}::uuid`);
      await tx.execute(sql`select funnel_rollup_change(null, array_agg(l)) from leads l where l.workspace_id = ${workspaceId}::uuid`);
      rebuilt = await rollupOf(tx as unknown as Db, workspaceId);
      throw new Error('roll back');
    })
    .catch((error: Error) => {
      if (error.message !== 'roll back') throw error;
    });
  return rebuilt;
}

describeOnEngines('funnel rollup', (h) => {
  it('stays equal to the leads through inserts, stage moves, upserts and deletes', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    await fillDemoWorkspace(h.db, workspace.id, 300, NOW);
    const cookie = await signIn(h, admin);
    const send = (method: 'POST' | 'PUT', path: string, body: unknown) =>
      h.request({ method, url: `/api/v1/workspaces/${workspace.id}/${path}`, cookie, body });
    expect((await rollupOf(h.db, workspace.id)).length).toBeGreaterThan(50);

    const leads = await queryRows<{ id: string }>(h.db, sql`select id from leads where workspace_id = ${workspace.id}::uuid and stage = 'lead' order by id limit 3`);
    for (const lead of leads) expect((await send('POST', `leads/${lead.id}/stage`, { stage: 'sql', reason: 'called back' })).statusCode).toBe(200);
    expect((await send('PUT', `leads/${leads[0]!.id}`, { email: 'moved@example.com', source: 'trade_show', channel: 'events' })).statusCode).toBe(200);
    const fresh = { email: 'fresh@example.com', source: 'referral', stage: 'mql', createdAt: '2026-05-02T10:00:00Z' };
    expect((await send('PUT', 'leads/external/fresh-1', fresh)).statusCode).toBe(201);
    expect((await send('PUT', 'leads/external/fresh-1', { ...fresh, stage: 'opportunity' })).statusCode).toBe(200);
    const deleted = await queryRows<{ id: string }>(h.db, sql`delete from leads where workspace_id = ${workspace.id}::uuid and id in (
      select l.id from leads l where l.workspace_id = ${workspace.id}::uuid and l.stage <> 'lead'
        and not exists (select 1 from activities a where a.workspace_id = l.workspace_id and a.lead_id = l.id)
        and not exists (select 1 from deals d where d.workspace_id = l.workspace_id and d.lead_id = l.id)
        and not exists (select 1 from visitors v where v.workspace_id = l.workspace_id and v.lead_id = l.id)
      order by l.id limit 2) returning id`);
    expect(deleted).toHaveLength(2);

    expect(await rollupOf(h.db, workspace.id)).toEqual(await rebuiltRollupOf(h.db, workspace.id));
  });

  it('goes with its workspace', async () => {
    const { workspace } = await buildWorkspace(h.db);
    await fillDemoWorkspace(h.db, workspace.id, 50, NOW);
    await h.db.execute(sql`delete from workspaces where id = ${workspace.id}::uuid`);
    expect(await rollupOf(h.db, workspace.id)).toEqual([]);
  });
});
