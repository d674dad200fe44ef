import { sql } from 'drizzle-orm';
import { bigint, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ActivityType, DealStatus, LeadStage, TouchpointType } from '../../../core/funnel/stages.ts';
import { NO_OFFER, type Asset, type CampaignStatus, type FaqEntry, type Offer } from '../../../core/schemas/campaigns.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

const ws = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });
const money = (name: string) => bigint(name, { mode: 'number' });

export type CustomFields = Record<string, string | number | boolean | null>;

export const accounts = pgTable(
  'accounts',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    externalId: text('external_id'),
    name: text('name').notNull(),
    domain: text('domain'),
    industry: text('industry'),
    employees: integer('employees'),
    country: text('country'),
    custom: jsonb('custom').$type<CustomFields>().notNull().default({}),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('accounts_external_id_idx').on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    index('accounts_name_idx').on(t.workspaceId, sql`lower(${t.name}) text_pattern_ops`),
    index('accounts_domain_idx').on(t.workspaceId, t.domain),
  ],
);

/**
 * Campaigns and promotions. The funnel writes the first columns (a CRM or ad platform sends them);
 * the plan (issue 5) adds the rest. `starts_on` and `ends_on` are the launch and the last day;
 * `channel` is the first of `channels`. The status moves draft → scheduled only through the launch
 * gate (or an admin's recorded override), then live and ended with the calendar.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    externalId: text('external_id'),
    name: text('name').notNull(),
    channel: text('channel'),
    type: text('type'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    budgetMinor: money('budget_minor'),
    spendMinor: money('spend_minor'),
    currency: text('currency').notNull().default('EUR'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    status: text('status').$type<CampaignStatus>().notNull().default('draft'),
    objective: text('objective'),
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`),
    audience: text('audience'),
    segments: text('segments').array().notNull().default(sql`'{}'::text[]`),
    announceOn: date('announce_on'),
    ownerId: uuid('owner_id'),
    upliftPercent: numeric('uplift_percent', { precision: 7, scale: 2, mode: 'number' }).notNull().default(0),
    offer: jsonb('offer').$type<Offer>().notNull().default(NO_OFFER),
    keyMessages: jsonb('key_messages').$type<string[]>().notNull().default([]),
    talkingPoints: jsonb('talking_points').$type<string[]>().notNull().default([]),
    faq: jsonb('faq').$type<FaqEntry[]>().notNull().default([]),
    assets: jsonb('assets').$type<Asset[]>().notNull().default([]),
    /** The reps to brief; null: every sales rep of the workspace. */
    repIds: jsonb('rep_ids').$type<string[]>(),
    scheduledAt: at('scheduled_at'),
    scheduledBy: uuid('scheduled_by'),
    /** Set when an admin scheduled the launch although the gate blocked it: who, when, why, and what blocked. */
    overrideAt: at('override_at'),
    overrideBy: uuid('override_by'),
    overrideReason: text('override_reason'),
    overrideBlockers: jsonb('override_blockers').$type<{ condition: string; message: string }[]>(),
    launchedAt: at('launched_at'),
    endedAt: at('ended_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('campaigns_external_id_idx').on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    index('campaigns_dates_idx').on(t.workspaceId, t.startsOn, t.endsOn),
    index('campaigns_open_idx').on(t.startsOn).where(sql`${t.status} in ('draft', 'scheduled', 'live')`),
  ],
);

