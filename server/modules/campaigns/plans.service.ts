import { and, asc, eq, inArray } from 'drizzle-orm';
import { actorUserId, type Role } from '../../../core/permissions.ts';
import type { CampaignPlanInput, SpendLine } from '../../../core/schemas/campaigns.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound, type FieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { campaigns } from '../funnel/funnel.table.ts';
import { users } from '../identity/identity.table.ts';
import { memberships } from '../workspaces/workspaces.table.ts';
import { campaignProducts, campaignSpendLines, products } from './campaigns.table.ts';
import { productsBySku } from './products.service.ts';
import { assertPlanOpen, campaignRow, overrider, scheduler, schedulerNames, schedulingOf, type CampaignRow } from './queries.ts';
import { loadCampaignSetup, todayOf } from './settings.service.ts';

/** The roles a campaign may brief: those who sell. */
const BRIEFABLE_ROLES: readonly Role[] = ['sales_rep', 'sales_manager'];

export type PlanDto = Awaited<ReturnType<typeof getPlan>>;

/** A campaign as planned: every field of the plan, its products and spend lines, who scheduled it and any override. */
export async function getPlan(ctx: ServiceContext, id: string) {
  const [found] = await ctx.db
    .select({ campaign: campaigns, ownerName: users.name, ...schedulerNames })
    .from(campaigns)
    .leftJoin(users, eq(users.id, campaigns.ownerId))
    .leftJoin(scheduler, eq(scheduler.id, campaigns.scheduledBy))
    .leftJoin(overrider, eq(overrider.id, campaigns.overrideBy))
    .where(and(eq(campaigns.workspaceId, ctx.workspaceId), eq(campaigns.id, id)));
  if (!found) throw notFound('Campaign');
  const { campaign, ownerName } = found;
  const [links, lines] = await Promise.all([
    ctx.db
      .select({ productId: products.id, sku: products.sku, name: products.name, kind: products.kind, upliftPercent: campaignProducts.upliftPercent, perUnit: campaignProducts.perUnit })
      .from(campaignProducts)
      .innerJoin(products, and(eq(products.workspaceId, campaignProducts.workspaceId), eq(products.id, campaignProducts.productId)))
      .where(and(eq(campaignProducts.workspaceId, ctx.workspaceId), eq(campaignProducts.campaignId, id)))
      .orderBy(asc(campaignProducts.position)),
    ctx.db
      .select({ label: campaignSpendLines.label, budgetMinor: campaignSpendLines.budgetMinor, spendMinor: campaignSpendLines.spendMinor })
      .from(campaignSpendLines)
      .where(and(eq(campaignSpendLines.workspaceId, ctx.workspaceId), eq(campaignSpendLines.campaignId, id)))
      .orderBy(asc(campaignSpendLines.position)),
  ]);
  return {
    id: campaign.id,
    externalId: campaign.externalId,
    name: campaign.name,
    type: campaign.type,
    status: campaign.status,
    objective: campaign.objective,
    channel: campaign.channel,
    channels: campaign.channels,
    audience: campaign.audience,
    segments: campaign.segments,
    announceOn: campaign.announceOn,
    launchOn: campaign.startsOn,
    endOn: campaign.endsOn,
    offer: campaign.offer,
    currency: campaign.currency,
    upliftPercent: campaign.upliftPercent,
    owner: campaign.ownerId ? { userId: campaign.ownerId, name: ownerName } : null,
    keyMessages: campaign.keyMessages,
    talkingPoints: campaign.talkingPoints,
    faq: campaign.faq,
    assets: campaign.assets,
    repIds: campaign.repIds,
    products: links,
    spendLines: lines,
    budgetMinor: campaign.budgetMinor,
    spendMinor: campaign.spendMinor,
    ...schedulingOf({ ...campaign, ...found }),
    launchedAt: campaign.launchedAt,
    endedAt: campaign.endedAt,
    createdAt: campaign.createdAt,
    updatedAt: campaign.updatedAt,
  };
}

