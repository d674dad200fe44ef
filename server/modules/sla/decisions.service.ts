import { and, eq, isNull } from 'drizzle-orm';
import type { LeadStage } from '../../../core/funnel/stages.ts';
import { actorUserId, can } from '../../../core/permissions.ts';
import type { Rejection } from '../../../core/schemas/sla.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { leads } from '../funnel/funnel.table.ts';
import { displayName } from '../funnel/leads.service.ts';
import { users } from '../identity/identity.table.ts';
import { membersWithRoles, notify } from '../notifications/notify.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { getLeadHandover, type HandoverDetail } from './handovers.service.ts';
import { moveLeads } from '../funnel/stages.service.ts';
import { mayAccept, mayRecycle } from './lead-moves.ts';
import { leadPath } from './messages.ts';
import { leadHandovers, type HandoverDecision } from './sla.table.ts';

/** A rep's answer to an MQL: accept it (the lead becomes a SAL) or reject it with a reason (back to nurture). */

type Decided = { decision: Extract<HandoverDecision, 'accepted' | 'rejected'>; rejection: Rejection | null };

const OUTCOME: Record<Decided['decision'], { to: LeadStage; movable: (stage: LeadStage) => boolean }> = {
  accepted: { to: 'sal', movable: mayAccept },
  rejected: { to: 'nurture', movable: mayRecycle },
};

/** A lead's handover with the lead, its owner's name and the workspace's slug; 404 when the lead has none. */
export async function loadForDecision(tx: Db, ctx: ServiceContext, leadId: string) {
  const [row] = await tx
    .select({ handover: leadHandovers, lead: leads, ownerName: users.name, slug: workspaces.slug })
    .from(leadHandovers)
    .innerJoin(leads, and(eq(leads.workspaceId, leadHandovers.workspaceId), eq(leads.id, leadHandovers.leadId)))
    .innerJoin(workspaces, eq(workspaces.id, leadHandovers.workspaceId))
    .leftJoin(users, eq(users.id, leadHandovers.ownerId))
    .where(and(eq(leadHandovers.workspaceId, ctx.workspaceId), eq(leadHandovers.leadId, leadId)));
  if (!row) throw notFound('MQL handover for this lead');
  return row;
}

export type ForDecision = Awaited<ReturnType<typeof loadForDecision>>;

/** The assigned rep decides, or a sales manager (or admin) on their behalf. */
function assertMayDecide(ctx: ServiceContext, { handover, ownerName }: ForDecision): void {
  if (can(ctx.actor, 'sales.manage')) return;
  if (handover.ownerId && actorUserId(ctx.actor) === handover.ownerId) return;
  throw new AppError(
    'forbidden',
    handover.ownerId
      ? `This MQL is assigned to ${ownerName ?? 'another rep'}; only they or a sales manager can accept or reject it.`
      : 'This MQL is assigned to nobody yet; only a sales manager can accept or reject it.',
  );
}

export function alreadyDecided(decision: HandoverDecision, at: Date | null): AppError {
  return new AppError('conflict', `This MQL was already ${decision}${at ? ` on ${at.toISOString().slice(0, 10)}` : ''}.`);
}

/** The reason code, then the rep's note: 'duplicate: already in the CRM as ACME-12'. */
function rejectionText(rejection: Rejection): string {
  return rejection.note ? `${rejection.reason}: ${rejection.note}` : rejection.reason;
}

/** Marketing hears why Sales sent an MQL back: rejections are data for the next campaign. */
async function notifyMarketing(tx: Db, ctx: ServiceContext, found: ForDecision, rejection: Rejection): Promise<void> {
  const name = displayName(found.lead);
  await notify(tx, {
    workspaceId: ctx.workspaceId,
    now: ctx.now,
    recipients: await membersWithRoles(tx, ctx.workspaceId, ['marketing_lead', 'marketing']),
    message: {
      event: 'lead_rejected',
      title: `MQL rejected: ${name}`,
      body: `Sales rejected ${name} (${rejectionText(rejection)}). The lead is back in nurture.`,
      link: leadPath(found.slug, found.lead.id),
      data: { leadId: found.lead.id, reason: rejection.reason, note: rejection.note ?? null, source: found.lead.source, campaignId: found.lead.campaignId },
    },
  });
}

async function decide(ctx: ServiceContext, leadId: string, { decision, rejection }: Decided): Promise<HandoverDetail> {
  await ctx.db.transaction(async (tx) => {
    const found = await loadForDecision(tx, ctx, leadId);
    assertMayDecide(ctx, found);
    if (found.handover.decision) throw alreadyDecided(found.handover.decision, found.handover.decidedAt);
    const actorId = actorUserId(ctx.actor);
    const decided = await tx
      .update(leadHandovers)
      .set({ decision, decidedAt: ctx.now, decidedBy: actorId, rejectionReason: rejection?.reason ?? null, rejectionNote: rejection?.note ?? null })
      .where(and(eq(leadHandovers.workspaceId, ctx.workspaceId), eq(leadHandovers.leadId, leadId), isNull(leadHandovers.decision)))
      .returning({ leadId: leadHandovers.leadId });
    if (decided.length === 0) throw alreadyDecided(decision, null);
    const { to, movable } = OUTCOME[decision];
    const reason = rejection ? rejectionText(rejection) : null;
    const [moved] = await moveLeads(tx, ctx.workspaceId, [{ leadId, reason }], to, { at: ctx.now, cause: decision, actorId }, movable);
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: decision === 'accepted' ? 'handover.accept' : 'handover.reject',
      entityType: 'lead',
      entityId: leadId,
      before: { decision: null, stage: found.lead.stage },
      after: { decision, stage: moved?.to ?? found.lead.stage, reason: rejection?.reason ?? null, note: rejection?.note ?? null },
    });
    if (rejection) await notifyMarketing(tx, ctx, found, rejection);
  });
  return getLeadHandover(ctx, leadId);
}

export function acceptMql(ctx: ServiceContext, leadId: string): Promise<HandoverDetail> {
  return decide(ctx, leadId, { decision: 'accepted', rejection: null });
}

export function rejectMql(ctx: ServiceContext, leadId: string, rejection: Rejection): Promise<HandoverDetail> {
  return decide(ctx, leadId, { decision: 'rejected', rejection });
}
