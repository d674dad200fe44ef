import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LeadScore } from '../../../core/scoring/evaluate.ts';
import type { LeadDefinition } from '../../../core/schemas/scoring.ts';
import type { SlaPolicy } from '../../../core/schemas/sla.ts';
import { leads } from '../funnel/funnel.table.ts';
import { commentTable, signatureTable, versionTable } from '../signing/signing.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

const ws = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The lead contract, version by version: what counts as qualified (the scoring definition) and
 * the two-sided SLA bound to it. A version becomes active only when both sides signed its exact
 * content (`content_hash`); one active version per workspace.
 */
export const leadDefinitions = versionTable('lead_definitions', {
  definition: jsonb('definition').$type<LeadDefinition>().notNull(),
  sla: jsonb('sla').$type<SlaPolicy>().notNull(),
});

export const definitionSignatures = signatureTable('definition_signatures', leadDefinitions);

export const definitionComments = commentTable('definition_comments', leadDefinitions);

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
