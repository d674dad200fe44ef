import { and, eq, gte, lt, lte } from 'drizzle-orm';
import { addDays } from '../../core/campaigns/days.ts';
import { campaignDemand } from '../../core/campaigns/forecast.ts';
import type { ApprovalRole, ProductInput, StockDecision } from '../../core/schemas/campaigns.ts';
import type { Db } from '../db/client.ts';
import type { ServiceContext } from '../http/context.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { briefingAcknowledgements, campaignBriefings, campaignProducts, offerApprovals, products, stockConfirmations } from '../modules/campaigns/campaigns.table.ts';
import { createPlan } from '../modules/campaigns/plans.service.ts';
import { briefingContent, briefingKey, loadLinks, offerTerms, offerTermsKey } from '../modules/campaigns/queries.ts';
import { loadCampaignSetup, todayOf } from '../modules/campaigns/settings.service.ts';
import { campaigns } from '../modules/funnel/funnel.table.ts';
import { findUserByEmail } from '../modules/identity/identity.service.ts';
import { membersWithRoles } from '../modules/notifications/notify.ts';
import { PROMO_KEY, TEAM } from './catalog.ts';

/**
 * Brightwash's campaign calendar: its products in stock, its past campaigns ended or running,
 * the spring promotion of the seed story (launched on TV through an admin's override, with no
 * briefing, no stock confirmed and no notice), and the summer deal coming up, not ready: the
 * basins are short and two reps have not acknowledged the briefing.
 */

const DAY_MS = 86_400_000;

const PRODUCTS: readonly (Omit<ProductInput, 'incoming'> & { incoming: { inDays: number; quantity: number }[] })[] = [
  { sku: 'DET-5L', name: 'Brightwash detergent 5 l', kind: 'product', onHand: 6_000, weeklyBaseline: 900, incoming: [{ inDays: 10, quantity: 3_000 }] },
  { sku: 'DET-20L', name: 'Brightwash detergent 20 l', kind: 'product', onHand: 1_800, weeklyBaseline: 250, incoming: [] },
  { sku: 'BASIN', name: 'Washing basin (free gift)', kind: 'promo_item', onHand: 1_200, weeklyBaseline: 0, incoming: [{ inDays: 45, quantity: 2_000 }] },
  { sku: 'SCRUB-X1', name: 'Scrubber dryer X1', kind: 'product', onHand: 40, weeklyBaseline: 3, incoming: [] },
  { sku: 'WE-60', name: 'Washer extractor 60 kg', kind: 'product', onHand: 25, weeklyBaseline: 2, incoming: [{ inDays: 20, quantity: 10 }] },
];

export type ReadinessFacts = {
  workspaceId: string;
  campaignId: string;
  /** The briefing, published as the campaign stands. */
  published?: { by: string | null; at: Date };
  acknowledgements?: { userId: string; by: string; at: Date }[];
  approvals?: { role: ApprovalRole; userId: string; at: Date }[];
  /** Operations' decisions on products of the campaign, against its forecast demand as it stands. */
  stock?: { productId: string; decision: StockDecision; reason?: string; by: string | null; at: Date }[];
};

/**
 * Writes what the launch gate reads as if the people had done it, without telling anyone: for
 * demo data and benchmarks. The briefing and the approved terms are the campaign as it stands.
 */
