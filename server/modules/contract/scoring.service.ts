import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { backtest, type BacktestRow } from '../../../core/scoring/backtest.ts';
import type { LeadScore } from '../../../core/scoring/evaluate.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { LeadStage } from '../../../core/funnel/stages.ts';
import { moveLeads } from '../funnel/stages.service.ts';
import { handOverMqls } from '../sla/handover.service.ts';
import { activeContract, compiledContent, type ActiveContractRef, type Contract } from './contract.service.ts';
import { leadDefinitions, leadScores } from './contract.table.ts';
import { byIds, leadIdPages, loadScoredLeads, prefetchedPages, type ScoredLead } from './subjects.ts';

/** Stages from which a qualifying score makes a lead an MQL: before MQL, or recycled to nurture. */
const QUALIFIABLE_STAGES: readonly LeadStage[] = ['visitor', 'lead', 'nurture', 'recycled'];
const qualifiable = (stage: LeadStage) => QUALIFIABLE_STAGES.includes(stage);
/** Leads per page of bulk scoring: PGlite blocks the event loop for a page's queries, so keep them short. */
const PAGE_SIZE = 1_000;
/** Up to this many leads, a rescore loads them in one statement (see `loadScoredLeads`). */
const FEW_LEADS = 20;

type Scored = { lead: ScoredLead; score: LeadScore };

async function saveScores(tx: Db, workspaceId: string, version: number, scored: Scored[], now: Date): Promise<void> {
  if (scored.length === 0) return;
  const rows = scored.map(({ lead, score }) => ({
    lead_id: lead.id, fit: score.fit, engagement: score.engagement, qualified: score.qualified,
    disqualified_reason: score.disqualified?.reason ?? null, breakdown: score.breakdown,
  }));
  await tx.execute(sql`
    insert into lead_scores (workspace_id, lead_id, version, fit, engagement, qualified, disqualified_reason, breakdown, scored_at)
    select ${workspaceId}::uuid, lead_id, ${version}, fit, engagement, qualified, disqualified_reason, breakdown, ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(lead_id uuid, fit real, engagement real, qualified boolean, disqualified_reason text, breakdown jsonb)
    on conflict (workspace_id, lead_id) do update set version = excluded.version, fit = excluded.fit, engagement = excluded.engagement,
      qualified = excluded.qualified, disqualified_reason = excluded.disqualified_reason, breakdown = excluded.breakdown, scored_at = excluded.scored_at`);
}

/**
 * Leads whose score crosses the contract's thresholds become MQLs: moved, logged with the
 * version that qualified them, and handed over to Sales.
 */
async function qualify(tx: Db, ctx: ServiceContext, contract: Contract, scored: Scored[]): Promise<number> {
  const crossing = scored.filter(({ lead, score }) => score.qualified && qualifiable(lead.stage));
  if (crossing.length === 0) return 0;
  const { fitThreshold, engagementThreshold } = contract.definition;
  const moves = crossing.map(({ lead, score }) => ({
    leadId: lead.id,
    reason: `Fit ${score.fit} ≥ ${fitThreshold} and engagement ${score.engagement} ≥ ${engagementThreshold} under contract v${contract.version}`,
  }));
  const meta = { at: ctx.now, cause: 'score', actorId: null, definitionVersion: contract.version };
  const moved = new Set((await moveLeads(tx, ctx.workspaceId, moves, 'mql', meta, qualifiable)).map((t) => t.leadId));
  const handedOver = crossing.filter(({ lead }) => moved.has(lead.id));
  await handOverMqls(tx, ctx, handedOver.map(({ lead, score }) => ({ leadId: lead.id, mqlAt: ctx.now, version: contract.version, sla: contract.sla, score })));
  return handedOver.length;
}

async function scoreAndQualify(tx: Db, ctx: ServiceContext, contract: Contract, leads: ScoredLead[]): Promise<{ scored: number; qualified: number }> {
  const scored = leads.map((lead) => ({ lead, score: contract.scorer.score(lead.subject, ctx.now) }));
  await saveScores(tx, ctx.workspaceId, contract.version, scored, ctx.now);
  return { scored: scored.length, qualified: await qualify(tx, ctx, contract, scored) };
}

/**
 * Rescores leads after something about them changed (a touchpoint, a field), inside the
 * caller's transaction. Without an active contract there is nothing to score by. A caller that
 * already read which version is active (`activeContractRef`) passes it on.
 */
export async function rescoreLeads(tx: Db, ctx: ServiceContext, leadIds: readonly string[], active?: ActiveContractRef): Promise<void> {
  if (leadIds.length === 0) return;
  const contract = await activeContract(tx, ctx.workspaceId, active);
  if (!contract) return;
  const ids = [...new Set(leadIds)];
  for (let i = 0; i < ids.length; i += PAGE_SIZE) {
    const page = ids.slice(i, i + PAGE_SIZE);
    await scoreAndQualify(tx, ctx, contract, await loadScoredLeads(tx, ctx.workspaceId, byIds(page), { few: page.length <= FEW_LEADS }));
  }
}

