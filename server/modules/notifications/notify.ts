import { and, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_CHANNELS, type NotificationMessage, type PersonalChannel } from '../../../core/notifications/events.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../identity/identity.table.ts';
import { memberships, workspaces } from '../workspaces/workspaces.table.ts';
import { notificationPreferences, notifications, outbox, webhooks } from './notifications.table.ts';

export type Notice = { workspaceId: string; now: Date; recipients: readonly string[]; message: NotificationMessage };

/**
 * Tells people about an event, inside the caller's transaction (the outbox pattern): an inbox
 * row for those who chose the inbox, an outbox row per email and per subscribed webhook, all
 * committed, or not, with the change that caused them. Recipients who are not members of the
 * workspace are skipped.
 */
export async function notify(tx: Db, notice: Notice): Promise<void> {
  const { workspaceId, now, message } = notice;
  const recipients = [...new Set(notice.recipients)];
  const people = recipients.length === 0 ? [] : await tx
    .select({ id: users.id, email: users.email, channels: notificationPreferences.channels })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(notificationPreferences, and(
      eq(notificationPreferences.workspaceId, memberships.workspaceId),
      eq(notificationPreferences.userId, memberships.userId),
      eq(notificationPreferences.event, message.event),
    ))
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, recipients)));
  const wants = (channels: PersonalChannel[] | null, channel: PersonalChannel) => (channels ?? DEFAULT_CHANNELS[message.event]).includes(channel);
  const inbox = people.filter((p) => wants(p.channels, 'in_app'));
  if (inbox.length > 0) {
    await tx.insert(notifications).values(inbox.map((p) => ({
      workspaceId, id: crypto.randomUUID(), userId: p.id, event: message.event, title: message.title, body: message.body, link: message.link, createdAt: now,
    })));
  }
  const hooks = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.workspaceId, workspaceId), eq(webhooks.isActive, true), sql`${webhooks.events} ? ${message.event}`));
  const deliveries = [
    ...people.filter((p) => wants(p.channels, 'email')).map((p) => ({ channel: 'email' as const, recipient: p.email })),
    ...hooks.map((h) => ({ channel: 'webhook' as const, recipient: h.id })),
  ];
  if (deliveries.length > 0) {
    await tx.insert(outbox).values(deliveries.map((d) => ({
      workspaceId, id: crypto.randomUUID(), event: message.event, channel: d.channel, recipient: d.recipient,
      payload: { title: message.title, body: message.body, link: message.link, data: message.data }, nextAttemptAt: now, createdAt: now,
    })));
  }
}

/** The members of a workspace who hold one of the roles: managers to escalate to, signers to ask. */
export async function membersWithRoles(tx: Db, workspaceId: string, roles: readonly string[]): Promise<string[]> {
  const rows = await tx
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, roles as never[])));
  return rows.map((r) => r.id);
}

/**
 * A page of the workspace as notifications link to it: a path from the site's root
 * (`/w/demo/lead-contract/3`), which the bell opens and e-mail and webhooks put after the public URL.
 */
export async function workspaceLink(tx: Db, workspaceId: string, path: string): Promise<string> {
  const [row] = await tx.select({ slug: workspaces.slug }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return `/w/${row!.slug}/${path}`;
}
