import { and, asc, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { LeadListItem, TimelineEntry } from '../../../core/funnel/views.ts';
import type { LeadFilter } from '../../../core/schemas/funnel.ts';
import type { ServiceContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { decodeCursor, encodeCursor, type Page } from '../../http/pagination.ts';
import { users } from '../identity/identity.table.ts';
import { accounts, activities, campaigns, deals, leads, savedViews, stageTransitions, touchpoints } from './funnel.table.ts';

export function displayName(lead: { firstName: string | null; lastName: string | null; email: string | null }): string {
  return [lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.email || '(no name)';
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function filterConditions(workspaceId: string, filter: LeadFilter): SQL[] {
  const conditions: SQL[] = [eq(leads.workspaceId, workspaceId)];
  if (filter.q) {
    const prefix = `${escapeLike(filter.q.toLowerCase())}%`;
    conditions.push(
      or(
        sql`lower(${leads.email}) like ${prefix}`,
        sql`lower(${leads.lastName}) like ${prefix}`,
        sql`lower(${leads.company}) like ${prefix}`,
      )!,
    );
  }
  if (filter.stage) conditions.push(eq(leads.stage, filter.stage));
  if (filter.source) conditions.push(eq(leads.source, filter.source));
  if (filter.channel) conditions.push(eq(leads.channel, filter.channel));
  if (filter.campaignId) conditions.push(eq(leads.campaignId, filter.campaignId));
  if (filter.ownerId) conditions.push(eq(leads.ownerId, filter.ownerId));
  if (filter.accountId) conditions.push(eq(leads.accountId, filter.accountId));
  if (filter.createdFrom) conditions.push(gte(leads.createdAt, new Date(`${filter.createdFrom}T00:00:00Z`)));
  if (filter.createdTo) conditions.push(lt(leads.createdAt, new Date(Date.parse(`${filter.createdTo}T00:00:00Z`) + 86_400_000)));
  return conditions;
}

const SORT_KEYS = {
  newest: { column: leads.createdAt, direction: 'desc' },
  oldest: { column: leads.createdAt, direction: 'asc' },
  recently_moved: { column: leads.stageChangedAt, direction: 'desc' },
} as const;

/**
 * Lists leads with server-side search (prefix of email, last name or company), filters and
 * keyset pagination on an indexed sort key, so a page costs the same at any depth.
 */
export async function listLeads(ctx: ServiceContext, filter: LeadFilter, page: { limit: number; cursor?: string | undefined }): Promise<Page<LeadListItem>> {
  const sort = SORT_KEYS[filter.sort];
  const conditions = filterConditions(ctx.workspaceId, filter);
  const after = decodeCursor(page.cursor);
  if (after) {
    const beyond = sort.direction === 'desc' ? lt : (a: typeof sort.column, b: Date) => sql`${a} > ${b}`;
    const idBeyond = sort.direction === 'desc' ? lt(leads.id, after.id) : sql`${leads.id} > ${after.id}`;
    conditions.push(or(beyond(sort.column, after.at), and(eq(sort.column, after.at), idBeyond))!);
  }
  const order = sort.direction === 'desc' ? [desc(sort.column), desc(leads.id)] : [asc(sort.column), asc(leads.id)];
  const rows = await ctx.db
    .select({ lead: leads, ownerName: users.name })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .where(and(...conditions))
    .orderBy(...order)
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit).map(({ lead, ownerName }) => ({
    id: lead.id,
    name: displayName(lead),
    email: lead.email,
    company: lead.company,
    stage: lead.stage,
    source: lead.source,
    channel: lead.channel,
    ownerName,
    createdAt: lead.createdAt.toISOString(),
    stageChangedAt: lead.stageChangedAt.toISOString(),
  }));
  const last = rows.length > page.limit ? rows[page.limit - 1]!.lead : null;
  const at = last ? (filter.sort === 'recently_moved' ? last.stageChangedAt : last.createdAt) : null;
  return { items, nextCursor: last && at ? encodeCursor({ at, id: last.id }) : null };
}

const TIMELINE_LIMIT = 300;

/** The sales activities matching a condition (a lead's, a deal's), newest first, as timeline entries. */
export async function activityTimeline(ctx: ServiceContext, condition: SQL): Promise<TimelineEntry[]> {
  const rows = await ctx.db
    .select({ activity: activities, actorName: users.name })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.actorId))
    .where(and(eq(activities.workspaceId, ctx.workspaceId), condition))
    .orderBy(desc(activities.occurredAt))
    .limit(TIMELINE_LIMIT);
  return rows.map(({ activity: a, actorName }) => ({
    kind: 'activity',
    at: a.occurredAt.toISOString(),
    type: a.type,
    outcome: a.outcome,
    notes: a.notes,
    actorName,
  }));
}

/** One lead with its account, owner, deals, and one timeline of touchpoints, stage changes and activities. */
export async function getLead(ctx: ServiceContext, leadId: string) {
  const inWorkspace = (table: { workspaceId: AnyPgColumn }) => eq(table.workspaceId, ctx.workspaceId);
  const [row] = await ctx.db
    .select({ lead: leads, ownerName: users.name, accountName: accounts.name, campaignName: campaigns.name })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .leftJoin(accounts, and(eq(accounts.workspaceId, leads.workspaceId), eq(accounts.id, leads.accountId)))
    .leftJoin(campaigns, and(eq(campaigns.workspaceId, leads.workspaceId), eq(campaigns.id, leads.campaignId)))
    .where(and(inWorkspace(leads), eq(leads.id, leadId)));
  if (!row) throw notFound('Lead');
  const [touches, stages, acts, leadDeals] = await Promise.all([
    ctx.db
      .select({ t: touchpoints, campaignName: campaigns.name })
      .from(touchpoints)
      .leftJoin(campaigns, and(eq(campaigns.workspaceId, touchpoints.workspaceId), eq(campaigns.id, touchpoints.campaignId)))
      .where(and(inWorkspace(touchpoints), eq(touchpoints.leadId, leadId)))
      .orderBy(desc(touchpoints.occurredAt))
      .limit(TIMELINE_LIMIT),
    ctx.db
      .select({ s: stageTransitions, actorName: users.name })
      .from(stageTransitions)
      .leftJoin(users, eq(users.id, stageTransitions.actorId))
      .where(and(inWorkspace(stageTransitions), eq(stageTransitions.leadId, leadId)))
      .orderBy(desc(stageTransitions.at))
      .limit(TIMELINE_LIMIT),
    activityTimeline(ctx, eq(activities.leadId, leadId)),
    ctx.db.select().from(deals).where(and(inWorkspace(deals), eq(deals.leadId, leadId))).orderBy(desc(deals.createdAt)),
  ]);
  const timeline: TimelineEntry[] = [
    ...touches.map(({ t, campaignName }): TimelineEntry => ({
      kind: 'touchpoint',
      at: t.occurredAt.toISOString(),
      type: t.type,
      url: t.url,
      channel: t.channel,
      campaignName,
    })),
    ...stages.map(({ s, actorName }): TimelineEntry => ({
      kind: 'stage',
      at: s.at.toISOString(),
      from: s.fromStage,
      to: s.toStage,
      reason: s.reason,
      cause: s.cause,
      actorName,
    })),
    ...acts,
  ].sort((a, b) => b.at.localeCompare(a.at));
  return {
    lead: { ...row.lead, name: displayName(row.lead), ownerName: row.ownerName, accountName: row.accountName, campaignName: row.campaignName },
    deals: leadDeals,
    timeline,
  };
}

export type SavedView = { id: string; name: string; filter: Record<string, string> };

export async function listSavedViews(ctx: ServiceContext, userId: string): Promise<SavedView[]> {
  const rows = await ctx.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.workspaceId, ctx.workspaceId), eq(savedViews.userId, userId)))
    .orderBy(asc(savedViews.name));
  return rows.map((row) => ({ id: row.id, name: row.name, filter: row.query }));
}

export async function createSavedView(ctx: ServiceContext, userId: string, input: { name: string; filter: LeadFilter }): Promise<SavedView> {
  const filter = Object.fromEntries(Object.entries(input.filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  const [row] = await ctx.db
    .insert(savedViews)
    .values({ workspaceId: ctx.workspaceId, id: crypto.randomUUID(), userId, name: input.name, query: filter, createdAt: ctx.now })
    .returning();
  return { id: row!.id, name: row!.name, filter: row!.query };
}

export async function deleteSavedView(ctx: ServiceContext, userId: string, viewId: string): Promise<void> {
  const deleted = await ctx.db
    .delete(savedViews)
    .where(and(eq(savedViews.workspaceId, ctx.workspaceId), eq(savedViews.userId, userId), eq(savedViews.id, viewId)))
    .returning({ id: savedViews.id });
  if (deleted.length === 0) throw notFound('Saved view');
}