export async function recordReadiness(db: Db, facts: ReadinessFacts): Promise<void> {
  const { workspaceId, campaignId } = facts;
  const [campaign] = await db
    .select({ content: briefingContent, contentKey: briefingKey, terms: offerTerms, termsKey: offerTermsKey, startsOn: campaigns.startsOn, endsOn: campaigns.endsOn, upliftPercent: campaigns.upliftPercent })
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, campaignId)));
  if (!campaign?.startsOn || !campaign.endsOn) throw new Error(`campaign ${campaignId} has no dates`);
  if (facts.published) {
    await db.insert(campaignBriefings).values({ workspaceId, campaignId, version: 1, content: campaign.content, contentKey: campaign.contentKey, publishedBy: facts.published.by, publishedAt: facts.published.at });
  }
  const acknowledgements = facts.acknowledgements ?? [];
  for (let i = 0; i < acknowledgements.length; i += 1_000) {
    await db.insert(briefingAcknowledgements).values(acknowledgements.slice(i, i + 1_000).map((a) => ({ workspaceId, campaignId, version: 1, userId: a.userId, acknowledgedBy: a.by, acknowledgedAt: a.at })));
  }
  if (facts.approvals?.length) {
    await db.insert(offerApprovals).values(facts.approvals.map((a) => ({ workspaceId, id: crypto.randomUUID(), campaignId, role: a.role, userId: a.userId, terms: campaign.terms, termsKey: campaign.termsKey, approvedAt: a.at })));
  }
  if (!facts.stock?.length) return;
  const links = (await loadLinks(db, workspaceId, [campaignId])).get(campaignId) ?? [];
  const demands = campaignDemand(links, { launchOn: campaign.startsOn, endOn: campaign.endsOn, upliftPercent: campaign.upliftPercent });
  const demandOf = new Map(links.map((link, i) => [link.product.productId, demands[i]!]));
  const rows = facts.stock.map((s) => ({
    workspaceId,
    id: crypto.randomUUID(),
    campaignId,
    productId: s.productId,
    decision: s.decision,
    reason: s.reason ?? null,
    launchOn: campaign.startsOn!,
    endOn: campaign.endsOn!,
    demand: demandOf.get(s.productId) ?? 0,
    available: 0,
    shortfall: 0,
    confirmedBy: s.by,
    confirmedAt: s.at,
  }));
  for (let i = 0; i < rows.length; i += 1_000) await db.insert(stockConfirmations).values(rows.slice(i, i + 1_000));
}

async function teamIds(db: Db): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const member of TEAM) ids[member.email.split('.')[0]!] = (await findUserByEmail(db, member.email))!.id;
  return ids;
}

/** The demo's campaigns ran as planned: those over have ended, those running are live. */
async function settleHistory(db: Db, workspaceId: string, today: string, now: Date): Promise<void> {
  const ofWorkspace = eq(campaigns.workspaceId, workspaceId);
  await db.update(campaigns).set({ status: 'ended', endedAt: now }).where(and(ofWorkspace, lt(campaigns.endsOn, today)));
  await db.update(campaigns).set({ status: 'live', launchedAt: now }).where(and(ofWorkspace, lte(campaigns.startsOn, today), gte(campaigns.endsOn, today)));
}

async function addProducts(db: Db, workspaceId: string, now: Date, today: string): Promise<Map<string, string>> {
  const rows = PRODUCTS.map(({ incoming, ...product }) => ({
    ...product,
    workspaceId,
    id: crypto.randomUUID(),
    incoming: incoming.map((delivery) => ({ on: addDays(today, delivery.inDays), quantity: delivery.quantity })),
    createdAt: now,
    updatedAt: now,
  }));
  await db.insert(products).values(rows);
  return new Map(rows.map((row) => [row.sku, row.id]));
}

/** The spring promotion of the seed story: on TV with a free basin, launched by an admin's override, nobody briefed. */
async function springPromotion(db: Db, workspaceId: string, people: Record<string, string>, skus: Map<string, string>): Promise<void> {
  const [promo] = await db.select().from(campaigns).where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.externalId, `demo-${PROMO_KEY}`)));
  if (!promo?.startsOn) return;
  const [admin] = await membersWithRoles(db, workspaceId, ['admin']);
  const launchedAt = new Date(Date.parse(`${promo.startsOn}T08:00:00Z`));
  const overrideAt = new Date(launchedAt.getTime() - 2 * DAY_MS);
  const blockers = [
    { condition: 'stock', message: 'Operations has not confirmed stock for 2 of 2 products and promo items: DET-5L, BASIN.' },
    { condition: 'briefing', message: 'The sales briefing is not published.' },
    { condition: 'notice', message: `The 14 days' notice before the launch on ${promo.startsOn} can no longer be given.` },
  ];
  const plan = {
    objective: 'Sell detergent to laundries before the summer',
    channels: ['tv', 'paid_social'],
    channel: 'tv',
    audience: 'Hotel, hospital and laundromat buyers',
    segments: ['hospitality', 'laundromats'],
    offer: { kind: 'free_gift' as const, description: 'A washing basin free with every 5 l can of detergent', discountPercent: null, priceMinor: null },
    upliftPercent: 80,
    ownerId: people.tom!,
    keyMessages: ['A free washing basin with every 5 l can'],
    status: 'ended' as const,
    scheduledAt: overrideAt,
    scheduledBy: admin ?? null,
    overrideAt,
    overrideBy: admin ?? null,
    overrideReason: 'The TV slot is booked and paid; the spot airs on launch day whatever is ready.',
    overrideBlockers: blockers,
    launchedAt,
  };
  await db.update(campaigns).set(plan).where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, promo.id)));
  await db.insert(campaignProducts).values(['DET-5L', 'BASIN'].map((sku, position) => ({ workspaceId, campaignId: promo.id, productId: skus.get(sku)!, position, perUnit: sku === 'BASIN' ? 1 : null })));
  const ctx: ServiceContext = { db, actor: admin ? { kind: 'user', userId: admin, role: 'admin' } : { kind: 'system', name: 'demo' }, workspaceId, now: overrideAt };
  await recordAudit(db, ctx, { action: 'campaign.launch_override', entityType: 'campaign', entityId: promo.id, before: { status: 'draft' }, after: { status: 'scheduled', reason: plan.overrideReason, blockers } });
}

