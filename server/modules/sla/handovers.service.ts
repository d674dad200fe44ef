import { and, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { personId } from '../../../core/permissions.ts';
import type { HandoverQuery } from '../../../core/schemas/sales.ts';
import type { SlaPolicy, WorkingCalendar } from '../../../core/schemas/sla.ts';
import type { HandoverNote } from '../../../core/sla/handover.ts';
import { evaluateLeadSla, type LeadSlaEvaluation } from '../../../core/sla/policy.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { decodeCursor, encodeCursor, type Page } from '../../http/pagination.ts';
import { leads } from '../funnel/funnel.table.ts';
import { displayName } from '../funnel/leads.service.ts';
import { users } from '../identity/identity.table.ts';
import { contactTimes, slaPolicies, toDates } from './queries.ts';
import { loadCalendar } from './settings.service.ts';
import { leadHandovers } from './sla.table.ts';

/** Reading handovers: a rep's MQL inbox, one lead's handover, and the rows the ledger judges. */

const handoverColumns = {
  leadId: leadHandovers.leadId,
  version: leadHandovers.version,
  mqlAt: leadHandovers.mqlAt,
  ownerId: leadHandovers.ownerId,
  assignedAt: leadHandovers.assignedAt,
  routingRule: leadHandovers.routingRule,
  routingNote: leadHandovers.routingNote,
  firstContactDueAt: leadHandovers.firstContactDueAt,
  attemptsDueAt: leadHandovers.attemptsDueAt,
  decision: leadHandovers.decision,
  decidedAt: leadHandovers.decidedAt,
  decidedBy: leadHandovers.decidedBy,
  rejectionReason: leadHandovers.rejectionReason,
  rejectionNote: leadHandovers.rejectionNote,
  summary: sql<string>`${leadHandovers.note}->>'summary'`,
  firstName: leads.firstName,
  lastName: leads.lastName,
  email: leads.email,
  company: leads.company,
  source: leads.source,
  ownerName: users.name,
  contacts: contactTimes,
};

/** Handovers of the workspace with their lead, owner and contact attempts, newest MQL first. */
export function selectHandovers(db: Db, workspaceId: string, ...conditions: (SQL | undefined)[]) {
  return db
    .select(handoverColumns)
    .from(leadHandovers)
    .innerJoin(leads, and(eq(leads.workspaceId, leadHandovers.workspaceId), eq(leads.id, leadHandovers.leadId)))
    .leftJoin(users, eq(users.id, leadHandovers.ownerId))
    .where(and(eq(leadHandovers.workspaceId, workspaceId), ...conditions))
    .orderBy(desc(leadHandovers.mqlAt), desc(leadHandovers.leadId));
}

export type HandoverRecord = Awaited<ReturnType<typeof selectHandovers>>[number];

/** Sales' side of the SLA for one handover as of `now`, under the policy of the version that qualified it. */
export function evaluateHandover(record: HandoverRecord, policy: SlaPolicy, calendar: WorkingCalendar, now: Date): LeadSlaEvaluation {
  return evaluateLeadSla(policy, calendar, {
    mqlAt: record.mqlAt,
    assignedAt: record.assignedAt,
    acceptedAt: record.decision === 'accepted' ? record.decidedAt : null,
    rejectedAt: record.decision === 'rejected' ? record.decidedAt : null,
    attempts: toDates(record.contacts),
  }, now);
}

export type HandoverView = Omit<HandoverRecord, 'firstName' | 'lastName' | 'email' | 'contacts'> & {
  leadName: string;
  /** Null when the contract version that qualified the lead is gone. */
  sla: LeadSlaEvaluation | null;
};

/** What judging handovers takes: the working calendar and the SLA policy of each contract version. */
export type Judge = { calendar: WorkingCalendar; policies: Map<number, SlaPolicy> };

export async function loadJudge(db: Db, workspaceId: string, records: readonly HandoverRecord[]): Promise<Judge> {
  const { calendar } = await loadCalendar(db, workspaceId);
  return { calendar, policies: await slaPolicies(db, workspaceId, records.map((record) => record.version)) };
}

function toView(record: HandoverRecord, judge: Judge, now: Date): HandoverView {
  const { firstName, lastName, email, contacts, ...rest } = record;
  const policy = judge.policies.get(record.version);
  return { ...rest, leadName: displayName({ firstName, lastName, email }), sla: policy ? evaluateHandover(record, policy, judge.calendar, now) : null };
}

/** The MQL inbox: handovers, optionally one owner's ('me' is the caller) and only the undecided ones, by cursor pages. */
export async function listHandovers(ctx: ServiceContext, query: HandoverQuery): Promise<Page<HandoverView>> {
  const ownerId = query.owner === 'me' ? personId(ctx.actor) : query.owner;
  const after = decodeCursor(query.cursor);
  const rows = await selectHandovers(
    ctx.db,
    ctx.workspaceId,
    ownerId ? eq(leadHandovers.ownerId, ownerId) : undefined,
    query.open ? isNull(leadHandovers.decision) : undefined,
    after ? or(lt(leadHandovers.mqlAt, after.at), and(eq(leadHandovers.mqlAt, after.at), lt(leadHandovers.leadId, after.id))) : undefined,
  ).limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const judge = await loadJudge(ctx.db, ctx.workspaceId, page);
  const items = page.map((record) => toView(record, judge, ctx.now));
  const last = rows.length > query.limit ? rows[query.limit - 1]! : null;
  return { items, nextCursor: last ? encodeCursor({ at: last.mqlAt, id: last.leadId }) : null };
}

export type HandoverDetail = HandoverView & { note: HandoverNote; policy: SlaPolicy | null };

/** One lead's handover: the note the rep reads, and the SLA as of now. */
export async function getLeadHandover(ctx: ServiceContext, leadId: string): Promise<HandoverDetail> {
  const [record] = await selectHandovers(ctx.db, ctx.workspaceId, eq(leadHandovers.leadId, leadId));
  if (!record) throw notFound('MQL handover for this lead');
  const [noted] = await ctx.db
    .select({ note: leadHandovers.note })
    .from(leadHandovers)
    .where(and(eq(leadHandovers.workspaceId, ctx.workspaceId), eq(leadHandovers.leadId, leadId)));
  const judge = await loadJudge(ctx.db, ctx.workspaceId, [record]);
  return { ...toView(record, judge, ctx.now), note: noted!.note, policy: judge.policies.get(record.version) ?? null };
}
