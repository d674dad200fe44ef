import { and, desc, eq, gte, lte, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ZAuditQuery } from '../../../core/schemas/workspaces.ts';
import { actorUserId } from '../../../core/permissions.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { decodeCursor, encodeCursor, type Page } from '../../http/pagination.ts';
import { users } from '../identity/identity.table.ts';
import { auditEvents } from './audit.table.ts';

const SECRET_FIELDS = /password|secret|token_?hash|tokenHash/i;

/** Copies a value for the audit log with every secret-looking field removed. */
function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_FIELDS.test(key))
        .map(([key, v]) => [key, redact(v)]),
    );
  }
  return value;
}

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Records one change in the same transaction as the change itself. */
export async function recordAudit(tx: Db, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    workspaceId: ctx.workspaceId,
    id: crypto.randomUUID(),
    at: ctx.now,
    actorId: actorUserId(ctx.actor),
    viaTokenId: ctx.actor.kind === 'token' ? ctx.actor.tokenId : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: redact(entry.before),
    after: redact(entry.after),
  });
}

export type AuditEventDto = {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  viaToken: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

/** Lists the workspace's audit events, newest first, filtered and paginated by cursor. */
export async function listAuditEvents(
  ctx: ServiceContext,
  filter: z.infer<typeof ZAuditQuery>,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<AuditEventDto>> {
  const conditions: SQL[] = [eq(auditEvents.workspaceId, ctx.workspaceId)];
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.actorId) conditions.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.from) conditions.push(gte(auditEvents.at, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditEvents.at, new Date(filter.to)));
  const after = decodeCursor(page.cursor);
  if (after) {
    conditions.push(
      or(lt(auditEvents.at, after.at), and(eq(auditEvents.at, after.at), lt(auditEvents.id, after.id))) as SQL,
    );
  }
  const rows = await ctx.db
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit).map(({ event, actorName }) => ({
    id: event.id,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorName,
    viaToken: event.viaTokenId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
  }));
  const last = rows.length > page.limit ? rows[page.limit - 1]?.event : undefined;
  return { items, nextCursor: last ? encodeCursor({ at: last.at, id: last.id }) : null };
}
