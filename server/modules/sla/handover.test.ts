import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { accounts, campaigns, touchpoints } from '../funnel/funnel.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { buildMember, buildWorkspace, signIn, type TestUser } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { loadReps } from './settings.service.ts';
import { activateContract, handOver, handoverOf, inbox, insertLead, stageOf } from './fixtures.ts';

async function setup(h: Harness) {
  const { workspace, admin } = await buildWorkspace(h.db);
  await activateContract(h.db, workspace.id);
  const manager = await buildMember(h.db, workspace.id, 'sales_manager');
  const managerCookie = await signIn(h, manager);
  const put = (path: string, body: unknown, cookie = managerCookie) => h.request({ method: 'PUT', url: `/api/v1/workspaces/${workspace.id}/${path}`, cookie, body });
  return { workspace, admin, manager, put };
}

/** New sales reps of the workspace, in turn order (the order they joined). */
async function repsInTurn(h: Harness, workspaceId: string, count: number) {
  const reps = [];
  for (let i = 0; i < count; i++) reps.push(await buildMember(h.db, workspaceId, 'sales_rep'));
  const order = (await loadReps(h.db, workspaceId)).map((rep) => rep.userId);
  return reps.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

const NOW = new Date('2026-03-03T10:00:00Z');

describeOnEngines('MQL handover', (h) => {
  it('routes round robin across the reps, skipping the one who is away, and keeps the turn between calls', async () => {
    const { workspace, put } = await setup(h);
    const [first, away, third] = (await repsInTurn(h, workspace.id, 3)) as [TestUser, TestUser, TestUser];
    const ownPut = await put(`reps/${away.id}`, { away: true }, await signIn(h, away));
    expect(ownPut.json()).toMatchObject({ userId: away.id, away: true, capacity: null });

    const batch = [];
    for (let i = 0; i < 4; i++) batch.push(await insertLead(h.db, workspace.id, { firstName: `Lead${i}` }));
    await handOver(h.db, workspace.id, batch, NOW);
    const owners = await Promise.all(batch.map(async (id) => (await handoverOf(h.db, workspace.id, id))!.ownerId));
    expect(owners).toEqual([first.id, third.id, first.id, third.id]);
    expect((await stageOf(h.db, workspace.id, batch[0]!))!.ownerId).toBe(first.id);

    const single = await insertLead(h.db, workspace.id, { firstName: 'Solo' });
    await handOver(h.db, workspace.id, [single], NOW);
    expect((await handoverOf(h.db, workspace.id, single))!.ownerId).toBe(first.id);

    const firstInbox = await inbox(h.db, workspace.id, first.id);
    expect(firstInbox.map((n) => [n.event, n.title])).toEqual([['mql_assigned', '2 new MQLs for you'], ['mql_assigned', 'New MQL for you: Solo']]);
    expect(firstInbox[0]!.link).toBe(`/w/${workspace.slug}/leads?ownerId=${first.id}&stage=mql`);
    expect(await inbox(h.db, workspace.id, away.id)).toEqual([]);
  });

  it('skips a rep at capacity', async () => {
    const { workspace, put } = await setup(h);
    const [capped, other] = (await repsInTurn(h, workspace.id, 2)).map((rep) => rep.id);
    expect((await put(`reps/${capped}`, { capacity: 1 })).statusCode).toBe(200);
    const ids = [await insertLead(h.db, workspace.id), await insertLead(h.db, workspace.id), await insertLead(h.db, workspace.id)];
    await handOver(h.db, workspace.id, ids, NOW);
    const owners = await Promise.all(ids.map(async (id) => (await handoverOf(h.db, workspace.id, id))!.ownerId));
    expect(owners).toEqual([capped, other, other]);
    expect((await loadReps(h.db, workspace.id)).map((rep) => [rep.userId, rep.openMqls])).toEqual(expect.arrayContaining([[capped, 1], [other, 2]]));
  });

  it('writes the note and starts the SLA clocks in business hours of the workspace’s time zone', async () => {
    const { workspace } = await setup(h);
    const [rep] = (await repsInTurn(h, workspace.id, 1)).map((r) => r.id);
    await h.db.update(workspaces).set({ timeZone: 'Europe/Berlin' }).where(eq(workspaces.id, workspace.id));
    const accountId = crypto.randomUUID();
    const campaignId = crypto.randomUUID();
    const at = new Date('2026-01-01T00:00:00Z');
    await h.db.insert(accounts).values({ workspaceId: workspace.id, id: accountId, name: 'Hotel Aurora', industry: 'Hospitality', employees: 120, country: 'DE', createdAt: at, updatedAt: at });
    await h.db.insert(campaigns).values({ workspaceId: workspace.id, id: campaignId, name: 'Spring webinar', createdAt: at, updatedAt: at });
    const leadId = await insertLead(h.db, workspace.id, { firstName: 'Maria', lastName: 'Berg', accountId, campaignId });
    await h.db.insert(touchpoints).values(Array.from({ length: 6 }, (_, i) => ({
      workspaceId: workspace.id, id: crypto.randomUUID(), dedupeKey: `t${i}`, leadId, type: 'page_view' as const, url: `/page-${i}`, occurredAt: new Date(Date.UTC(2026, 2, 1, 9 + i)), createdAt: at,
    })));

    const fridayFourPm = new Date('2026-03-06T15:00:00Z');
    await handOver(h.db, workspace.id, [leadId], fridayFourPm);
    await handOver(h.db, workspace.id, [leadId], fridayFourPm);

    const handover = (await handoverOf(h.db, workspace.id, leadId))!;
    expect(handover).toMatchObject({ ownerId: rep, assignedAt: fridayFourPm, routingRule: 'fallback', routingNote: 'Fallback pool', version: 1 });
    expect(handover.firstContactDueAt!.toISOString()).toBe('2026-03-09T11:00:00.000Z');
    expect(handover.attemptsDueAt!.toISOString()).toBe('2026-03-09T15:00:00.000Z');
    expect(handover.note.summary).toBe(
      'Maria Berg at Hotel Aurora via Spring webinar qualified under contract v1: fit 45, engagement 52; Asked for a demo (+40), Director or head of (+25), Page views (+12).',
    );
    expect(handover.note.latestTouchpoints.map((t) => t.url)).toEqual(['/page-5', '/page-4', '/page-3', '/page-2', '/page-1']);
    expect(handover.note.account).toEqual({ name: 'Hotel Aurora', industry: 'Hospitality', employees: 120, country: 'DE', openDeals: 0, wonDeals: 0 });
    const messages = await inbox(h.db, workspace.id, rep!);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ event: 'mql_assigned', title: 'New MQL for you: Maria Berg', link: `/w/${workspace.slug}/leads/${leadId}` });
    expect(messages[0]!.body).toContain('First contact due by Mon 9 Mar, 12:00');
  });

  it('tells the sales managers when no rep can take the MQL, and leaves the lead unowned', async () => {
    const { workspace, manager, admin } = await setup(h);
    const leadId = await insertLead(h.db, workspace.id, { firstName: 'Orphan' });
    await handOver(h.db, workspace.id, [leadId], NOW);
    const handover = (await handoverOf(h.db, workspace.id, leadId))!;
    expect(handover).toMatchObject({ ownerId: null, assignedAt: null, routingNote: 'No eligible rep in the fallback pool: the pools are empty' });
    expect(handover.firstContactDueAt!.toISOString()).toBe('2026-03-03T14:00:00.000Z');
    expect((await stageOf(h.db, workspace.id, leadId))!.ownerId).toBeNull();
    const messages = await inbox(h.db, workspace.id, manager.id);
    expect(messages).toEqual([expect.objectContaining({ event: 'mql_unassigned', title: 'MQL without a rep: Orphan', body: 'No eligible rep in the fallback pool: the pools are empty.' })]);
    expect(await inbox(h.db, workspace.id, admin.id)).toEqual([]);
  });
});
