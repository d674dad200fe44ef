import { and, eq, isNull } from 'drizzle-orm';
import { actorUserId } from '../../../core/permissions.ts';
import type { MqlAssignment } from '../../../core/schemas/sales.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { leads } from '../funnel/funnel.table.ts';
import { displayName } from '../funnel/leads.service.ts';
import { users } from '../identity/identity.table.ts';
import { notify } from '../notifications/notify.ts';
import { alreadyDecided, loadForDecision, type ForDecision } from './decisions.service.ts';
import { slaClocks } from './handover.service.ts';
import { getLeadHandover, type HandoverDetail } from './handovers.service.ts';
import { leadPath, localTime } from './messages.ts';
import { slaPolicies } from './queries.ts';
import { loadCalendar, loadReps, type Rep } from './settings.service.ts';
import { leadHandovers } from './sla.table.ts';

async function newOwner(tx: Db, ctx: ServiceContext, found: ForDecision, ownerId: string): Promise<Rep> {
  const [rep] = await loadReps(tx, ctx.workspaceId, ownerId);
  if (!rep) throw new AppError('validation_failed', 'ownerId is not a sales rep or sales manager of this workspace.', [{ field: 'ownerId', message: 'is not a sales rep or sales manager of this workspace' }]);
  if (found.handover.ownerId === ownerId) throw new AppError('conflict', `This MQL is already assigned to ${rep.name}.`);
  return rep;
}

/** Who assigns, as the rep reads it: their name, or 'a sales manager' for a token. */
async function assignerName(tx: Db, ctx: ServiceContext): Promise<string> {
  const userId = actorUserId(ctx.actor);
  const [user] = userId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, userId)) : [];
  return user?.name ?? 'A sales manager';
}

/** The rep's SLA clock starts when they get the lead, as it does when routing assigns it. */
async function clocksFrom(tx: Db, ctx: ServiceContext, version: number) {
  const { calendar } = await loadCalendar(tx, ctx.workspaceId);
  const sla = (await slaPolicies(tx, ctx.workspaceId, [version])).get(version)!;
  return { calendar, ...slaClocks(calendar, ctx.now, sla) };
}

/**
 * A sales manager gives an undecided MQL to a rep: one routing could not place, or one to take
 * from a rep who is away. The lead changes owner, the rep's SLA clock starts now, the breach
 * notices start over, and the rep is told; the audit log keeps the previous owner and clocks.
 */
export async function assignMql(ctx: ServiceContext, leadId: string, { ownerId }: MqlAssignment): Promise<HandoverDetail> {
  await ctx.db.transaction(async (tx) => {
    const found = await loadForDecision(tx, ctx, leadId);
    if (found.handover.decision) throw alreadyDecided(found.handover.decision, found.handover.decidedAt);
    const rep = await newOwner(tx, ctx, found, ownerId);
    const { calendar, firstContactDueAt, attemptsDueAt } = await clocksFrom(tx, ctx, found.handover.version);
    const assigner = await assignerName(tx, ctx);
    const changes = { ownerId, assignedAt: ctx.now, routingRule: null, routingNote: `Assigned by ${assigner}`, firstContactDueAt, attemptsDueAt, firstContactBreachNotifiedAt: null, attemptsBreachNotifiedAt: null };
    const updated = await tx
      .update(leadHandovers)
      .set(changes)
      .where(and(eq(leadHandovers.workspaceId, ctx.workspaceId), eq(leadHandovers.leadId, leadId), isNull(leadHandovers.decision)))
      .returning({ leadId: leadHandovers.leadId });
    if (updated.length === 0) throw new AppError('conflict', 'This MQL was decided meanwhile; reload it.');
    await tx.update(leads).set({ ownerId, updatedAt: ctx.now }).where(and(eq(leads.workspaceId, ctx.workspaceId), eq(leads.id, leadId)));
    const { ownerId: previousOwnerId, firstContactDueAt: previousDueAt } = found.handover;
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'handover.assign', entityType: 'lead', entityId: leadId, before: { ownerId: previousOwnerId, firstContactDueAt: previousDueAt }, after: { ownerId, firstContactDueAt } });
    const name = displayName(found.lead);
    await notify(tx, {
      workspaceId: ctx.workspaceId,
      now: ctx.now,
      recipients: [rep.userId],
      message: {
        event: 'mql_assigned',
        title: `New MQL for you: ${name}`,
        body: `${assigner} assigned ${name} to you. First contact due by ${localTime(calendar.timeZone, firstContactDueAt)}.`,
        link: leadPath(found.slug, leadId),
        data: { leads: 1, leadIds: [leadId] },
      },
    });
  });
  return getLeadHandover(ctx, leadId);
}
