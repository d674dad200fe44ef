import { and, eq, sql } from 'drizzle-orm';
import { funnelIndex, type LeadStage } from '../../../core/funnel/stages.ts';
import type { Db } from '../../db/client.ts';
import { leads } from '../funnel/funnel.table.ts';
import { logTransitions, reachedOnEntry, type Transition } from '../funnel/stages.service.ts';
import { idsIn } from './queries.ts';

/** Where a Sales decision takes a lead, and which leads it may move. */

/** Accepting moves a lead to SAL unless it is there or further already. */
export function mayAccept(stage: LeadStage): boolean {
  return funnelIndex(stage) < funnelIndex('sal');
}

/** Recycling sends a lead back to nurture only while it has not moved past MQL: a lead with a deal stays. */
export function mayRecycle(stage: LeadStage): boolean {
  return funnelIndex(stage) >= 0 && funnelIndex(stage) <= funnelIndex('mql');
}

type ReachedColumn = keyof ReturnType<typeof reachedOnEntry>;

/**
 * Moves many leads to one stage in one statement and logs a transition for each; a lead already
 * at the stage, or one `movable` refuses, stays. The first arrival at a stage is kept.
 */
export async function moveLeads(
  tx: Db,
  workspaceId: string,
  moves: readonly { leadId: string; reason: string | null }[],
  to: LeadStage,
  meta: { at: Date; cause: string; actorId: string | null },
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
  }));
  await logTransitions(tx, workspaceId, transitions);
  return transitions;
}
