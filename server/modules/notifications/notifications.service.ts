import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_CHANNELS, EVENT_LABELS, NOTIFICATION_EVENTS } from '../../../core/notifications/events.ts';
import type { NotificationDto, PreferenceDto, PreferencesUpdate } from '../../../core/schemas/notifications.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { decodeCursor, olderThan, toPage, type Page } from '../../http/pagination.ts';
import { notificationPreferences, notifications } from './notifications.table.ts';

/** The inbox and the preferences belong to a person: an API token has neither. */
function inboxOwner(ctx: ServiceContext): string {
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden', 'Notifications belong to a signed-in person; an API token has no inbox.');
  return ctx.actor.userId;
}

function toDto(row: typeof notifications.$inferSelect): NotificationDto {
  return {
    id: row.id,
    event: row.event,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

function mine(ctx: ServiceContext, userId: string): SQL {
  return and(eq(notifications.workspaceId, ctx.workspaceId), eq(notifications.userId, userId)) as SQL;
}

async function countUnread(ctx: ServiceContext, userId: string): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(notifications).where(and(mine(ctx, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The signed-in person's notifications in this workspace, newest first, with how many are unread. */
export async function listInbox(
  ctx: ServiceContext,
  filter: { unreadOnly: boolean },
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<NotificationDto> & { unread: number }> {
  const userId = inboxOwner(ctx);
  const conditions = [mine(ctx, userId)];
  if (filter.unreadOnly) conditions.push(isNull(notifications.readAt));
  const after = decodeCursor(page.cursor);
  if (after) conditions.push(olderThan(notifications.createdAt, notifications.id, after));
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit + 1);
  const inbox = toPage(rows, page.limit, (row) => ({ at: row.createdAt, id: row.id }), toDto);
  return { ...inbox, unread: await countUnread(ctx, userId) };
}

/** Marks the person's own notifications read (some by id, or all); ids of anyone else's are ignored. */
export async function markRead(ctx: ServiceContext, which: { ids?: string[] | undefined; all?: true | undefined }): Promise<{ marked: number; unread: number }> {
  const userId = inboxOwner(ctx);
  const conditions = [mine(ctx, userId), isNull(notifications.readAt)];
  if (which.ids) conditions.push(inArray(notifications.id, which.ids));
  const marked = await ctx.db.update(notifications).set({ readAt: ctx.now }).where(and(...conditions)).returning({ id: notifications.id });
  return { marked: marked.length, unread: await countUnread(ctx, userId) };
}

/** Every event with its label and the channels that reach the person, the defaults where they chose nothing. */
export async function getPreferences(ctx: ServiceContext): Promise<PreferenceDto[]> {
  const userId = inboxOwner(ctx);
  const rows = await ctx.db
    .select({ event: notificationPreferences.event, channels: notificationPreferences.channels })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.workspaceId, ctx.workspaceId), eq(notificationPreferences.userId, userId)));
  const chosen = new Map(rows.map((row) => [row.event, row.channels]));
  return NOTIFICATION_EVENTS.map((event) => {
    const channels = chosen.get(event);
    return { event, label: EVENT_LABELS[event], channels: channels ?? DEFAULT_CHANNELS[event], isDefault: channels === undefined };
  });
}

/** Saves the person's channels for the events named; the others keep what they had. */
export async function setPreferences(ctx: ServiceContext, input: PreferencesUpdate): Promise<PreferenceDto[]> {
  const userId = inboxOwner(ctx);
  const byEvent = new Map(input.preferences.map((p) => [p.event, [...new Set(p.channels)]]));
  if (byEvent.size > 0) {
    const values = [...byEvent].map(([event, channels]) => ({ workspaceId: ctx.workspaceId, userId, event, channels }));
    await ctx.db
      .insert(notificationPreferences)
      .values(values)
      .onConflictDoUpdate({
        target: [notificationPreferences.workspaceId, notificationPreferences.userId, notificationPreferences.event],
        set: { channels: sql`excluded.channels` },
      });
  }
  return getPreferences(ctx);
}
