import { sql } from 'drizzle-orm';
import { bigint, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SigningRole } from '../../../core/permissions.ts';
import type { CreditRules, DISPUTE_STATUSES } from '../../../core/schemas/attribution.ts';
import type { PeriodKind } from '../../../core/targets/periods.ts';
import { campaigns, deals } from '../funnel/funnel.table.ts';
import { commentTable, signatureTable, versionTable, workspaceColumn } from '../signing/signing.table.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A workspace's attribution setting: how many days before a conversion its touches count (default 90). */
export const attributionSettings = pgTable('attribution_settings', {
  workspaceId: workspaceColumn().primaryKey(),
  lookbackDays: integer('lookback_days').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: at('updated_at').notNull(),
});

/**
 * The credit policy, version by version: which model settles credit for targets and bonuses, and
 * what counts as sourced and influenced. Co-signed like the lead contract.
 */
export const creditPolicies = versionTable('credit_policies', {
  rules: jsonb('rules').$type<CreditRules>().notNull(),
});

export const creditPolicySignatures = signatureTable('credit_policy_signatures', creditPolicies);

export const creditPolicyComments = commentTable('credit_policy_comments', creditPolicies);

export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/**
 * A deal's credit disputed by either team: what it was credited to (its lead's source) when opened,
 * what the opener claims, why; resolved on the record (upheld or rejected, with a note, by a signer).
 * One open dispute per deal.
 */
export const creditDisputes = pgTable(
  'credit_disputes',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull(),
    dealId: uuid('deal_id').notNull(),
    openedBy: uuid('opened_by').notNull(),
    openedRole: text('opened_role').notNull(),
    creditedChannel: text('credited_channel'),
    creditedCampaignId: uuid('credited_campaign_id'),
    claimedChannel: text('claimed_channel'),
    claimedCampaignId: uuid('claimed_campaign_id'),
    reason: text('reason').notNull(),
    policyVersion: integer('policy_version'),
    status: text('status').$type<DisputeStatus>().notNull(),
    resolvedBy: uuid('resolved_by'),
    resolvedRole: text('resolved_role').$type<SigningRole>(),
    resolutionNote: text('resolution_note'),
    createdAt: at('created_at').notNull(),
    resolvedAt: at('resolved_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('credit_disputes_status_idx').on(t.workspaceId, t.status, t.createdAt),
    uniqueIndex('credit_disputes_one_open_idx').on(t.workspaceId, t.dealId).where(sql`${t.status} = 'open'`),
    foreignKey({ name: 'credit_disputes_deal_fk', columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete('cascade'),
    foreignKey({ name: 'credit_disputes_claimed_campaign_fk', columns: [t.workspaceId, t.claimedCampaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }),
    foreignKey({ name: 'credit_disputes_credited_campaign_fk', columns: [t.workspaceId, t.creditedCampaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }),
  ],
);

/** A revenue target of a month or a quarter, owned by both teams; one per period. */
export const revenueTargets = pgTable(
  'revenue_targets',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull(),
    periodKind: text('period_kind').$type<PeriodKind>().notNull(),
    period: text('period').notNull(),
    startsOn: date('starts_on').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('revenue_targets_period_idx').on(t.workspaceId, t.period), index('revenue_targets_starts_idx').on(t.workspaceId, t.startsOn)],
);
