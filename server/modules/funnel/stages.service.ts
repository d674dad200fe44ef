import { and, eq, inArray, sql } from 'drizzle-orm';
import { funnelIndex, type FunnelStage, type LeadStage } from '../../../core/funnel/stages.ts';
import { actorUserId } from '../../../core/permissions.ts';
import { insertRows } from '../../db/bulk.ts';
import type { Db } from '../../db/client.ts';
import { idsIn } from '../../db/raw.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { leads, stageTransitions } from './funnel.table.ts';

type LeadRow = typeof leads.$inferSelect;
type ReachedColumn = 'reachedLeadAt' | 'reachedMqlAt' | 'reachedSalAt' | 'reachedSqlAt' | 'reachedOpportunityAt' | 'reachedCustomerAt';

const REACHED_COLUMN: Record<FunnelStage, ReachedColumn | null> = {
  visitor: null,
  lead: 'reachedLeadAt',
  mql: 'reachedMqlAt',
  sal: 'reachedSalAt',
  sql: 'reachedSqlAt',
  opportunity: 'reachedOpportunityAt',
  customer: 'reachedCustomerAt',
};

export type Transition = {
  leadId: string;
  from: LeadStage | null;
  to: LeadStage;
  at: Date;
  cause: string;
  reason: string | null;
  actorId: string | null;
  /** The lead contract version whose rule made the change (scoring to MQL), if one did. */
  definitionVersion?: number;
};

/**
 * The rollup columns to set when a lead enters a stage: the first arrival is kept. Entering
 * any stage but visitor means the person became a lead, if they were not one already.
 */
export function reachedOnEntry(lead: Partial<Pick<LeadRow, ReachedColumn>>, stage: LeadStage, at: Date): Partial<Record<ReachedColumn, Date>> {
  const patch: Partial<Record<ReachedColumn, Date>> = {};
  if (stage !== 'visitor' && !lead.reachedLeadAt) patch.reachedLeadAt = at;
  const column = funnelIndex(stage) >= 0 ? REACHED_COLUMN[stage as FunnelStage] : null;
  if (column && !lead[column]) patch[column] = at;
  return patch;
}

/** Appends stage changes to the log, many at once. */
export async function logTransitions(tx: Db, workspaceId: string, transitions: Transition[]): Promise<void> {
  await insertRows(
    tx,
    stageTransitions,
    transitions.map((t) => ({
      workspaceId,
      id: crypto.randomUUID(),
      leadId: t.leadId,
      fromStage: t.from,
      toStage: t.to,
      at: t.at,
      actorId: t.actorId,
      reason: t.reason,
      cause: t.cause,
      definitionVersion: t.definitionVersion ?? null,
    })),
  );
}

/** Moves one lead to a stage, logged with who and why. Moving to the stage it is in is refused. */
export async function changeLeadStage(ctx: ServiceContext, leadId: string, input: { stage: LeadStage; reason: string }): Promise<LeadRow> {
  return ctx.db.transaction(async (tx) => {
    const where = and(eq(leads.workspaceId, ctx.workspaceId), eq(leads.id, leadId));
    const [before] = await tx.select().from(leads).where(where);
    if (!before) throw notFound('Lead');
    if (before.stage === input.stage) throw new AppError('conflict', `The lead is already at stage ${input.stage}.`);
    const [after] = await tx
      .update(leads)
      .set({ stage: input.stage, stageChangedAt: ctx.now, updatedAt: ctx.now, ...reachedOnEntry(before, input.stage, ctx.now) })
      .where(where)
      .returning();
    const actorId = actorUserId(ctx.actor);
    await logTransitions(tx, ctx.workspaceId, [{ leadId, from: before.stage, to: input.stage, at: ctx.now, cause: 'manual', reason: input.reason, actorId }]);
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'lead.stage_change',
      entityType: 'lead',
      entityId: leadId,
      before: { stage: before.stage },
      after: { stage: input.stage, reason: input.reason },
    });
    return after!;
  });
}

/**
 * Moves leads forward when something later in the funnel happened to them (a deal opened or
 * was won, a score crossed the contract's thresholds) and returns the moves made. Leads already at or past that stage, or on a side stage, stay where they are.
 */
export type Advance = { leadId: string; to: FunnelStage; at: Date; cause: string; reason: string; definitionVersion?: number };

