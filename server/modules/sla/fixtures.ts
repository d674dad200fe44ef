import { and, eq } from 'drizzle-orm';
import type { LeadStage } from '../../../core/funnel/stages.ts';
import { DEFAULT_LEAD_DEFINITION } from '../../../core/schemas/scoring.ts';
import type { SlaPolicy } from '../../../core/schemas/sla.ts';
import type { LeadScore } from '../../../core/scoring/evaluate.ts';
import type { Db } from '../../db/client.ts';
import { leadDefinitions } from '../contract/contract.table.ts';
import { activities, leads } from '../funnel/funnel.table.ts';
import { notifications } from '../notifications/notifications.table.ts';
import { handOverMqls } from './handover.service.ts';
import { leadHandovers } from './sla.table.ts';

/** Test data for the SLA suites: an active contract, leads, handovers, contact attempts. */

export const POLICY: SlaPolicy = { firstContactHours: 4, attempts: 2, attemptsWithinDays: 3, mqlsPerMonth: 2, acceptedPercent: 50, staleAfterDays: 30 };

export const SCORE: LeadScore = {
  fit: 45,
  engagement: 52,
  qualified: true,
  disqualified: null,
  breakdown: [
    { ruleId: 'demo', label: 'Asked for a demo', kind: 'engagement', points: 40 },
    { ruleId: 'director', label: 'Director or head of', kind: 'fit', points: 25 },
    { ruleId: 'pv', label: 'Page views', kind: 'engagement', points: 12 },
  ],
};

export async function activateContract(db: Db, workspaceId: string, sla: SlaPolicy = POLICY): Promise<void> {
  const now = new Date();
  await db.insert(leadDefinitions).values({
    workspaceId, version: 1, name: 'First contract', status: 'active', definition: DEFAULT_LEAD_DEFINITION, sla, contentHash: 'test', createdAt: now, updatedAt: now,
  });
}

export async function insertLead(db: Db, workspaceId: string, fields: Partial<typeof leads.$inferInsert> = {}): Promise<string> {
  const id = crypto.randomUUID();
  const at = new Date('2026-01-05T09:00:00Z');
  await db.insert(leads).values({ workspaceId, id, stage: 'mql', stageChangedAt: at, createdAt: at, updatedAt: at, reachedLeadAt: at, reachedMqlAt: at, ...fields });
  return id;
}

/** Hands leads over as the scoring service does, at `now` (they became MQLs then too, unless `mqlAt` says otherwise). */
export async function handOver(db: Db, workspaceId: string, leadIds: string[], now: Date, options: { sla?: SlaPolicy; mqlAt?: Date } = {}): Promise<void> {
  const ctx = { db, actor: { kind: 'system' as const, name: 'test' }, workspaceId, now };
  const items = leadIds.map((leadId) => ({ leadId, mqlAt: options.mqlAt ?? now, version: 1, sla: options.sla ?? POLICY, score: SCORE }));
  await db.transaction((tx) => handOverMqls(tx, ctx, items));
}

export async function logCall(db: Db, workspaceId: string, leadId: string, occurredAt: string, actorId: string | null = null): Promise<void> {
  await db.insert(activities).values({ workspaceId, id: crypto.randomUUID(), leadId, type: 'call', actorId, occurredAt: new Date(occurredAt), createdAt: new Date(occurredAt) });
}

export async function handoverOf(db: Db, workspaceId: string, leadId: string) {
  const [row] = await db.select().from(leadHandovers).where(and(eq(leadHandovers.workspaceId, workspaceId), eq(leadHandovers.leadId, leadId)));
  return row;
}

export async function stageOf(db: Db, workspaceId: string, leadId: string): Promise<{ stage: LeadStage; ownerId: string | null } | undefined> {
  const [row] = await db.select({ stage: leads.stage, ownerId: leads.ownerId }).from(leads).where(and(eq(leads.workspaceId, workspaceId), eq(leads.id, leadId)));
  return row;
}

export async function inbox(db: Db, workspaceId: string, userId: string) {
  return db
    .select({ event: notifications.event, title: notifications.title, body: notifications.body, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId)))
    .orderBy(notifications.createdAt);
}
