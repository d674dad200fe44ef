import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { NotificationMessage } from '../../../core/notifications/events.ts';
import { buildMember, buildUser, buildWorkspace } from '../../testing/factories.ts';
import { describeOnEngines } from '../../testing/harness.ts';
import { notificationPreferences, notifications, outbox, webhooks } from './notifications.table.ts';
import { notify } from './notify.ts';

const NOW = new Date('2026-03-02T09:00:00.000Z');

const MESSAGE: NotificationMessage = {
  event: 'sla_breach',
  title: 'SLA breached: Ada Lovelace',
  body: 'No first touch within 4 working hours.',
  link: '/leads/4f1c2b3a-0000-4000-8000-000000000002',
  data: { leadId: '4f1c2b3a-0000-4000-8000-000000000002' },
};

describeOnEngines('notify', (h) => {
  const inboxOf = (workspaceId: string) => h.db.select().from(notifications).where(eq(notifications.workspaceId, workspaceId));
  const outboxOf = (workspaceId: string) => h.db.select().from(outbox).where(eq(outbox.workspaceId, workspaceId));

  it('writes nothing when the transaction that notified rolls back', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const rolledBack = h.db.transaction(async (tx) => {
      await notify(tx, { workspaceId: workspace.id, now: NOW, recipients: [admin.id], message: MESSAGE });
      expect(await tx.select().from(notifications).where(eq(notifications.workspaceId, workspace.id))).toHaveLength(1);
      tx.rollback();
    });
    await expect(rolledBack).rejects.toThrow(/rollback/i);
    expect(await inboxOf(workspace.id)).toEqual([]);
    expect(await outboxOf(workspace.id)).toEqual([]);
  });

  it('writes the inbox row and the e-mail delivery with the change that caused them', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const outsider = await buildUser(h.db);
    await h.db.transaction((tx) => notify(tx, { workspaceId: workspace.id, now: NOW, recipients: [admin.id, admin.id, outsider.id], message: MESSAGE }));

    expect(await inboxOf(workspace.id)).toEqual([
      expect.objectContaining({ userId: admin.id, event: 'sla_breach', title: MESSAGE.title, body: MESSAGE.body, link: MESSAGE.link, createdAt: NOW, readAt: null }),
    ]);
    expect(await outboxOf(workspace.id)).toEqual([
      expect.objectContaining({
        channel: 'email',
        recipient: admin.email,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: NOW,
        payload: { title: MESSAGE.title, body: MESSAGE.body, link: MESSAGE.link, data: MESSAGE.data },
      }),
    ]);
  });

  it('follows each person’s channels, and adds a delivery per subscribed webhook', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const inboxOnly = await buildMember(h.db, workspace.id, 'sales_rep');
    const emailOnly = await buildMember(h.db, workspace.id, 'sales_manager');
    await h.db.insert(notificationPreferences).values([
      { workspaceId: workspace.id, userId: inboxOnly.id, event: 'sla_breach', channels: ['in_app'] },
      { workspaceId: workspace.id, userId: emailOnly.id, event: 'sla_breach', channels: ['email'] },
      { workspaceId: workspace.id, userId: admin.id, event: 'sla_breach', channels: [] },
    ]);
    const hook = (events: NotificationMessage['event'][]) => ({
      workspaceId: workspace.id, id: crypto.randomUUID(), name: events.join(), url: 'https://hooks.example.com/x', secret: 's', events, createdAt: NOW,
    });
    const subscribed = hook(['sla_breach', 'mql_assigned']);
    await h.db.insert(webhooks).values([subscribed, hook(['mql_assigned']), { ...hook(['sla_breach']), isActive: false }]);

    await notify(h.db, { workspaceId: workspace.id, now: NOW, recipients: [admin.id, inboxOnly.id, emailOnly.id], message: MESSAGE });

    expect((await inboxOf(workspace.id)).map((n) => n.userId)).toEqual([inboxOnly.id]);
    const deliveries = (await outboxOf(workspace.id)).map((d) => [d.channel, d.recipient]);
    expect(deliveries.sort()).toEqual([['email', emailOnly.email], ['webhook', subscribed.id]]);
  });
});
