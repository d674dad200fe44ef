import { z } from 'zod';
import { ACTIVITY_TYPES, DEAL_STATUSES, LEAD_STAGES, TOUCHPOINT_TYPES } from '../funnel/stages.ts';
import { ZEmail, ZId } from './common.ts';

/** Contracts of everything that enters the funnel: API ingest, CSV import and the demo generator. */

const EARLIEST = Date.UTC(1990, 0, 1);

/**
 * A date-time that can have happened: ISO 8601 and not before 1990. Whether it lies in the
 * future depends on the clock, which core does not read: the server checks that with its `now`.
 */
export const ZPastDateTime = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2026-03-01T09:30:00Z' })
  .refine((value) => Date.parse(value) >= EARLIEST, { error: 'must not be before 1990' });

/** How far ahead of the server's clock a reported time may be (clock skew), before it counts as in the future. */
export const FUTURE_SLACK_MS = 86_400_000;

export const ZDay = z.iso.date({ error: 'must be a date such as 2026-03-01' });

export const text = (max: number) => z.string().trim().max(max, { error: `must be at most ${max} characters` });
export const optionalText = (max: number) =>
  text(max)
    .transform((value) => (value === '' ? null : value))
    .nullish();

export const ZExternalId = text(200).min(1, { error: 'must not be empty' });
export const ZCurrency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: 'must be a 3-letter ISO 4217 code such as EUR' });
export const ZMinorAmount = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number of minor units (cents)' })
  .min(0, { error: 'must not be negative' })
  .max(Number.MAX_SAFE_INTEGER);

