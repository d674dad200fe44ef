import { and, desc, eq } from 'drizzle-orm';
import { ROLE_LABELS } from '../../../core/permissions.ts';
import { requiredApprovals } from '../../../core/readiness/gate.ts';
import { APPROVAL_ROLES, type ApprovalRole } from '../../../core/schemas/campaigns.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { campaigns } from '../funnel/funnel.table.ts';
import { users } from '../identity/identity.table.ts';
import { memberships } from '../workspaces/workspaces.table.ts';
import { offerApprovals } from './campaigns.table.ts';
import { assertDated, assertPlanOpen, campaignRow, offerTerms, offerTermsKey } from './queries.ts';
import { loadCampaignSetup } from './settings.service.ts';

/** Approving a campaign offer's price or discount: the approver's role decides which approval it is. */

async function approvingRole(tx: Db, workspaceId: string, userId: string): Promise<ApprovalRole> {
  const [member] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  const role = member?.role;
  if (!role || !(APPROVAL_ROLES as readonly string[]).includes(role)) {
    throw new AppError('forbidden', 'Only a marketing lead, a sales manager or Finance approves an offer.');
  }
  return role as ApprovalRole;
}

async function currentTerms(tx: Db, workspaceId: string, id: string) {
  const [row] = await tx.select({ terms: offerTerms, termsKey: offerTermsKey }).from(campaigns).where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)));
  return row!;
}

/**
 * Approves a campaign's offer as it stands (its price or discount, dates and products) for the
 * approver's team. Refused when the offer has no price, when the role's approval is not needed,
 * and when this role already approved these very terms.
 */
export async function approveOffer(ctx: ServiceContext, id: string, input: { note?: string | null | undefined }): Promise<void> {
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden', 'An offer is approved by a person, not an API token.');
  const userId = ctx.actor.userId;
  await ctx.db.transaction(async (tx) => {
    const campaign = assertDated(await campaignRow(tx, ctx.workspaceId, id));
    assertPlanOpen(campaign, 'its offer');
    const role = await approvingRole(tx, ctx.workspaceId, userId);
    const { policy } = await loadCampaignSetup(tx, ctx.workspaceId);
    const required = requiredApprovals(campaign.offer, policy);
    if (required.length === 0) throw new AppError('conflict', `The offer of "${campaign.name}" has no price or discount: there is nothing to approve.`);
    if (!required.includes(role)) {
      throw new AppError('conflict', `${ROLE_LABELS[role]} approval is not needed: the discount (${campaign.offer.discountPercent ?? 0} %) is not above ${policy.financeApprovalAbovePercent} %.`);
    }
    const { terms, termsKey } = await currentTerms(tx, ctx.workspaceId, id);
    const [latest] = await tx
      .select({ termsKey: offerApprovals.termsKey, at: offerApprovals.approvedAt, name: users.name })
      .from(offerApprovals)
      .leftJoin(users, eq(users.id, offerApprovals.userId))
      .where(and(eq(offerApprovals.workspaceId, ctx.workspaceId), eq(offerApprovals.campaignId, id), eq(offerApprovals.role, role)))
      .orderBy(desc(offerApprovals.approvedAt))
      .limit(1);
    if (latest?.termsKey === termsKey) {
      throw new AppError('conflict', `The offer is already approved for the ${ROLE_LABELS[role].toLowerCase()}s by ${latest.name ?? 'someone'} on ${latest.at.toISOString().slice(0, 10)}.`);
    }
    await tx.insert(offerApprovals).values({ workspaceId: ctx.workspaceId, id: crypto.randomUUID(), campaignId: id, role, userId, terms, termsKey, note: input.note ?? null, approvedAt: ctx.now });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'campaign.offer_approve', entityType: 'campaign', entityId: id, before: null, after: { role, terms, note: input.note ?? null } });
  });
}
