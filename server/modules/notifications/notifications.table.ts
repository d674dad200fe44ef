import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { NotificationChannel, NotificationEvent, PersonalChannel } from '../../../core/notifications/events.ts';
import type { OutboxStatus } from '../../../core/schemas/notifications.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

const ws = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });

/** The in-app inbox: one row per person and event. */
export const notifications = pgTable(
  'notifications',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    event: text('event').$type<NotificationEvent>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: at('created_at').notNull(),
    readAt: at('read_at'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('notifications_user_idx').on(t.workspaceId, t.userId, t.createdAt)],
);

/** Which events reach a person, and how; an event without a row uses the defaults. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    workspaceId: ws(),
    userId: uuid('user_id').notNull(),
    event: text('event').$type<NotificationEvent>().notNull(),
    channels: jsonb('channels').$type<PersonalChannel[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.event] })],
);

/** Chat or automation endpoints (Slack-compatible JSON, HMAC-signed) subscribed to events. */
export const webhooks = pgTable(
  'webhooks',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    events: jsonb('events').$type<NotificationEvent[]>().notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/**
 * The transactional outbox: a message to send is written in the same transaction as the change
 * that caused it, then delivered by the dispatcher, which claims rows for a while (`claimed_until`)
 * so that a crashed sender's rows are picked up again; the row id is the message's identity
 * (Message-ID, x-accord-delivery) so a receiver can drop the rare repeat after a crash mid-send.
 */
export const outbox = pgTable(
  'outbox',
  {
    workspaceId: ws(),
    id: uuid('id').notNull(),
    event: text('event').$type<NotificationEvent>().notNull(),
    channel: text('channel').$type<Exclude<NotificationChannel, 'in_app'>>().notNull(),
    recipient: text('recipient').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    claimedUntil: at('claimed_until'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    sentAt: at('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('outbox_workspace_idx').on(t.workspaceId, t.createdAt),
  ],
);
