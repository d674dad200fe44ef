import { z } from 'zod';
import { ATTRIBUTION_MODELS, DEFAULT_ATTRIBUTION_OPTIONS } from '../attribution/attribute.ts';
import { SOURCING_RULES } from '../attribution/deal-journeys.ts';
import { BRIDGE_FACTORS, type SegmentFactors } from '../bridge/revenue-bridge.ts';
import { TOUCHPOINT_TYPES } from '../funnel/stages.ts';
import { ZId } from './common.ts';
import { optionalText, text, ZCurrency, ZDay, ZTouchpointType } from './funnel.ts';
import { ZPeriodKey } from './targets.ts';

/** Contracts of attribution: model settings, the workspace report, the credit policy and disputes, the revenue bridge. */

export const ZAttributionOptions = z.object({
  halfLifeDays: z.coerce.number({ error: 'must be a number' }).positive({ error: 'must be a positive number of days' }).max(3650, { error: 'must be at most 3650 days' }).default(DEFAULT_ATTRIBUTION_OPTIONS.halfLifeDays),
  stepDays: z.coerce.number({ error: 'must be a number' }).positive({ error: 'must be a positive number of days' }).max(3650, { error: 'must be at most 3650 days' }).default(DEFAULT_ATTRIBUTION_OPTIONS.stepDays),
  markovOrder: z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be between 1 and 4' }).max(4, { error: 'must be between 1 and 4' }).default(DEFAULT_ATTRIBUTION_OPTIONS.markovOrder),
});

const between0and1 = { error: 'must be between 0 and 1' };
const ZRate = z.number({ error: 'must be a number between 0 and 1, or null' }).min(0, between0and1).max(1, between0and1).nullable();
const ZAmount = z.number({ error: 'must be a number' }).min(0, { error: 'must not be negative' });

/** A rate may be null (no base) only when an earlier factor of the funnel is zero or null. */
function checkNulls(segment: SegmentFactors, context: z.RefinementCtx): void {
  let isBroken = segment.leads === 0;
  for (const factor of BRIDGE_FACTORS.slice(1)) {
    const value = segment[factor];
    if (value === null && !isBroken) context.addIssue({ code: 'custom', path: [factor], message: 'may be null only when an earlier factor is zero or null (the rate has no base)' });
    isBroken ||= value === null || value === 0;
  }
}

const ZBridgeSegment = z
  .strictObject({
    segment: z.string({ error: 'must be a name' }).trim().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' }),
    leads: ZAmount,
    mqlRate: ZRate,
    acceptanceRate: ZRate,
    opportunityRate: ZRate,
    winRate: ZRate,
    avgDealSize: ZAmount.nullable(),
    discount: ZRate,
  })
  .superRefine(checkNulls);

const ZBridgePeriod = z.strictObject({
  label: z.string().trim().max(200, { error: 'must be at most 200 characters' }).optional(),
  segments: z.array(ZBridgeSegment).max(10_000, { error: 'must have at most 10,000 segments' }).superRefine((segments, context) => {
    const seen = new Set<string>();
    segments.forEach((s, i) => {
      if (seen.has(s.segment)) context.addIssue({ code: 'custom', path: [i, 'segment'], message: `"${s.segment}" appears twice` });
      seen.add(s.segment);
    });
  }),
});

/** The revenue bridge's input: two periods (base: the target or the previous period; current: the actuals), segments with their seven factors. */
export const ZBridgeInput = z.strictObject({
  currency: ZCurrency.optional(),
  periods: z.strictObject({ base: ZBridgePeriod, current: ZBridgePeriod }),
});
export type BridgeInput = z.infer<typeof ZBridgeInput>;

const oneOf = (values: readonly string[]) => ({ error: `must be one of: ${values.join(', ')}` });
const DAY_MS = 86_400_000;

export const ATTRIBUTION_UNITS = ['channel', 'campaign'] as const;
export const MAX_ATTRIBUTION_DAYS = 731;
export const DEFAULT_LOOKBACK_DAYS = 90;
const lookbackRange = { error: 'must be between 1 and 365 days' };

/** Days before a conversion whose touches count for it. */
export const ZLookbackDays = z.coerce.number({ error: 'must be a number of days' }).int({ error: 'must be a whole number of days' }).min(1, lookbackRange).max(365, lookbackRange);

export const ZAttributionSettingsInput = z.strictObject({ lookbackDays: ZLookbackDays });

