import { sql } from 'drizzle-orm';
import { bigint, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ApprovalRole, Incoming, ProductKind, StockDecision } from '../../../core/schemas/campaigns.ts';
import { campaigns } from '../funnel/funnel.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

const ws = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });
const units = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });
const campaignFk = (name: string, t: { workspaceId: AnyPgColumn; campaignId: AnyPgColumn }) =>
  foreignKey({ name, columns: [t.workspaceId, t.campaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }).onDelete('cascade');

/** What Operations keeps per SKU: stock on hand, deliveries due, and what sells in an ordinary week. */
export const products = pgTable(
  'products',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<ProductKind>().notNull(),
    onHand: bigint('on_hand', { mode: 'number' }).notNull(),
    weeklyBaseline: units('weekly_baseline').notNull(),
    incoming: jsonb('incoming').$type<Incoming[]>().notNull().default([]),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('products_sku_idx').on(t.workspaceId, t.sku)],
);

/** The products and promo items of a campaign, with their own uplift or gift ratio when they differ. */
export const campaignProducts = pgTable(
  'campaign_products',
  {
    workspaceId: ws(),
    campaignId: uuid('campaign_id').notNull(),
    productId: uuid('product_id').notNull(),
    position: integer('position').notNull(),
    upliftPercent: numeric('uplift_percent', { precision: 7, scale: 2, mode: 'number' }),
    perUnit: numeric('per_unit', { precision: 7, scale: 3, mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.campaignId, t.productId] }),
    index('campaign_products_product_idx').on(t.workspaceId, t.productId),
    campaignFk('campaign_products_campaign_fk', t),
    foreignKey({ name: 'campaign_products_product_fk', columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
  ],
);

/** A campaign's budget and spend, line by line; the campaign's totals are their sums. */
export const campaignSpendLines = pgTable(
  'campaign_spend_lines',
  {
    workspaceId: ws(),
    campaignId: uuid('campaign_id').notNull(),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    budgetMinor: bigint('budget_minor', { mode: 'number' }).notNull(),
    spendMinor: bigint('spend_minor', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.campaignId, t.position] }), campaignFk('campaign_spend_lines_campaign_fk', t)],
);

/**
 * Operations' word on a product of a campaign, never overwritten: the latest one counts while the
 * campaign keeps the dates it was given for, and its forecast demand is not above the one confirmed.
 */
export const stockConfirmations = pgTable(
  'stock_confirmations',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    productId: uuid('product_id').notNull(),
    decision: text('decision').$type<StockDecision>().notNull(),
    reason: text('reason'),
    launchOn: date('launch_on').notNull(),
    endOn: date('end_on').notNull(),
    demand: bigint('demand', { mode: 'number' }).notNull(),
    available: bigint('available', { mode: 'number' }).notNull(),
    shortfall: bigint('shortfall', { mode: 'number' }).notNull(),
    runsOutOn: date('runs_out_on'),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: at('confirmed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('stock_confirmations_latest_idx').on(t.workspaceId, t.campaignId, t.productId, t.confirmedAt),
    campaignFk('stock_confirmations_campaign_fk', t),
  ],
);

/** An approval of an offer's terms (offer, dates, products) by one role, never overwritten: a change of terms needs a new one. */
export const offerApprovals = pgTable(
  'offer_approvals',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    role: text('role').$type<ApprovalRole>().notNull(),
    userId: uuid('user_id').notNull(),
    terms: jsonb('terms').notNull(),
    termsKey: text('terms_key').notNull(),
    note: text('note'),
    approvedAt: at('approved_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('offer_approvals_campaign_idx').on(t.workspaceId, t.campaignId, t.role, t.approvedAt),
    campaignFk('offer_approvals_campaign_fk', t),
  ],
);

/** Each published version of a campaign's sales briefing, as the reps read it. */
export const campaignBriefings = pgTable(
  'campaign_briefings',
  {
    workspaceId: ws(),
    campaignId: uuid('campaign_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    contentKey: text('content_key').notNull(),
    publishedBy: uuid('published_by'),
    publishedAt: at('published_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.campaignId, t.version] }), campaignFk('campaign_briefings_campaign_fk', t)],
);

/** A rep's acknowledgement of one briefing version, by the rep or by a manager for them; once per version. */
export const briefingAcknowledgements = pgTable(
  'briefing_acknowledgements',
  {
    workspaceId: ws(),
    campaignId: uuid('campaign_id').notNull(),
    version: integer('version').notNull(),
    userId: uuid('user_id').notNull(),
    acknowledgedBy: uuid('acknowledged_by').notNull(),
    acknowledgedAt: at('acknowledged_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.campaignId, t.version, t.userId] }),
    index('briefing_acknowledgements_user_idx').on(t.workspaceId, t.userId),
    foreignKey({
      name: 'briefing_acknowledgements_briefing_fk',
      columns: [t.workspaceId, t.campaignId, t.version],
      foreignColumns: [campaignBriefings.workspaceId, campaignBriefings.campaignId, campaignBriefings.version],
    }).onDelete('cascade'),
  ],
);

/** Reminders and escalations the scheduler sent for a campaign, so that each goes out once. */
export const campaignReminders = pgTable(
  'campaign_reminders',
  {
    workspaceId: ws(),
    campaignId: uuid('campaign_id').notNull(),
    key: text('key').notNull(),
    sentAt: at('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.campaignId, t.key] }), campaignFk('campaign_reminders_campaign_fk', t)],
);

/** The workspace's launch policy, and the secret of its calendar feed (null until an admin turns it on). */
export const campaignSettings = pgTable(
  'campaign_settings',
  {
    workspaceId: ws().primaryKey(),
    minNoticeDays: integer('min_notice_days').notNull(),
    financeApprovalAbovePercent: numeric('finance_approval_above_percent', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    feedSecret: text('feed_secret'),
    feedRotatedAt: at('feed_rotated_at'),
    updatedBy: uuid('updated_by'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('campaign_settings_feed_secret_idx').on(t.feedSecret).where(sql`${t.feedSecret} is not null`)],
);
