import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { HandoverNote } from '../../../core/sla/handover.ts';
import type { RoutingCursor } from '../../../core/routing/assign.ts';
import type { RoutingRules } from '../../../core/schemas/routing.ts';
import type { RejectionReason, WorkingCalendar } from '../../../core/schemas/sla.ts';
import { leads } from '../funnel/funnel.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

const ws = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * How Sales works in a workspace: working hours and holidays (the SLA clock), and MQL routing.
 * A null calendar or routing is the default (Monday to Friday 09:00 to 17:00 in the workspace's
 * time zone; every sales rep in turn), so the row can keep the routing cursor before anyone
 * saved settings, and the default follows the workspace's time zone and members.
 */
export const salesSettings = pgTable('sales_settings', {
  workspaceId: ws().primaryKey(),
  calendar: jsonb('calendar').$type<WorkingCalendar>(),
  routing: jsonb('routing').$type<RoutingRules>(),
  routingCursor: jsonb('routing_cursor').$type<RoutingCursor>().notNull().default({}),
  updatedBy: uuid('updated_by'),
  updatedAt: at('updated_at').notNull(),
});

/** A rep's availability for routing: away reps are skipped, a capacity caps their open MQLs. */
export const repAvailability = pgTable(
  'rep_availability',
  {
    workspaceId: ws(),
    userId: uuid('user_id').notNull(),
    away: boolean('away').notNull().default(false),
    capacity: integer('capacity'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

export const HANDOVER_DECISIONS = ['accepted', 'rejected', 'recycled'] as const;
export type HandoverDecision = (typeof HANDOVER_DECISIONS)[number];

/**
 * An MQL handed to Sales: which contract version qualified it, who got it and why, the note they
 * read, the SLA clocks, and the rep's decision. Breach notices are stamped so each goes out once.
 */
export const leadHandovers = pgTable(
  'lead_handovers',
  {
    workspaceId: ws(),
    leadId: uuid('lead_id').notNull(),
    version: integer('version').notNull(),
    mqlAt: at('mql_at').notNull(),
    ownerId: uuid('owner_id'),
    assignedAt: at('assigned_at'),
    routingRule: text('routing_rule'),
    routingNote: text('routing_note'),
    note: jsonb('note').$type<HandoverNote>().notNull(),
    firstContactDueAt: at('first_contact_due_at'),
    attemptsDueAt: at('attempts_due_at'),
    decision: text('decision').$type<HandoverDecision>(),
    decidedAt: at('decided_at'),
    decidedBy: uuid('decided_by'),
    rejectionReason: text('rejection_reason').$type<RejectionReason>(),
    rejectionNote: text('rejection_note'),
    firstContactBreachNotifiedAt: at('first_contact_breach_notified_at'),
    attemptsBreachNotifiedAt: at('attempts_breach_notified_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.leadId] }),
    index('lead_handovers_owner_idx').on(t.workspaceId, t.ownerId, t.mqlAt),
    index('lead_handovers_mql_idx').on(t.workspaceId, t.mqlAt),
    index('lead_handovers_open_idx').on(t.firstContactDueAt).where(sql`${t.decision} is null`),
    // Routing counts each rep's undecided MQLs against their capacity.
    index('lead_handovers_owner_open_idx').on(t.workspaceId, t.ownerId).where(sql`${t.decision} is null`),
    foreignKey({ name: 'lead_handovers_lead_fk', columns: [t.workspaceId, t.leadId], foreignColumns: [leads.workspaceId, leads.id] }).onDelete('cascade'),
  ],
);
