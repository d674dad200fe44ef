import { and, desc, eq, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { UNKNOWN_CHANNEL } from '../../../core/attribution/deal-journeys.ts';
import { personId, SIGNING_ROLES } from '../../../core/permissions.ts';
import type { DisputeInput, DisputeQuery, DisputeResolution } from '../../../core/schemas/attribution.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { campaigns, deals, leads } from '../funnel/funnel.table.ts';
import { users } from '../identity/identity.table.ts';
import { membersWithRoles, notify, workspaceLink } from '../notifications/notify.ts';
import { signerRole, signingPerson } from '../signing/signing.service.ts';
import { creditDisputes } from './attribution.table.ts';
import { rulesInForce } from './credit-policy.service.ts';

/**
 * Credit disputes: either team says a deal's credit belongs elsewhere (a channel and/or a campaign),
 * with a reason; a marketing lead or sales manager other than the opener resolves it, upheld or
 * rejected with a note. Both are on the record (who, when, audit log) and notified. A resolution does
 * not rewrite the models' credit: it is the teams' ruling, kept beside it.
 */

const opener = alias(users, 'opener');
const resolver = alias(users, 'resolver');
const claimed = alias(campaigns, 'claimed_campaign');
const credited = alias(campaigns, 'credited_campaign');

const COLUMNS = {
  id: creditDisputes.id,
  dealId: creditDisputes.dealId,
  dealName: deals.name,
  dealAmountMinor: deals.amountMinor,
  currency: deals.currency,
  leadId: deals.leadId,
  status: creditDisputes.status,
  reason: creditDisputes.reason,
  claimedChannel: creditDisputes.claimedChannel,
  claimedCampaignId: creditDisputes.claimedCampaignId,
  claimedCampaignName: claimed.name,
  creditedChannel: creditDisputes.creditedChannel,
  creditedCampaignId: creditDisputes.creditedCampaignId,
  creditedCampaignName: credited.name,
  policyVersion: creditDisputes.policyVersion,
  openedBy: creditDisputes.openedBy,
  openedByName: opener.name,
  openedRole: creditDisputes.openedRole,
  createdAt: creditDisputes.createdAt,
  resolvedBy: creditDisputes.resolvedBy,
  resolvedByName: resolver.name,
  resolvedRole: creditDisputes.resolvedRole,
  resolutionNote: creditDisputes.resolutionNote,
  resolvedAt: creditDisputes.resolvedAt,
};

function selectDisputes(db: Db, where: SQL | undefined) {
  return db
    .select(COLUMNS)
    .from(creditDisputes)
    .innerJoin(deals, and(eq(deals.workspaceId, creditDisputes.workspaceId), eq(deals.id, creditDisputes.dealId)))
    .leftJoin(opener, eq(opener.id, creditDisputes.openedBy))
    .leftJoin(resolver, eq(resolver.id, creditDisputes.resolvedBy))
    .leftJoin(claimed, and(eq(claimed.workspaceId, creditDisputes.workspaceId), eq(claimed.id, creditDisputes.claimedCampaignId)))
    .leftJoin(credited, and(eq(credited.workspaceId, creditDisputes.workspaceId), eq(credited.id, creditDisputes.creditedCampaignId)))
    .where(where)
    .orderBy(desc(creditDisputes.createdAt), desc(creditDisputes.id));
}

export type DisputeDto = Awaited<ReturnType<typeof selectDisputes>>[number];

function statusIs(filter: DisputeQuery['status']) {
  if (filter === undefined) return undefined;
  return filter === 'resolved' ? ne(creditDisputes.status, 'open') : eq(creditDisputes.status, filter);
}

/** Disputes, newest first, filtered by status (or resolved, whatever the ruling) and deal. */
export async function listDisputes(ctx: ServiceContext, query: DisputeQuery): Promise<DisputeDto[]> {
  const where = and(
    eq(creditDisputes.workspaceId, ctx.workspaceId),
    statusIs(query.status),
    query.dealId ? eq(creditDisputes.dealId, query.dealId) : undefined,
  );
  return selectDisputes(ctx.db, where).limit(query.limit);
}

async function disputeById(db: Db, workspaceId: string, id: string): Promise<DisputeDto> {
  const [row] = await selectDisputes(db, and(eq(creditDisputes.workspaceId, workspaceId), eq(creditDisputes.id, id)));
  if (!row) throw notFound('Credit dispute');
  return row;
}

export async function getDispute(ctx: ServiceContext, id: string): Promise<DisputeDto> {
  return disputeById(ctx.db, ctx.workspaceId, id);
}

/** The deal and what it is credited to now: its lead's channel (else its campaign's, else direct/unknown) and campaign. */
async function dealAndSource(tx: Db, workspaceId: string, dealId: string) {
  const [row] = await tx
    .select({ name: deals.name, leadChannel: leads.channel, campaignId: leads.campaignId, campaignChannel: campaigns.channel })
    .from(deals)
    .leftJoin(leads, and(eq(leads.workspaceId, deals.workspaceId), eq(leads.id, deals.leadId)))
    .leftJoin(campaigns, and(eq(campaigns.workspaceId, leads.workspaceId), eq(campaigns.id, leads.campaignId)))
    .where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, dealId)));
  if (!row) throw notFound('Deal');
  return { name: row.name, channel: row.leadChannel ?? row.campaignChannel ?? UNKNOWN_CHANNEL, campaignId: row.campaignId };
}

