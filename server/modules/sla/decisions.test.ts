import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.table.ts';
import { stageTransitions } from '../funnel/funnel.table.ts';
import { buildMember, buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { activateContract, handOver, handoverOf, inbox, insertLead, stageOf } from './fixtures.ts';

const NOW = new Date('2026-03-03T10:00:00Z');

/** A workspace with one rep holding one MQL, another rep, a manager and the marketing team. */
async function setup(h: Harness) {
  const { workspace } = await buildWorkspace(h.db);
  await activateContract(h.db, workspace.id);
  const owner = await buildMember(h.db, workspace.id, 'sales_rep');
  const leadId = await insertLead(h.db, workspace.id, { firstName: 'Maria', lastName: 'Berg', source: 'webinar' });
  await handOver(h.db, workspace.id, [leadId], NOW);
  const otherRep = await buildMember(h.db, workspace.id, 'sales_rep');
  const manager = await buildMember(h.db, workspace.id, 'sales_manager');
  const marketer = await buildMember(h.db, workspace.id, 'marketing');
  const marketingLead = await buildMember(h.db, workspace.id, 'marketing_lead');
  const decide = async (who: { email: string; password: string }, verb: 'accept' | 'reject', body: unknown = {}) =>
    h.request({ method: 'POST', url: `/api/v1/workspaces/${workspace.id}/leads/${leadId}/${verb}`, cookie: await signIn(h, who), body });
  const transitions = () => h.db.select().from(stageTransitions).where(and(eq(stageTransitions.workspaceId, workspace.id), eq(stageTransitions.leadId, leadId)));
  return { workspace, leadId, owner, otherRep, manager, marketer, marketingLead, decide, transitions };
}

describeOnEngines('MQL decisions', (h) => {
  it('lets the owner accept: the lead becomes a SAL, logged with who and why, and audited', async () => {
    const { workspace, leadId, owner, decide, transitions } = await setup(h);
    const response = await decide(owner, 'accept');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ leadId, decision: 'accepted', decidedBy: owner.id, leadName: 'Maria Berg' });
    expect(await stageOf(h.db, workspace.id, leadId)).toMatchObject({ stage: 'sal' });
    expect(await transitions()).toEqual([expect.objectContaining({ fromStage: 'mql', toStage: 'sal', cause: 'accepted', actorId: owner.id })]);
    const audit = await h.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'handover.accept')));
    expect(audit).toEqual([expect.objectContaining({ entityId: leadId, actorId: owner.id })]);
  });

  it('refuses another rep with who holds the MQL, and changes nothing; a manager may decide for the owner', async () => {
    const { workspace, leadId, owner, otherRep, manager, decide, transitions } = await setup(h);
    const refused = await decide(otherRep, 'accept');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(`This MQL is assigned to ${owner.name}; only they or a sales manager can accept or reject it.`);
    expect(await handoverOf(h.db, workspace.id, leadId)).toMatchObject({ decision: null, decidedAt: null });
    expect(await stageOf(h.db, workspace.id, leadId)).toMatchObject({ stage: 'mql' });
    expect(await transitions()).toEqual([]);

    const onBehalf = await decide(manager, 'accept');
    expect(onBehalf.statusCode).toBe(200);
    expect(onBehalf.json()).toMatchObject({ decision: 'accepted', decidedBy: manager.id, ownerId: owner.id });
  });

  it('sends a rejected MQL back to nurture with the reason, tells Marketing, and refuses a second decision', async () => {
    const { workspace, leadId, owner, marketer, marketingLead, manager, decide, transitions } = await setup(h);
    const rejected = await decide(owner, 'reject', { reason: 'duplicate', note: 'Already in the CRM as ACME-12' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ decision: 'rejected', rejectionReason: 'duplicate', rejectionNote: 'Already in the CRM as ACME-12' });
    expect(await stageOf(h.db, workspace.id, leadId)).toMatchObject({ stage: 'nurture' });
    expect(await transitions()).toEqual([
      expect.objectContaining({ fromStage: 'mql', toStage: 'nurture', cause: 'rejected', reason: 'duplicate: Already in the CRM as ACME-12', actorId: owner.id }),
    ]);
    for (const person of [marketer, marketingLead]) {
      expect(await inbox(h.db, workspace.id, person.id)).toEqual([
        expect.objectContaining({ event: 'lead_rejected', title: 'MQL rejected: Maria Berg', link: `/w/${workspace.slug}/leads/${leadId}` }),
      ]);
    }
    expect(await inbox(h.db, workspace.id, manager.id)).toEqual([]);

    const again = await decide(owner, 'reject', { reason: 'no_budget' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/^This MQL was already rejected on \d{4}-\d{2}-\d{2}\.$/);
    expect((await decide(owner, 'accept')).statusCode).toBe(409);
    expect(await handoverOf(h.db, workspace.id, leadId)).toMatchObject({ rejectionReason: 'duplicate' });
    expect(await transitions()).toHaveLength(1);
  });

  it('names what is wrong with a rejection, and answers 404 for a lead never handed over', async () => {
    const { workspace, owner, decide } = await setup(h);
    const noNote = await decide(owner, 'reject', { reason: 'other' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details).toEqual([{ field: 'note', message: "is required when the reason is 'other'" }]);
    const plainLead = await insertLead(h.db, workspace.id);
    const missing = await h.request({ method: 'POST', url: `/api/v1/workspaces/${workspace.id}/leads/${plainLead}/accept`, cookie: await signIn(h, owner), body: {} });
    expect(missing.statusCode).toBe(404);
  });
});