function invalid(errors: FieldError[]): AppError {
  return new AppError('validation_failed', errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
}

/**
 * What the schema cannot know: the launch is not in the past (the workspace's today), the owner
 * and the briefed reps are people of this workspace, every SKU is one of its products.
 */
async function checkPlan(tx: Db, ctx: ServiceContext, input: CampaignPlanInput) {
  const setup = await loadCampaignSetup(tx, ctx.workspaceId);
  const today = todayOf(setup, ctx.now);
  const errors: FieldError[] = [];
  if (input.launchOn < today) errors.push({ field: 'launchOn', message: `must not be in the past (today is ${today} in ${setup.timeZone})` });
  const ownerId = input.ownerId ?? actorUserId(ctx.actor);
  const people = [...new Set([...(ownerId ? [ownerId] : []), ...(input.repIds ?? [])])];
  const roles = new Map(
    people.length === 0
      ? []
      : (await tx.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(and(eq(memberships.workspaceId, ctx.workspaceId), inArray(memberships.userId, people)))).map((m) => [m.userId, m.role]),
  );
  if (ownerId && !roles.has(ownerId)) errors.push({ field: 'ownerId', message: 'is not a member of this workspace' });
  (input.repIds ?? []).forEach((repId, i) => {
    if (!BRIEFABLE_ROLES.includes(roles.get(repId) as Role)) errors.push({ field: `repIds.${i}`, message: 'is not a sales rep or sales manager of this workspace' });
  });
  const known = await productsBySku(tx, ctx.workspaceId, input.products.map((p) => p.sku));
  input.products.forEach((product, i) => {
    if (!known.has(product.sku)) errors.push({ field: `products.${i}.sku`, message: `no product with SKU "${product.sku}" in this workspace` });
  });
  if (errors.length > 0) throw invalid(errors);
  return { ownerId, productIds: input.products.map((product) => known.get(product.sku)!.id) };
}

function planValues(input: CampaignPlanInput, ownerId: string | null, now: Date) {
  return {
    name: input.name,
    type: input.type ?? null,
    objective: input.objective ?? null,
    channels: input.channels,
    channel: input.channels[0] ?? null,
    audience: input.audience ?? null,
    segments: input.segments,
    announceOn: input.announceOn ?? null,
    startsOn: input.launchOn,
    endsOn: input.endOn,
    offer: input.offer,
    currency: input.currency,
    upliftPercent: input.upliftPercent,
    ownerId,
    keyMessages: input.keyMessages,
    talkingPoints: input.talkingPoints,
    faq: input.faq,
    assets: input.assets,
    repIds: input.repIds ? [...new Set(input.repIds)] : null,
    updatedAt: now,
  };
}

async function replaceLinks(tx: Db, workspaceId: string, campaignId: string, input: CampaignPlanInput, productIds: string[]): Promise<void> {
  await tx.delete(campaignProducts).where(and(eq(campaignProducts.workspaceId, workspaceId), eq(campaignProducts.campaignId, campaignId)));
  if (productIds.length === 0) return;
  await tx.insert(campaignProducts).values(
    input.products.map((product, i) => ({ workspaceId, campaignId, productId: productIds[i]!, position: i, upliftPercent: product.upliftPercent ?? null, perUnit: product.perUnit ?? null })),
  );
}

/** Replaces the spend lines; the campaign's budget and spend become their sums (left as they were without lines). */
async function replaceSpendLines(tx: Db, workspaceId: string, campaignId: string, lines: SpendLine[], now: Date): Promise<void> {
  await tx.delete(campaignSpendLines).where(and(eq(campaignSpendLines.workspaceId, workspaceId), eq(campaignSpendLines.campaignId, campaignId)));
  if (lines.length === 0) return;
  await tx.insert(campaignSpendLines).values(lines.map((line, position) => ({ workspaceId, campaignId, position, ...line })));
  const totals = { budgetMinor: lines.reduce((sum, l) => sum + l.budgetMinor, 0), spendMinor: lines.reduce((sum, l) => sum + l.spendMinor, 0) };
  await tx.update(campaigns).set({ ...totals, updatedAt: now }).where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, campaignId)));
}

/** Plans a new campaign, a draft until it passes the launch gate. */
export async function createPlan(ctx: ServiceContext, input: CampaignPlanInput): Promise<PlanDto> {
  const id = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    const { ownerId, productIds } = await checkPlan(tx, ctx, input);
    await tx.insert(campaigns).values({ workspaceId: ctx.workspaceId, id, status: 'draft', createdAt: ctx.now, ...planValues(input, ownerId, ctx.now) });
    await replaceLinks(tx, ctx.workspaceId, id, input, productIds);
    await replaceSpendLines(tx, ctx.workspaceId, id, input.spendLines ?? [], ctx.now);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'campaign.plan', entityType: 'campaign', entityId: id, before: null, after: input });
  });
  return getPlan(ctx, id);
}

/** The scheduling a change of plan undoes: the gate must be passed again. */
export const UNSCHEDULED = { status: 'draft' as const, scheduledAt: null, scheduledBy: null, overrideAt: null, overrideBy: null, overrideReason: null, overrideBlockers: null };

/**
 * Replaces the plan of a draft or scheduled campaign (also one the funnel created). A scheduled
 * campaign goes back to draft: what changed has to pass the launch gate again.
 */
export async function updatePlan(ctx: ServiceContext, id: string, input: CampaignPlanInput): Promise<PlanDto> {
  await ctx.db.transaction(async (tx) => {
    const before = await campaignRow(tx, ctx.workspaceId, id);
    assertPlanOpen(before, 'its plan');
    const { ownerId, productIds } = await checkPlan(tx, ctx, input);
    const isUnscheduled = before.status === 'scheduled';
    await tx.update(campaigns).set({ ...planValues(input, ownerId, ctx.now), ...(isUnscheduled ? UNSCHEDULED : {}) }).where(and(eq(campaigns.workspaceId, ctx.workspaceId), eq(campaigns.id, id)));
    await replaceLinks(tx, ctx.workspaceId, id, input, productIds);
    if (input.spendLines) await replaceSpendLines(tx, ctx.workspaceId, id, input.spendLines, ctx.now);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'campaign.plan', entityType: 'campaign', entityId: id, before: planOf(before), after: { ...input, status: isUnscheduled ? 'draft' : before.status } });
  });
  return getPlan(ctx, id);
}

/** The planned fields of a campaign row, for the audit log. */
function planOf(row: CampaignRow) {
  const { workspaceId: _w, id: _i, createdAt: _c, updatedAt: _u, ...plan } = row;
  return plan;
}

/** Replaces a campaign's budget and spend lines, whatever its status (spend is booked after launch too). */
export async function saveSpendLines(ctx: ServiceContext, id: string, lines: SpendLine[]): Promise<PlanDto> {
  await ctx.db.transaction(async (tx) => {
    const before = await campaignRow(tx, ctx.workspaceId, id);
    await replaceSpendLines(tx, ctx.workspaceId, id, lines, ctx.now);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'campaign.spend_lines', entityType: 'campaign', entityId: id, before: { budgetMinor: before.budgetMinor, spendMinor: before.spendMinor }, after: { lines } });
  });
  return getPlan(ctx, id);
}
