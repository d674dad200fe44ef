import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SigningRole } from '../../../core/permissions.ts';
import type { LeadScore } from '../../../core/scoring/evaluate.ts';
import type { LeadDefinition } from '../../../core/schemas/scoring.ts';
import type { SlaPolicy } from '../../../core/schemas/sla.ts';
import { leads } from '../funnel/funnel.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

const ws = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });

export const DEFINITION_STATUSES = ['draft', 'proposed', 'active', 'retired'] as const;
export type DefinitionStatus = (typeof DEFINITION_STATUSES)[number];

/**
 * The lead contract, version by version: what counts as qualified (the scoring definition) and
 * the two-sided SLA bound to it. A version becomes active only when both sides signed its exact
 * content (`content_hash`); one active version per workspace.
 */
export const leadDefinitions = pgTable(
  'lead_definitions',
  {
    workspaceId: ws(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    status: text('status').$type<DefinitionStatus>().notNull(),
    definition: jsonb('definition').$type<LeadDefinition>().notNull(),
    sla: jsonb('sla').$type<SlaPolicy>().notNull(),
    contentHash: text('content_hash').notNull(),
    basedOn: integer('based_on'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    proposedAt: at('proposed_at'),
    activatedAt: at('activated_at'),
    retiredAt: at('retired_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.version] }),
    uniqueIndex('lead_definitions_one_active_idx').on(t.workspaceId).where(sql`${t.status} = 'active'`),
  ],
);

/** A signature binds one person, in one role, to one exact content of a version; an edit voids it. */
export const definitionSignatures = pgTable(
  'definition_signatures',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    version: integer('version').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').$type<SigningRole>().notNull(),
    contentHash: text('content_hash').notNull(),
    signedAt: at('signed_at').notNull(),
    voidedAt: at('voided_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('definition_signatures_valid_idx').on(t.workspaceId, t.version, t.role).where(sql`${t.voidedAt} is null`),
    foreignKey({ name: 'definition_signatures_version_fk', columns: [t.workspaceId, t.version], foreignColumns: [leadDefinitions.workspaceId, leadDefinitions.version] }).onDelete('cascade'),
  ],
);

export const definitionComments = pgTable(
  'definition_comments',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    version: integer('version').notNull(),
    userId: uuid('user_id').notNull(),
    body: text('body').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('definition_comments_version_idx').on(t.workspaceId, t.version, t.createdAt),
    foreignKey({ name: 'definition_comments_version_fk', columns: [t.workspaceId, t.version], foreignColumns: [leadDefinitions.workspaceId, leadDefinitions.version] }).onDelete('cascade'),
  ],
);

/** Each lead's current score under the version that made it, with the breakdown rule by rule. */
export const leadScores = pgTable(
  'lead_scores',
  {
    workspaceId: ws(),
    leadId: uuid('lead_id').notNull(),
    version: integer('version').notNull(),
    fit: real('fit').notNull(),
    engagement: real('engagement').notNull(),
    qualified: boolean('qualified').notNull(),
    disqualifiedReason: text('disqualified_reason'),
    breakdown: jsonb('breakdown').$type<LeadScore['breakdown']>().notNull(),
    scoredAt: at('scored_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.leadId] }),
    index('lead_scores_qualified_idx').on(t.workspaceId, t.qualified, t.fit),
    foreignKey({ name: 'lead_scores_lead_fk', columns: [t.workspaceId, t.leadId], foreignColumns: [leads.workspaceId, leads.id] }).onDelete('cascade'),
  ],
);