const ZAttributionPeriod = z.object({
  from: ZDay.describe('First day of the period (UTC)'),
  to: ZDay.describe('The day after the period (UTC)'),
  by: z.enum(ATTRIBUTION_UNITS, oneOf(ATTRIBUTION_UNITS)).default('channel').describe('Credit channels, or campaigns (adds the campaign economics)'),
  lookbackDays: ZLookbackDays.optional().describe('Overrides the workspace’s lookback window for this report'),
});

function periodChecks<T extends { from: string; to: string }>(schema: z.ZodType<T>) {
  return schema
    .refine((q) => q.to > q.from, { error: 'must be after from', path: ['to'] })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_ATTRIBUTION_DAYS * DAY_MS, { error: `must be at most ${MAX_ATTRIBUTION_DAYS} days after from`, path: ['to'] });
}

/** The attribution report's period (to excluded), unit and optional lookback. */
export const ZAttributionQuery = periodChecks(ZAttributionPeriod);
export type AttributionQuery = z.infer<typeof ZAttributionQuery>;

export const ATTRIBUTION_TABLES = ['credits', 'campaigns'] as const;
export const ZAttributionExportQuery = periodChecks(
  ZAttributionPeriod.extend({ table: z.enum(ATTRIBUTION_TABLES, oneOf(ATTRIBUTION_TABLES)).default('credits').describe('credits: channel (or campaign) × model; campaigns: the campaign economics') }),
);

/** The credit policy's rules: which model settles credit, and what counts as sourced and as influenced. */
export const ZCreditRules = z.strictObject({
  settlingModel: z.enum(ATTRIBUTION_MODELS, oneOf(ATTRIBUTION_MODELS)),
  sourcedBy: z.enum(SOURCING_RULES, oneOf(SOURCING_RULES)),
  influencedTouchTypes: z
    .array(ZTouchpointType)
    .min(1, { error: 'must name at least one touchpoint type' })
    .transform((types) => TOUCHPOINT_TYPES.filter((type) => types.includes(type))),
  terms: text(20_000).default(''),
});
export type CreditRules = z.infer<typeof ZCreditRules>;

/** The rules in force until both teams sign a credit policy, and the first draft's content. */
export const DEFAULT_CREDIT_RULES: CreditRules = {
  settlingModel: 'w_shaped',
  sourcedBy: 'lead_source',
  influencedTouchTypes: [...TOUCHPOINT_TYPES],
  terms:
    'Pipeline (opportunities created) and revenue (deals won) are credited to channels and campaigns by the settling model, over the touches of the deal’s lead within the lookback window before the conversion. ' +
    'A deal is sourced by its lead’s channel and campaign, and influenced by every channel and campaign touched within the window. Targets and bonuses are settled on the settling model’s credit.',
};

export const DISPUTE_STATUSES = ['open', 'upheld', 'rejected'] as const;
export const DISPUTE_OUTCOMES = ['upheld', 'rejected'] as const;

/** A dispute of a deal's credit: the channel and/or campaign that should have it, and why. */
export const ZDisputeInput = z
  .strictObject({
    dealId: ZId,
    claimedChannel: optionalText(100),
    claimedCampaignId: ZId.nullish(),
    reason: text(2000).min(1, { error: 'is required' }),
  })
  .refine((d) => Boolean(d.claimedChannel || d.claimedCampaignId), { error: 'name the channel (or the campaign, claimedCampaignId) that should have the credit', path: ['claimedChannel'] });
export type DisputeInput = z.infer<typeof ZDisputeInput>;

export const ZDisputeResolution = z.strictObject({
  outcome: z.enum(DISPUTE_OUTCOMES, oneOf(DISPUTE_OUTCOMES)),
  note: text(2000).min(1, { error: 'is required' }),
});
export type DisputeResolution = z.infer<typeof ZDisputeResolution>;

/** What a list of disputes can be filtered by: a status, or `resolved` (upheld or rejected). */
export const DISPUTE_FILTERS = [...DISPUTE_STATUSES, 'resolved'] as const;
export const ZDisputeQuery = z.object({
  status: z.enum(DISPUTE_FILTERS, oneOf(DISPUTE_FILTERS)).optional(),
  dealId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type DisputeQuery = z.infer<typeof ZDisputeQuery>;

export const BRIDGE_BASES = ['previous', 'target'] as const;
/** The revenue bridge of a month or quarter, from its target or from the period before. */
export const ZBridgeQuery = z.object({
  period: ZPeriodKey,
  compare: z.enum(BRIDGE_BASES, oneOf(BRIDGE_BASES)).default('previous'),
});
export type BridgeQuery = z.infer<typeof ZBridgeQuery>;
