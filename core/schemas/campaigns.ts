import { z } from 'zod';
import type { Role } from '../permissions.ts';
import { ZId, ZPageQuery } from './common.ts';
import { ZCurrency, ZDay, ZMinorAmount, optionalText, text } from './funnel.ts';

/** Contracts of the campaign calendar: products and stock, campaign plans, the launch gate, briefings. */

export const PRODUCT_KINDS = ['product', 'promo_item'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export const OFFER_KINDS = ['none', 'discount', 'bundle', 'free_gift'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** draft → scheduled (only through the launch gate, or an admin's override) → live → ended. */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'live', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The roles whose approval a priced offer needs; the approver's role decides which approval it is. */
export const APPROVAL_ROLES = ['marketing_lead', 'sales_manager', 'finance'] as const satisfies readonly Role[];
export type ApprovalRole = (typeof APPROVAL_ROLES)[number];

/** What Operations says about a product of a campaign: the stock covers the forecast, or a known shortfall is accepted. */
export const STOCK_DECISIONS = ['confirmed', 'shortfall_accepted'] as const;
export type StockDecision = (typeof STOCK_DECISIONS)[number];

/** The team a campaign belongs to: its owner's. */
export const TEAM_ROLES = {
  marketing: ['marketing', 'marketing_lead'],
  sales: ['sales_rep', 'sales_manager'],
  operations: ['operations'],
  finance: ['finance'],
  management: ['admin', 'executive'],
} as const satisfies Record<string, readonly Role[]>;
export type Team = keyof typeof TEAM_ROLES;
export const TEAMS = Object.keys(TEAM_ROLES) as Team[];

/** The team a role works in. */
export function teamOf(role: Role): Team {
  return TEAMS.find((team) => (TEAM_ROLES[team] as readonly Role[]).includes(role))!;
}

const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of: ${values.join(', ')}` });

export const MAX_CAMPAIGN_PRODUCTS = 2_000;

export const ZSku = z
  .string({ error: 'is required' })
  .trim()
  .min(1, { error: 'is required', abort: true })
  .max(64, { error: 'must be at most 64 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, { error: 'must be letters, digits and . _ / - (no spaces), such as DET-5L' });

const ZUnits = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number of units' }).min(0, { error: 'must not be negative' }).max(1e12);

/** Expected change of demand during a campaign, in percent: 40 means 40 % more than the baseline. */
export const ZUpliftPercent = z
  .number({ error: 'must be a number' })
  .min(-100, { error: 'must be at least -100 (demand cannot fall below zero)' })
  .max(1_000, { error: 'must be at most 1000' });

export const ZIncoming = z.object({
  on: ZDay,
  quantity: ZUnits.min(1, { error: 'must be at least 1' }),
});
export type Incoming = z.infer<typeof ZIncoming>;

export const ZProductInput = z.object({
  sku: ZSku,
  name: text(200).min(1, { error: 'is required' }),
  kind: enumOf(PRODUCT_KINDS).default('product'),
  onHand: ZUnits,
  /** Units sold in an ordinary week, without any campaign. */
  weeklyBaseline: z.number({ error: 'must be a number' }).min(0, { error: 'must not be negative' }).max(1e9),
  incoming: z.array(ZIncoming).max(200, { error: 'must hold at most 200 deliveries' }).default([]),
});
export type ProductInput = z.infer<typeof ZProductInput>;

export const ZProductQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional().describe('SKU or name starts with'),
  kind: enumOf(PRODUCT_KINDS).optional(),
});
export type ProductQuery = z.infer<typeof ZProductQuery>;

export const ZOffer = z
  .object({
    kind: enumOf(OFFER_KINDS).default('none'),
    description: optionalText(1000),
    /** The effective discount off list price, for a discount or a bundle. */
    discountPercent: z.number({ error: 'must be a number' }).gt(0, { error: 'must be above 0' }).max(100, { error: 'must be at most 100' }).nullish(),
    /** A promotional price (a bundle's price), in minor units of the campaign's currency. */
    priceMinor: ZMinorAmount.nullish(),
  })
  .refine((offer) => offer.kind !== 'discount' || offer.discountPercent != null, { error: 'is required for a discount', path: ['discountPercent'] })
  .refine((offer) => offer.kind !== 'none' || (offer.discountPercent == null && offer.priceMinor == null), {
    error: "must not be 'none' when the offer has a price or a discount",
    path: ['kind'],
  })
  .transform((offer) => ({
    kind: offer.kind,
    description: offer.description ?? null,
    discountPercent: offer.discountPercent ?? null,
    priceMinor: offer.priceMinor ?? null,
  }));
export type Offer = z.infer<typeof ZOffer>;
export const NO_OFFER: Offer = { kind: 'none', description: null, discountPercent: null, priceMinor: null };

export const ZCampaignProduct = z.object({
  sku: ZSku,
  /** This product's own uplift; the campaign's when absent. */
  upliftPercent: ZUpliftPercent.nullish(),
  /** For a promo item: how many are given per unit of the campaign's products sold (1 basin per detergent: 1). */
  perUnit: z.number({ error: 'must be a number' }).gt(0, { error: 'must be above 0' }).max(100, { error: 'must be at most 100' }).nullish(),
});
export type CampaignProductInput = z.infer<typeof ZCampaignProduct>;

export const ZFaqEntry = z.object({ question: text(500).min(1, { error: 'is required' }), answer: text(4000).min(1, { error: 'is required' }) });
export type FaqEntry = z.infer<typeof ZFaqEntry>;

export const ZAsset = z.object({
  title: text(200).min(1, { error: 'is required' }),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
});
export type Asset = z.infer<typeof ZAsset>;

export const ZSpendLine = z.object({
  label: text(200).min(1, { error: 'is required' }),
  budgetMinor: ZMinorAmount.default(0),
  spendMinor: ZMinorAmount.default(0),
});
export type SpendLine = z.infer<typeof ZSpendLine>;
export const ZSpendLines = z.object({ lines: z.array(ZSpendLine).max(100, { error: 'must hold at most 100 lines' }) });

const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, { error: `must hold at most ${max} entries` }).default([]);

/** Every product appears once in a campaign. */
function duplicateSkus(products: readonly { sku: string }[]): number[] {
  const seen = new Set<string>();
  return products.flatMap((product, i) => {
    const isDuplicate = seen.has(product.sku);
    seen.add(product.sku);
    return isDuplicate ? [i] : [];
  });
}

/**
 * A campaign or promotion as Marketing plans it. The launch and end days are the campaign's
 * `startsOn` and `endsOn` (what the funnel knows of it); the announcement may come earlier.
 */
export const ZCampaignPlan = z
  .object({
    name: text(200).min(1, { error: 'is required' }),
    type: optionalText(100),
    objective: optionalText(2000),
    channels: list(text(100).min(1, { error: 'must not be empty' }), 20),
    audience: optionalText(2000),
    segments: list(text(100).min(1, { error: 'must not be empty' }), 50),
    announceOn: ZDay.nullish(),
    launchOn: ZDay,
    endOn: ZDay,
    offer: ZOffer.prefault({}),
    currency: ZCurrency.default('EUR'),
    upliftPercent: ZUpliftPercent.default(0),
    ownerId: ZId.nullish().describe('A member of the workspace; you when absent'),
    keyMessages: list(text(500).min(1, { error: 'must not be empty' }), 30),
    talkingPoints: list(text(1000).min(1, { error: 'must not be empty' }), 50),
    faq: list(ZFaqEntry, 100),
    assets: list(ZAsset, 100),
    products: list(ZCampaignProduct, MAX_CAMPAIGN_PRODUCTS),
    repIds: z.array(ZId).max(2_000).nullish().describe('The reps to brief; every sales rep of the workspace when absent'),
    spendLines: z.array(ZSpendLine).max(100, { error: 'must hold at most 100 lines' }).optional().describe('Unchanged when absent'),
  })
  .refine((plan) => !plan.launchOn || !plan.endOn || plan.endOn >= plan.launchOn, { error: 'must not be before launchOn', path: ['endOn'] })
  .refine((plan) => !plan.announceOn || !plan.launchOn || plan.announceOn <= plan.launchOn, { error: 'must not be after launchOn', path: ['announceOn'] })
  .superRefine((plan, ctx) => {
    for (const i of duplicateSkus(plan.products ?? [])) ctx.addIssue({ code: 'custom', message: 'is listed twice', path: ['products', i, 'sku'] });
  });
export type CampaignPlanInput = z.infer<typeof ZCampaignPlan>;

/** What a sales briefing says: the campaign as it stood when the briefing was published. */
export type BriefingContent = {
  name: string;
  objective: string | null;
  offer: Offer;
  currency: string;
  announceOn: string | null;
  launchOn: string;
  endOn: string;
  channels: string[];
  audience: string | null;
  segments: string[];
  keyMessages: string[];
  talkingPoints: string[];
  faq: FaqEntry[];
  assets: Asset[];
  products: { sku: string; name: string; kind: ProductKind }[];
};

export const DEFAULT_CAMPAIGN_SETTINGS = { minNoticeDays: 14, financeApprovalAbovePercent: 10 } as const;

export const ZCampaignSettings = z.object({
  /** Days between briefing Sales and the campaign's announcement (or launch). */
  minNoticeDays: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number of days' }).min(0, { error: 'must not be negative' }).max(365, { error: 'must be at most 365' }),
  /** A discount above this percentage needs Finance's approval too. */
  financeApprovalAbovePercent: z.number({ error: 'must be a number' }).min(0, { error: 'must not be negative' }).max(100, { error: 'must be at most 100' }),
});
export type CampaignSettings = z.infer<typeof ZCampaignSettings>;

export const ZStockDecisions = z.object({
  items: z
    .array(
      z
        .object({ sku: ZSku, decision: enumOf(STOCK_DECISIONS), reason: optionalText(1000) })
        .refine((item) => item.decision !== 'shortfall_accepted' || Boolean(item.reason), { error: 'is required when accepting a shortfall', path: ['reason'] }),
    )
    .min(1, { error: 'must hold at least one product' })
    .max(MAX_CAMPAIGN_PRODUCTS),
});
export type StockDecisionsInput = z.infer<typeof ZStockDecisions>;

export const ZApprovalInput = z.object({ note: optionalText(1000) });
export const ZAcknowledgeInput = z.object({ userId: ZId.optional().describe('The rep acknowledged for (a sales manager for a rep); you when absent') });
export const ZOverrideInput = z.object({
  reason: z
    .string({ error: 'is required: say why the launch goes ahead anyway' })
    .trim()
    .min(1, { error: 'is required: say why the launch goes ahead anyway' })
    .max(2000, { error: 'must be at most 2000 characters' }),
});

const MAX_CALENDAR_DAYS = 731;

export const ZCalendarQuery = z
  .object({
    from: ZDay.describe('First day shown'),
    to: ZDay.describe('Last day shown, included'),
    channel: z.string().trim().min(1).max(100).optional(),
    productId: ZId.optional(),
    sku: ZSku.optional(),
    team: enumOf(TEAMS as [Team, ...Team[]]).optional().describe("The owner's team"),
    ownerId: ZId.optional(),
    status: enumOf(CAMPAIGN_STATUSES).optional(),
  })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { error: 'must not be before from', path: ['to'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) < MAX_CALENDAR_DAYS * 86_400_000, {
    error: `must be at most ${MAX_CALENDAR_DAYS} days after from`,
    path: ['to'],
  });
export type CalendarQuery = z.infer<typeof ZCalendarQuery>;

export const ZUpcomingQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(60).describe('Campaigns launching within this many days, and those live') });
export const ZForecastQuery = z.object({ from: ZDay.optional().describe('First day of the forecast (default: today in the workspace’s time zone)') });