/** The summer deal, launching in 24 days: approved and briefed, but the basins are short and Luca and Jan have not acknowledged. */
async function summerDeal(db: Db, workspaceId: string, people: Record<string, string>, skus: Map<string, string>, today: string, now: Date): Promise<void> {
  const launchOn = addDays(today, 24);
  const ctx: ServiceContext = { db, actor: { kind: 'user', userId: people.tom!, role: 'marketing' }, workspaceId, now: new Date(now.getTime() - 3 * DAY_MS) };
  const plan = await createPlan(ctx, {
    name: 'Summer laundry deal – 15 % off detergent, basin included',
    type: 'promotion',
    objective: 'Win the hotels’ summer season orders',
    channels: ['email', 'retail'],
    audience: 'Hotels and hospitals already buying our machines',
    segments: ['hospitality'],
    launchOn,
    endOn: addDays(launchOn, 13),
    offer: { kind: 'discount', description: '15 % off the 5 l and 20 l detergent; a washing basin with every 5 l can', discountPercent: 15, priceMinor: null },
    currency: 'EUR',
    upliftPercent: 60,
    ownerId: people.tom!,
    keyMessages: ['Stock up before the season at 15 % off', 'The basin comes free with every 5 l can'],
    talkingPoints: ['Order by the last day of the deal; delivery within a week', 'One basin per 5 l can, while stock lasts'],
    faq: [
      { question: 'Does the 20 l can come with a basin?', answer: 'No, the basin comes with the 5 l can only.' },
      { question: 'Can a distributor pass the discount on?', answer: 'Yes, on orders placed during the deal.' },
    ],
    assets: [{ title: 'Deal one-pager (PDF)', url: 'https://brightwash.example/summer-deal.pdf' }],
    products: [{ sku: 'DET-5L' }, { sku: 'DET-20L' }, { sku: 'BASIN', perUnit: 1 }],
    repIds: null,
    spendLines: [
      { label: 'E-mail campaign', budgetMinor: 400_000, spendMinor: 0 },
      { label: 'Retail displays', budgetMinor: 1_500_000, spendMinor: 250_000 },
    ],
  });
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  await recordReadiness(db, {
    workspaceId,
    campaignId: plan.id,
    published: { by: people.tom!, at: daysAgo(2) },
    acknowledgements: [{ userId: people.anna!, by: people.anna!, at: daysAgo(1) }],
    approvals: [
      { role: 'marketing_lead', userId: people.elodie!, at: daysAgo(2) },
      { role: 'sales_manager', userId: people.sabine!, at: daysAgo(2) },
      { role: 'finance', userId: people.marta!, at: daysAgo(1) },
    ],
    stock: ['DET-5L', 'DET-20L'].map((sku) => ({ productId: skus.get(sku)!, decision: 'confirmed' as const, by: people.piet!, at: daysAgo(1) })),
  });
}

/** Fills the demo workspace's campaign calendar (after its campaigns and team exist). */
export async function seedDemoCampaigns(db: Db, workspaceId: string, now: Date): Promise<void> {
  const today = todayOf(await loadCampaignSetup(db, workspaceId), now);
  const people = await teamIds(db);
  await settleHistory(db, workspaceId, today, now);
  const skus = await addProducts(db, workspaceId, now, today);
  await springPromotion(db, workspaceId, people, skus);
  await summerDeal(db, workspaceId, people, skus, today, now);
}