async function assertCampaign(tx: Db, workspaceId: string, campaignId: string | null | undefined): Promise<void> {
  if (!campaignId) return;
  const [row] = await tx.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, campaignId)));
  if (!row) {
    const details = [{ field: 'claimedCampaignId', message: 'no campaign with this id in this workspace' }];
    throw new AppError('validation_failed', 'claimedCampaignId no campaign with this id in this workspace', details);
  }
}

/** The signers to tell, leaving out the person who acted. */
async function otherSigners(tx: Db, workspaceId: string, actorId: string): Promise<string[]> {
  return (await membersWithRoles(tx, workspaceId, SIGNING_ROLES)).filter((id) => id !== actorId);
}

/** Opens a dispute of a deal's credit (one open dispute per deal) and asks both signing roles to resolve it. */
export async function openDispute(ctx: ServiceContext, input: DisputeInput): Promise<DisputeDto> {
  const userId = personId(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const deal = await dealAndSource(tx, ctx.workspaceId, input.dealId);
    await assertCampaign(tx, ctx.workspaceId, input.claimedCampaignId);
    const [open] = await tx.select({ id: creditDisputes.id }).from(creditDisputes).where(and(eq(creditDisputes.workspaceId, ctx.workspaceId), eq(creditDisputes.dealId, input.dealId), eq(creditDisputes.status, 'open')));
    if (open) throw new AppError('conflict', `The credit of "${deal.name}" is already disputed; add to that dispute or wait for its resolution.`);
    const { version } = await rulesInForce(tx, ctx.workspaceId);
    const id = crypto.randomUUID();
    const values = {
      workspaceId: ctx.workspaceId,
      id,
      dealId: input.dealId,
      openedBy: userId,
      openedRole: ctx.actor.kind === 'user' ? ctx.actor.role : 'api_token',
      creditedChannel: deal.channel,
      creditedCampaignId: deal.campaignId,
      claimedChannel: input.claimedChannel ?? null,
      claimedCampaignId: input.claimedCampaignId ?? null,
      reason: input.reason,
      policyVersion: version,
      status: 'open' as const,
      createdAt: ctx.now,
    };
    await tx.insert(creditDisputes).values(values);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'credit_dispute.open', entityType: 'credit_dispute', entityId: id, before: null, after: values });
    const dispute = await disputeById(tx, ctx.workspaceId, id);
    await notify(tx, {
      workspaceId: ctx.workspaceId,
      now: ctx.now,
      recipients: await otherSigners(tx, ctx.workspaceId, userId),
      message: {
        event: 'credit_dispute_opened',
        title: `The credit of "${deal.name}" is disputed`,
        body: `${dispute.openedByName ?? 'Someone'} claims it for ${[dispute.claimedChannel, dispute.claimedCampaignName].filter(Boolean).join(' / ')}: ${input.reason}`,
        link: await workspaceLink(tx, ctx.workspaceId, `credit/disputes/${id}`),
        data: { disputeId: id, dealId: input.dealId },
      },
    });
    return dispute;
  });
}

/** Resolves an open dispute, upheld or rejected with a note, by a signer who did not open it; the opener is told. */
export async function resolveDispute(ctx: ServiceContext, id: string, input: DisputeResolution): Promise<DisputeDto> {
  const userId = signingPerson(ctx, 'A credit dispute is resolved');
  return ctx.db.transaction(async (tx) => {
    const before = await disputeById(tx, ctx.workspaceId, id);
    const role = await signerRole(tx, ctx, userId, 'resolves a credit dispute');
    if (before.status !== 'open') throw new AppError('conflict', `This dispute was already ${before.status}.`);
    if (before.openedBy === userId) throw new AppError('forbidden', 'You opened this dispute: the other signer resolves it.');
    const changes = { status: input.outcome, resolvedBy: userId, resolvedRole: role, resolutionNote: input.note, resolvedAt: ctx.now };
    await tx.update(creditDisputes).set(changes).where(and(eq(creditDisputes.workspaceId, ctx.workspaceId), eq(creditDisputes.id, id)));
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'credit_dispute.resolve', entityType: 'credit_dispute', entityId: id, before: { status: before.status }, after: changes });
    const recipients = [before.openedBy, ...(await otherSigners(tx, ctx.workspaceId, userId))];
    await notify(tx, {
      workspaceId: ctx.workspaceId,
      now: ctx.now,
      recipients: recipients.filter((recipient) => recipient !== userId),
      message: {
        event: 'credit_dispute_resolved',
        title: `The credit dispute on "${before.dealName}" is ${input.outcome}`,
        body: input.note,
        link: await workspaceLink(tx, ctx.workspaceId, `credit/disputes/${id}`),
        data: { disputeId: id, dealId: before.dealId, outcome: input.outcome },
      },
    });
    return disputeById(tx, ctx.workspaceId, id);
  });
}
