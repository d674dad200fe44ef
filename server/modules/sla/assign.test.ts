import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.table.ts';
import { buildMember, buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { activateContract, handOver, handoverOf, inbox, insertLead, stageOf } from './fixtures.ts';

const MQL_AT = new Date('2026-03-03T10:00:00Z');

/** An MQL that found no rep (none existed when it qualified), then a team that can take it. */
async function setup(h: Harness) {
  const { workspace } = await buildWorkspace(h.db);
  await activateContract(h.db, workspace.id);
  const leadId = await insertLead(h.db, workspace.id, { firstName: 'Maria', lastName: 'Berg' });
  await handOver(h.db, workspace.id, [leadId], MQL_AT);
  const rep = await buildMember(h.db, workspace.id, 'sales_rep');
  const otherRep = await buildMember(h.db, workspace.id, 'sales_rep');
  const manager = await buildMember(h.db, workspace.id, 'sales_manager');
  const marketer = await buildMember(h.db, workspace.id, 'marketing');
  const assign = async (who: { email: string; password: string }, body: unknown) =>
    h.request({ method: 'POST', url: `/api/v1/workspaces/${workspace.id}/leads/${leadId}/assign`, cookie: await signIn(h, who), body });
  return { workspace, leadId, rep, otherRep, manager, marketer, assign };
}

describeOnEngines('assigning an MQL', (h) => {
  it('lets a sales manager give an unowned MQL to a rep: owner set, SLA clock started, rep told, audited', async () => {
    const { workspace, leadId, rep, manager, assign } = await setup(h);
    expect(await handoverOf(h.db, workspace.id, leadId)).toMatchObject({ ownerId: null, assignedAt: null });

    const response = await assign(manager, { ownerId: rep.id });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ leadId, ownerId: rep.id, routingNote: `Assigned by ${manager.name}` });
    const handover = (await handoverOf(h.db, workspace.id, leadId))!;
    expect(handover.assignedAt!.getTime()).toBeGreaterThan(MQL_AT.getTime());
    expect(handover.firstContactDueAt!.getTime()).toBeGreaterThan(handover.assignedAt!.getTime());
    expect(await stageOf(h.db, workspace.id, leadId)).toEqual({ stage: 'mql', ownerId: rep.id });
    expect(await inbox(h.db, workspace.id, rep.id)).toEqual([
      expect.objectContaining({ event: 'mql_assigned', title: 'New MQL for you: Maria Berg', body: expect.stringContaining(`${manager.name} assigned Maria Berg to you. First contact due by`) }),
    ]);
    const audit = await h.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'handover.assign')));
    expect(audit).toEqual([expect.objectContaining({ entityId: leadId, actorId: manager.id, before: expect.objectContaining({ ownerId: null }), after: expect.objectContaining({ ownerId: rep.id }) })]);
  });

  it('moves an MQL from one rep to another, and refuses the same owner twice', async () => {
    const { workspace, leadId, rep, otherRep, manager, assign } = await setup(h);
    expect((await assign(manager, { ownerId: rep.id })).statusCode).toBe(200);
    const moved = await assign(manager, { ownerId: otherRep.id });
    expect(moved.statusCode).toBe(200);
    expect(await stageOf(h.db, workspace.id, leadId)).toEqual({ stage: 'mql', ownerId: otherRep.id });
    const again = await assign(manager, { ownerId: otherRep.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(`This MQL is already assigned to ${otherRep.name}.`);
  });

  it('refuses a rep, someone outside Sales or the workspace, and a decided MQL, changing nothing', async () => {
    const { workspace, leadId, rep, otherRep, manager, marketer, assign } = await setup(h);
    expect((await assign(rep, { ownerId: rep.id })).statusCode).toBe(403);
    const outsider = await buildMember(h.db, (await buildWorkspace(h.db)).workspace.id, 'sales_rep');
    for (const ownerId of [marketer.id, outsider.id]) {
      const refused = await assign(manager, { ownerId });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toEqual([{ field: 'ownerId', message: 'is not a sales rep or sales manager of this workspace' }]);
    }
    expect((await assign(manager, { ownerId: 'not-an-id' })).statusCode).toBe(400);
    expect(await handoverOf(h.db, workspace.id, leadId)).toMatchObject({ ownerId: null, assignedAt: null });

    await assign(manager, { ownerId: rep.id });
    const accepted = await h.request({ method: 'POST', url: `/api/v1/workspaces/${workspace.id}/leads/${leadId}/accept`, cookie: await signIn(h, rep), body: {} });
    expect(accepted.statusCode).toBe(200);
    const late = await assign(manager, { ownerId: otherRep.id });
    expect(late.statusCode).toBe(409);
    expect(await stageOf(h.db, workspace.id, leadId)).toEqual({ stage: 'sal', ownerId: rep.id });
  });
});
