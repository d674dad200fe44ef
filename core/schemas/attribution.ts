import { z } from 'zod';
import { DEFAULT_ATTRIBUTION_OPTIONS } from '../attribution/attribute.ts';
import { BRIDGE_FACTORS, type SegmentFactors } from '../bridge/revenue-bridge.ts';
import { ZCurrency } from './funnel.ts';

/** Contracts of attribution settings and of the revenue bridge's input (CLI file, later the API). */

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
