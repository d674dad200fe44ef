import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { appJobs } from '../../jobs/jobs.ts';
import { leads, stageTransitions } from '../funnel/funnel.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { buildMember, buildWorkspace } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { activateContract, handOver, handoverOf, inbox, insertLead, logCall, stageOf } from './fixtures.ts';
import { sweepSla } from './sweep.service.ts';

/** Monday 09:00 UTC: with 09:00–17:00 UTC and 4 business hours, first contact is due at 13:00; 2 attempts by Thursday 09:00. */
const MONDAY = new Date('2026-03-02T09:00:00Z');

async function setup(h: Harness) {
  const { workspace } = await buildWorkspace(h.db);
  await h.db.update(workspaces).set({ timeZone: 'UTC' }).where(eq(workspaces.id, workspace.id));
  await activateContract(h.db, workspace.id);
  const rep = await buildMember(h.db, workspace.id, 'sales_rep');
  const manager = await buildMember(h.db, workspace.id, 'sales_manager');
  return { workspace, rep, manager };
}

describeOnEngines('SLA sweep', (h) => {
  it('tells the rep and the managers once when first contact is overdue, and not about a contacted lead', async () => {
    const { workspace, rep, manager } = await setup(h);
    const silent = await insertLead(h.db, workspace.id, { firstName: 'Silent' });
    const called = await insertLead(h.db, workspace.id, { firstName: 'Called' });
    await handOver(h.db, workspace.id, [silent, called], MONDAY);
    await logCall(h.db, workspace.id, called, '2026-03-02T10:00:00Z', rep.id);

    await sweepSla(h.db, new Date('2026-03-02T12:59:00Z'));
    expect(await inbox(h.db, workspace.id, manager.id)).toEqual([]);

    const sweep = appJobs({ db: h.db, config: h.config }).find((job) => job.name === 'sla-sweep')!;
    expect(sweep.everyMs).toBe(300_000);
    await sweep.run(new Date('2026-03-02T14:00:00Z'));
    await sweep.run(new Date('2026-03-02T15:00:00Z'));

    const told = expect.objectContaining({ event: 'sla_breach', title: 'SLA breached: first contact for Silent', link: `/w/${workspace.slug}/leads/${silent}` });
    expect(await inbox(h.db, workspace.id, manager.id)).toEqual([told]);
    expect(await inbox(h.db, workspace.id, rep.id)).toEqual([expect.objectContaining({ event: 'mql_assigned' }), told]);
    expect((await handoverOf(h.db, workspace.id, silent))!.firstContactBreachNotifiedAt!.toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect((await handoverOf(h.db, workspace.id, called))!.firstContactBreachNotifiedAt).toBeNull();
  });

  it('tells them when the attempts window closed with too few attempts', async () => {
    const { workspace, rep, manager } = await setup(h);
    const once = await insertLead(h.db, workspace.id, { firstName: 'Once' });
    const twice = await insertLead(h.db, workspace.id, { firstName: 'Twice' });
    await handOver(h.db, workspace.id, [once, twice], MONDAY);
    await logCall(h.db, workspace.id, once, '2026-03-02T10:00:00Z');
    await logCall(h.db, workspace.id, twice, '2026-03-02T10:00:00Z');
    await logCall(h.db, workspace.id, twice, '2026-03-04T10:00:00Z');
    await logCall(h.db, workspace.id, once, '2026-03-05T10:00:00Z');

    await sweepSla(h.db, new Date('2026-03-05T11:00:00Z'));
    await sweepSla(h.db, new Date('2026-03-05T12:00:00Z'));
    const told = expect.objectContaining({ event: 'sla_breach', title: 'SLA breached: contact attempts for Once' });
    expect(await inbox(h.db, workspace.id, manager.id)).toEqual([told]);
    expect((await inbox(h.db, workspace.id, rep.id)).filter((n) => n.event === 'sla_breach')).toEqual([told]);
    expect((await handoverOf(h.db, workspace.id, twice))!.attemptsBreachNotifiedAt).toBeNull();
  });

  it('recycles an MQL nobody decided in time to nurture, but not a lead that moved on', async () => {
    const { workspace } = await setup(h);
    const forgotten = await insertLead(h.db, workspace.id, { firstName: 'Forgotten' });
    const movedOn = await insertLead(h.db, workspace.id, { firstName: 'Moved on' });
    await handOver(h.db, workspace.id, [forgotten, movedOn], MONDAY);
    await h.db.update(leads).set({ stage: 'sql' }).where(and(eq(leads.workspaceId, workspace.id), eq(leads.id, movedOn)));

    await sweepSla(h.db, new Date('2026-04-01T08:59:00Z'));
    expect(await handoverOf(h.db, workspace.id, forgotten)).toMatchObject({ decision: null });

    const thirtyDaysLater = new Date('2026-04-01T09:00:00Z');
    await sweepSla(h.db, thirtyDaysLater);
    expect(await handoverOf(h.db, workspace.id, forgotten)).toMatchObject({ decision: 'recycled', decidedAt: thirtyDaysLater, decidedBy: null });
    expect(await stageOf(h.db, workspace.id, forgotten)).toMatchObject({ stage: 'nurture' });
    const logged = await h.db.select().from(stageTransitions).where(and(eq(stageTransitions.workspaceId, workspace.id), eq(stageTransitions.leadId, forgotten)));
    expect(logged).toEqual([expect.objectContaining({ fromStage: 'mql', toStage: 'nurture', cause: 'sla_stale', actorId: null, reason: 'Neither accepted nor rejected within 30 days' })]);
    expect(await handoverOf(h.db, workspace.id, movedOn)).toMatchObject({ decision: 'recycled' });
    expect(await stageOf(h.db, workspace.id, movedOn)).toMatchObject({ stage: 'sql' });
  });
});