export const ZCustomFields = z
  .record(z.string().max(80), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
  .refine((value) => Object.keys(value).length <= 50, { error: 'must have at most 50 fields' });

export const ZLeadStage = z.enum(LEAD_STAGES, { error: `must be one of: ${LEAD_STAGES.join(', ')}` });
export const ZTouchpointType = z.enum(TOUCHPOINT_TYPES, { error: `must be one of: ${TOUCHPOINT_TYPES.join(', ')}` });
export const ZDealStatus = z.enum(DEAL_STATUSES, { error: `must be one of: ${DEAL_STATUSES.join(', ')}` });
export const ZActivityType = z.enum(ACTIVITY_TYPES, { error: `must be one of: ${ACTIVITY_TYPES.join(', ')}` });

/** A reference to another record: by Accord id or by the sender's external id. */
const refs = <K extends string>(name: K) =>
  ({
    [`${name}Id`]: ZId.nullish(),
    [`${name}ExternalId`]: ZExternalId.nullish(),
  }) as Record<`${K}Id`, z.ZodOptional<z.ZodNullable<typeof ZId>>> & Record<`${K}ExternalId`, z.ZodOptional<z.ZodNullable<typeof ZExternalId>>>;

export const ZAccountInput = z.object({
  externalId: ZExternalId.nullish(),
  name: text(200).min(1, { error: 'is required' }),
  domain: optionalText(200),
  industry: optionalText(100),
  employees: z.number().int().min(0, { error: 'must not be negative' }).nullish(),
  country: optionalText(100),
  custom: ZCustomFields.optional(),
});
export type AccountInput = z.infer<typeof ZAccountInput>;

export const ZCampaignInput = z
  .object({
    externalId: ZExternalId.nullish(),
    name: text(200).min(1, { error: 'is required' }),
    channel: optionalText(100),
    type: optionalText(100),
    startsOn: ZDay.nullish(),
    endsOn: ZDay.nullish(),
    budgetMinor: ZMinorAmount.nullish(),
    spendMinor: ZMinorAmount.nullish(),
    currency: ZCurrency.default('EUR'),
  })
  .refine((c) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn, { error: 'must not be before startsOn', path: ['endsOn'] });
export type CampaignInput = z.infer<typeof ZCampaignInput>;

export const ZLeadInput = z.object({
  externalId: ZExternalId.nullish(),
  email: ZEmail.nullish(),
  firstName: optionalText(100),
  lastName: optionalText(100),
  title: optionalText(200),
  phone: optionalText(50),
  company: optionalText(200),
  country: optionalText(100),
  ...refs('account'),
  stage: ZLeadStage.default('lead'),
  ownerId: ZId.nullish(),
  source: optionalText(100),
  channel: optionalText(100),
  ...refs('campaign'),
  utmSource: optionalText(200),
  utmMedium: optionalText(200),
  utmCampaign: optionalText(200),
  utmTerm: optionalText(200),
  utmContent: optionalText(200),
  custom: ZCustomFields.optional(),
  createdAt: ZPastDateTime.nullish(),
});
export type LeadInput = z.infer<typeof ZLeadInput>;

export const ZDealInput = z
  .object({
    externalId: ZExternalId.nullish(),
    name: text(200).min(1, { error: 'is required' }),
    ...refs('account'),
    ...refs('lead'),
    ownerId: ZId.nullish(),
    amountMinor: ZMinorAmount,
    listAmountMinor: ZMinorAmount.nullish(),
    currency: ZCurrency.default('EUR'),
    status: ZDealStatus.default('open'),
    stage: optionalText(100),
    lossReason: optionalText(500),
    competitor: optionalText(200),
    createdAt: ZPastDateTime.nullish(),
    closedAt: ZPastDateTime.nullish(),
  })
  .refine((d) => !d.createdAt || !d.closedAt || Date.parse(d.closedAt) >= Date.parse(d.createdAt), {
    error: 'must not be before createdAt',
    path: ['closedAt'],
  })
  .refine((d) => d.status !== 'open' || !d.closedAt, { error: 'must be empty while the deal is open', path: ['closedAt'] });
export type DealInput = z.infer<typeof ZDealInput>;

export const ZActivityInput = z.object({
  externalId: ZExternalId.nullish(),
  ...refs('lead'),
  ...refs('deal'),
  type: ZActivityType,
  outcome: optionalText(100),
  notes: optionalText(5000),
  actorId: ZId.nullish(),
  occurredAt: ZPastDateTime,
});
export type ActivityInput = z.infer<typeof ZActivityInput>;

export const ZTouchpointInput = z
  .object({
    externalId: ZExternalId.nullish(),
    ...refs('lead'),
    anonymousId: text(100).min(1).nullish(),
    type: ZTouchpointType,
    channel: optionalText(100),
    ...refs('campaign'),
    url: optionalText(2000),
    occurredAt: ZPastDateTime,
    properties: z.record(z.string().max(80), z.unknown()).nullish(),
  })
  .refine((t) => t.leadId || t.leadExternalId || t.anonymousId, {
    error: 'needs leadId, leadExternalId or anonymousId',
    path: ['leadId'],
  });
export type TouchpointInput = z.infer<typeof ZTouchpointInput>;

export const MAX_TOUCHPOINT_BATCH = 10_000;
export const ZTouchpointBatch = z.object({
  touchpoints: z
    .array(ZTouchpointInput)
    .min(1, { error: 'must hold at least one touchpoint' })
    .max(MAX_TOUCHPOINT_BATCH, { error: `must hold at most ${MAX_TOUCHPOINT_BATCH} touchpoints per request` }),
});

export const ZStageChange = z.object({
  stage: ZLeadStage,
  reason: text(500).min(1, { error: 'is required' }),
});

export const LEAD_SORTS = ['newest', 'oldest', 'recently_moved'] as const;

/** Filters of the leads list; also what a saved view stores. */
export const ZLeadFilter = z.object({
  q: z.string().trim().max(100).optional(),
  stage: ZLeadStage.optional(),
  source: z.string().max(100).optional(),
  channel: z.string().max(100).optional(),
  campaignId: ZId.optional(),
  ownerId: ZId.optional(),
  accountId: ZId.optional(),
  createdFrom: ZDay.optional(),
  createdTo: ZDay.optional(),
  sort: z.enum(LEAD_SORTS, { error: `must be one of: ${LEAD_SORTS.join(', ')}` }).default('newest'),
});
export type LeadFilter = z.infer<typeof ZLeadFilter>;

export const ZSavedViewCreate = z.object({
  name: text(80).min(1, { error: 'is required' }),
  filter: ZLeadFilter,
});

export const FUNNEL_GROUPINGS = ['source', 'channel', 'campaign'] as const;
export const ZFunnelQuery = z.object({
  by: z.enum(FUNNEL_GROUPINGS, { error: `must be one of: ${FUNNEL_GROUPINGS.join(', ')}` }).default('source'),
  from: ZDay.optional().describe('A day in the first month of the period (the report counts whole months)'),
  to: ZDay.optional().describe('The day after the period: its month counts too unless it is the 1st'),
  windowDays: z.coerce.number().int().min(1).max(730).default(180),
});
export type FunnelQuery = z.infer<typeof ZFunnelQuery>;

export const ZTrackingSiteCreate = z.object({
  name: text(100).min(1, { error: 'is required' }),
  allowedOrigins: z
    .array(z.url({ error: 'must be a URL such as https://www.example.com' }).transform((value) => new URL(value).origin))
    .max(20)
    .default([]),
});

export const MAX_COLLECT_EVENTS = 20;

/** What the website snippet sends: one browser's page views and form fills. */
export const ZCollect = z.object({
  site: z.string().min(10).max(100),
  anonymousId: z.string().min(8).max(100),
  events: z
    .array(
      z.object({
        type: z.enum(['page_view', 'form_submit']),
        url: z.string().max(2000),
        referrer: z.string().max(2000).optional(),
        title: z.string().max(300).optional(),
        fields: z.record(z.string().max(80), z.string().max(500)).optional(),
      }),
    )
    .min(1)
    .max(MAX_COLLECT_EVENTS),
});
export type Collect = z.infer<typeof ZCollect>;