export async function advanceLeads(tx: Db, workspaceId: string, moves: Advance[]): Promise<Transition[]> {
  if (moves.length === 0) return [];
  const current = await tx
    .select()
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.id, [...new Set(moves.map((m) => m.leadId))])));
  const byId = new Map(current.map((lead) => [lead.id, lead]));
  const moved = new Set<string>();
  const transitions: Transition[] = [];
  for (const move of moves) {
    const lead = byId.get(move.leadId);
    if (!lead || funnelIndex(lead.stage) < 0 || funnelIndex(lead.stage) >= funnelIndex(move.to)) continue;
    byId.set(lead.id, { ...lead, stage: move.to, stageChangedAt: move.at, ...reachedOnEntry(lead, move.to, move.at) });
    moved.add(lead.id);
    transitions.push({ leadId: lead.id, from: lead.stage, to: move.to, at: move.at, cause: move.cause, reason: move.reason, actorId: null, definitionVersion: move.definitionVersion });
  }
  await writeStages(tx, workspaceId, [...moved].map((id) => byId.get(id)!));
  await logTransitions(tx, workspaceId, transitions);
  return transitions;
}

/**
 * Writes each lead's stage, when it changed (also its last update) and when it reached each
 * stage, in one statement: a deal import advances hundreds of leads, and a statement each (with
 * the funnel rollup's trigger each time) took most of its time.
 */
async function writeStages(tx: Db, workspaceId: string, moved: readonly LeadRow[]): Promise<void> {
  if (moved.length === 0) return;
  const reached = Object.values(REACHED_COLUMN).filter((column) => column !== null);
  const rows = moved.map((lead) => ({ id: lead.id, stage: lead.stage, at: lead.stageChangedAt, ...Object.fromEntries(reached.map((column) => [column, lead[column]])) }));
  const given = (column: string) => sql.raw(`r."${column}"`);
  await tx.execute(sql`update ${leads} set stage = r.stage, stage_changed_at = r.at, updated_at = r.at,
      ${sql.join(reached.map((column) => sql`${sql.identifier(leads[column].name)} = ${given(column)}`), sql`, `)}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, stage text, at timestamptz, ${sql.raw(reached.map((column) => `"${column}" timestamptz`).join(', '))})
    where ${leads.workspaceId} = ${workspaceId}::uuid and ${leads.id} = r.id`);
}

/**
 * Moves many leads to one stage in one statement and logs a transition for each; a lead already
 * at the stage, or one `movable` refuses, stays. The first arrival at a stage is kept. Returns the
 * moves made.
 */
export async function moveLeads(
  tx: Db,
  workspaceId: string,
  moves: readonly { leadId: string; reason: string | null }[],
  to: LeadStage,
  meta: { at: Date; cause: string; actorId: string | null; definitionVersion?: number },
  movable: (stage: LeadStage) => boolean,
): Promise<Transition[]> {
  if (moves.length === 0) return [];
  const current = await tx
    .select({ id: leads.id, stage: leads.stage })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), idsIn(leads.id, moves.map((move) => move.leadId))));
  const stageOf = new Map(current.map((lead) => [lead.id, lead.stage]));
  const moving = moves.filter((move) => {
    const stage = stageOf.get(move.leadId);
    return stage !== undefined && stage !== to && movable(stage);
  });
  if (moving.length === 0) return [];
  const at = sql`${meta.at.toISOString()}::timestamptz`;
  const reached = Object.fromEntries(
    (Object.keys(reachedOnEntry({}, to, meta.at)) as ReachedColumn[]).map((column) => [column, sql`coalesce(${leads[column]}, ${at})`]),
  );
  await tx
    .update(leads)
    .set({ stage: to, stageChangedAt: meta.at, updatedAt: meta.at, ...reached })
    .where(and(eq(leads.workspaceId, workspaceId), idsIn(leads.id, moving.map((move) => move.leadId))));
  const transitions = moving.map((move): Transition => ({
    leadId: move.leadId,
    from: stageOf.get(move.leadId)!,
    to,
    at: meta.at,
    cause: meta.cause,
    reason: move.reason,
    actorId: meta.actorId,
    definitionVersion: meta.definitionVersion,
  }));
  await logTransitions(tx, workspaceId, transitions);
  return transitions;
}