export const leads = pgTable(
  'leads',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    externalId: text('external_id'),
    email: text('email'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    title: text('title'),
    phone: text('phone'),
    company: text('company'),
    country: text('country'),
    accountId: uuid('account_id'),
    stage: text('stage').$type<LeadStage>().notNull(),
    stageChangedAt: at('stage_changed_at').notNull(),
    // When the lead first reached each funnel stage: a rollup of stage_transitions kept on
    // write, so that funnel counts and velocity are one indexed aggregate, not a log scan.
    reachedLeadAt: at('reached_lead_at'),
    reachedMqlAt: at('reached_mql_at'),
    reachedSalAt: at('reached_sal_at'),
    reachedSqlAt: at('reached_sql_at'),
    reachedOpportunityAt: at('reached_opportunity_at'),
    reachedCustomerAt: at('reached_customer_at'),
    ownerId: uuid('owner_id'),
    source: text('source'),
    channel: text('channel'),
    campaignId: uuid('campaign_id'),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    utmTerm: text('utm_term'),
    utmContent: text('utm_content'),
    custom: jsonb('custom').$type<CustomFields>().notNull().default({}),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('leads_external_id_idx').on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    index('leads_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('leads_stage_idx').on(t.workspaceId, t.stage, t.createdAt),
    index('leads_stage_changed_idx').on(t.workspaceId, t.stageChangedAt, t.id),
    index('leads_source_idx').on(t.workspaceId, t.source, t.createdAt),
    index('leads_owner_idx').on(t.workspaceId, t.ownerId),
    index('leads_account_idx').on(t.workspaceId, t.accountId),
    index('leads_email_idx').on(t.workspaceId, sql`lower(${t.email}) text_pattern_ops`),
    index('leads_last_name_idx').on(t.workspaceId, sql`lower(${t.lastName}) text_pattern_ops`),
    index('leads_company_idx').on(t.workspaceId, sql`lower(${t.company}) text_pattern_ops`),
    foreignKey({ name: 'leads_account_fk', columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
    foreignKey({ name: 'leads_campaign_fk', columns: [t.workspaceId, t.campaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }),
  ],
);

/** Every stage change of every lead, never overwritten: the source of time-in-stage and SLAs. */
export const stageTransitions = pgTable(
  'stage_transitions',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    leadId: uuid('lead_id').notNull(),
    fromStage: text('from_stage').$type<LeadStage>(),
    toStage: text('to_stage').$type<LeadStage>().notNull(),
    at: at('at').notNull(),
    actorId: uuid('actor_id'),
    reason: text('reason'),
    cause: text('cause').notNull(),
    definitionVersion: integer('definition_version'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('stage_transitions_lead_idx').on(t.workspaceId, t.leadId, t.at),
    index('stage_transitions_to_idx').on(t.workspaceId, t.toStage, t.at),
    foreignKey({ name: 'stage_transitions_lead_fk', columns: [t.workspaceId, t.leadId], foreignColumns: [leads.workspaceId, leads.id] }).onDelete('cascade'),
  ],
);

/** Anonymous browsers seen by the website snippet; stitched to a lead when they identify. */
export const visitors = pgTable(
  'visitors',
  {
    workspaceId: ws(),
    anonymousId: text('anonymous_id').notNull(),
    leadId: uuid('lead_id'),
    firstSeenAt: at('first_seen_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.anonymousId] }),
    index('visitors_lead_idx').on(t.workspaceId, t.leadId),
    foreignKey({ name: 'visitors_lead_fk', columns: [t.workspaceId, t.leadId], foreignColumns: [leads.workspaceId, leads.id] }),
  ],
);

export const touchpoints = pgTable(
  'touchpoints',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    externalId: text('external_id'),
    leadId: uuid('lead_id'),
    anonymousId: text('anonymous_id'),
    type: text('type').$type<TouchpointType>().notNull(),
    channel: text('channel'),
    campaignId: uuid('campaign_id'),
    url: text('url'),
    occurredAt: at('occurred_at').notNull(),
    properties: jsonb('properties').$type<Record<string, unknown>>(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('touchpoints_dedupe_idx').on(t.workspaceId, t.dedupeKey),
    index('touchpoints_lead_idx').on(t.workspaceId, t.leadId, t.occurredAt),
    index('touchpoints_anonymous_idx').on(t.workspaceId, t.anonymousId).where(sql`${t.leadId} is null`),
    foreignKey({ name: 'touchpoints_lead_fk', columns: [t.workspaceId, t.leadId], foreignColumns: [leads.workspaceId, leads.id] }).onDelete('cascade'),
    foreignKey({ name: 'touchpoints_campaign_fk', columns: [t.workspaceId, t.campaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }),
  ],
);

export const deals = pgTable(
  'deals',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    externalId: text('external_id'),
    name: text('name').notNull(),
    accountId: uuid('account_id'),
    leadId: uuid('lead_id'),
    ownerId: uuid('owner_id'),
    amountMinor: money('amount_minor').notNull(),
    listAmountMinor: money('list_amount_minor').notNull(),
    discountRate: numeric('discount_rate', { precision: 6, scale: 4, mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    status: text('status').$type<DealStatus>().notNull(),
    stage: text('stage'),
    lossReason: text('loss_reason'),
    competitor: text('competitor'),
    createdAt: at('created_at').notNull(),
    closedAt: at('closed_at'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('deals_external_id_idx').on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    index('deals_lead_idx').on(t.workspaceId, t.leadId),
    index('deals_account_idx').on(t.workspaceId, t.accountId),
    index('deals_closed_idx').on(t.workspaceId, t.status, t.closedAt),
    foreignKey({ name: 'deals_account_fk', columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
    foreignKey({ name: 'deals_lead_fk', columns: [t.workspaceId, t.leadId], foreignColumns: [leads.workspaceId, leads.id] }),
  ],
);

/** Sales activities: calls, emails and meetings with their outcome. */
export const activities = pgTable(
  'activities',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    externalId: text('external_id'),
    leadId: uuid('lead_id'),
    dealId: uuid('deal_id'),
    type: text('type').$type<ActivityType>().notNull(),
    outcome: text('outcome'),
    notes: text('notes'),
    actorId: uuid('actor_id'),
    occurredAt: at('occurred_at').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('activities_external_id_idx').on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    index('activities_lead_idx').on(t.workspaceId, t.leadId, t.occurredAt),
    foreignKey({ name: 'activities_lead_fk', columns: [t.workspaceId, t.leadId], foreignColumns: [leads.workspaceId, leads.id] }),
    foreignKey({ name: 'activities_deal_fk', columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }),
  ],
);

/** Saved filters of the leads list, per person. */
export const savedViews = pgTable(
  'saved_views',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, string>>().notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('saved_views_user_idx').on(t.workspaceId, t.userId)],
);

/**
 * The funnel report's numbers, kept by database triggers on every insert, update and delete of
 * leads (migration 0003), so that the report reads a few thousand rows instead of every lead.
 * One row counts the leads of one (source, channel, campaign) group and one month that share:
 * - `reached`: created in `month`, reached `stage` (or a later one) `days` days after creation,
 *   rounded up (so `days <= window` means "within the window");
 * - `step`: created in `month`, took `days` whole days from the previous funnel stage to `stage`;
 * - `entered`: entered `stage` (or a later one) for the first time during `month`;
 * - `stamped_early`: created in `month`, stamped a lead before its creation time (bad data).
 */
export const funnelRollup = pgTable(
  'funnel_rollup',
  {
    workspaceId: ws(),
    kind: text('kind').$type<'reached' | 'step' | 'entered' | 'stamped_early'>().notNull(),
    stage: text('stage').$type<LeadStage>().notNull(),
    month: date('month').notNull(),
    days: integer('days').notNull(),
    source: text('source'),
    channel: text('channel'),
    campaignId: uuid('campaign_id'),
    leads: integer('leads').notNull(),
  },
  (t) => [unique('funnel_rollup_key').on(t.workspaceId, t.kind, t.month, t.stage, t.days, t.source, t.channel, t.campaignId).nullsNotDistinct()],
);