/** Every lead of the workspace, page by page (each page its own transaction), by the active contract. */
export async function rescoreWorkspace(ctx: ServiceContext, onProgress?: (done: number, total: number) => void) {
  const contract = await activeContract(ctx.db, ctx.workspaceId);
  if (!contract) throw new AppError('conflict', 'This workspace has no active lead contract to score by; sign one first.');
  const pages = await leadIdPages(ctx.db, ctx.workspaceId, sql`true`, PAGE_SIZE);
  const total = pages.reduce((sum, page) => sum + page.length, 0);
  const outcome = { version: contract.version, scored: 0, qualified: 0 };
  for await (const leads of prefetchedPages(ctx.db, ctx.workspaceId, pages)) {
    const done = await ctx.db.transaction((tx) => scoreAndQualify(tx, { ...ctx, db: tx }, contract, leads));
    outcome.scored += done.scored;
    outcome.qualified += done.qualified;
    onProgress?.(outcome.scored, total);
  }
  return outcome;
}

const rescoring = new Set<string>();

/**
 * Rescores a workspace in the background of this process (after a version became active, or the
 * demo's first start); one run per workspace at a time. A failure is logged with the way out.
 */
export function rescoreInBackground(ctx: ServiceContext, log: FastifyBaseLogger): void {
  if (rescoring.has(ctx.workspaceId)) return;
  rescoring.add(ctx.workspaceId);
  rescoreWorkspace({ ...ctx, actor: { kind: 'system', name: 'rescore' } })
    .then((outcome) => log.info({ workspaceId: ctx.workspaceId, ...outcome }, 'rescored the workspace by its lead contract'))
    .catch((error: unknown) => log.error({ err: error, workspaceId: ctx.workspaceId }, 'rescoring failed; run `accord rescore`'))
    .finally(() => rescoring.delete(ctx.workspaceId));
}

/** A lead's score under the version that made it, rule by rule. */
export async function leadScore(ctx: ServiceContext, leadId: string) {
  const [score] = await ctx.db.select().from(leadScores).where(and(eq(leadScores.workspaceId, ctx.workspaceId), eq(leadScores.leadId, leadId)));
  if (!score) throw new AppError('not_found', 'This lead has no score yet: no lead contract was active since it last changed.');
  return score;
}

export type BacktestQuery = { version: number; from: string; to: string; examples?: number };

/**
 * When a backtest looks at a lead: right after its last touchpoint before the period's end, when
 * its engagement was freshest (decay only lowers it afterwards); at creation if it has none.
 */
function freshestMoment(lead: ScoredLead, periodEnd: Date): Date {
  let moment = lead.createdAt;
  for (const touch of lead.subject.touchpoints) {
    if (touch.occurredAt > moment && touch.occurredAt < periodEnd) moment = touch.occurredAt;
  }
  return moment;
}

/**
 * A version run over the leads created in a period, beside the active one: each lead is scored
 * as it stood at its freshest moment in the period, and compared with what became of it (SQL,
 * opportunity, customer as won).
 */
export async function backtestVersion(ctx: ServiceContext, query: BacktestQuery) {
  const [candidate] = await ctx.db.select().from(leadDefinitions).where(sql`${leadDefinitions.workspaceId} = ${ctx.workspaceId}::uuid and ${leadDefinitions.version} = ${query.version}`);
  if (!candidate) throw new AppError('not_found', `Lead contract version ${query.version} was not found.`);
  const active = await activeContract(ctx.db, ctx.workspaceId);
  const candidateScorer = compiledContent(candidate.contentHash, candidate).scorer;
  const activeScorer = active?.scorer ?? null;
  const periodEnd = new Date(`${query.to}T00:00:00Z`);
  const rows: BacktestRow[] = [];
  const pages = await leadIdPages(ctx.db, ctx.workspaceId, sql`l.created_at >= ${query.from}::date and l.created_at < ${query.to}::date`, PAGE_SIZE);
  for await (const leads of prefetchedPages(ctx.db, ctx.workspaceId, pages)) {
    for (const lead of leads) {
      const asOf = freshestMoment(lead, periodEnd);
      const score = candidateScorer.score(lead.subject, asOf);
      rows.push({
        leadId: lead.id,
        name: lead.name,
        candidate: { qualified: score.qualified, fit: score.fit, engagement: score.engagement },
        active: activeScorer ? { qualified: activeScorer.score(lead.subject, asOf).qualified } : null,
        reached: { sql: !!lead.reached.sql, opportunity: !!lead.reached.opportunity, won: !!lead.reached.customer },
      });
    }
  }
  return { version: query.version, activeVersion: active?.version ?? null, from: query.from, to: query.to, ...backtest(rows, { examples: query.examples ?? 5 }) };
}
