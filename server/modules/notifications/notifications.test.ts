import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NOTIFICATION_EVENTS, type NotificationMessage } from '../../../core/notifications/events.ts';
import { buildMember, buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { dispatchDue } from './dispatcher.ts';
import { createMailer } from './mail.ts';
import { notify } from './notify.ts';

const message = (title: string): NotificationMessage => ({ event: 'mql_assigned', title, body: `${title}, body`, link: null, data: {} });

async function workspaceWithRep(h: Harness) {
  const { workspace, admin } = await buildWorkspace(h.db);
  const rep = await buildMember(h.db, workspace.id, 'sales_rep');
  const as = async (user: { email: string; password: string }) => {
    const cookie = await signIn(h, user);
    return (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) =>
      h.request({ method, url: `/api/v1/workspaces/${workspace.id}/${path}`, cookie, body });
  };
  return { workspace, admin, rep, asAdmin: await as(admin), asRep: await as(rep) };
}

describeOnEngines('notification inbox and preferences', (h) => {
  it('shows a person only their own notifications, newest first, and marks only theirs read', async () => {
    const { workspace, admin, rep, asAdmin, asRep } = await workspaceWithRep(h);
    for (const [minute, title] of ['first', 'second', 'third'].entries()) {
      const now = new Date(Date.UTC(2026, 2, 2, 9, minute));
      await notify(h.db, { workspaceId: workspace.id, now, recipients: [rep.id], message: message(`Rep ${title}`) });
      await notify(h.db, { workspaceId: workspace.id, now, recipients: [admin.id], message: message(`Admin ${title}`) });
    }

    const page1 = (await asRep('GET', 'notifications?limit=2')).json();
    expect(page1.items.map((n: { title: string }) => n.title)).toEqual(['Rep third', 'Rep second']);
    expect(page1.unread).toBe(3);
    const page2 = (await asRep('GET', `notifications?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2).toMatchObject({ items: [{ title: 'Rep first', readAt: null }], nextCursor: null, unread: 3 });

    const adminNotice = (await asAdmin('GET', 'notifications')).json().items[0];
    const read = await asRep('POST', 'notifications/read', { ids: [page1.items[0].id, adminNotice.id] });
    expect(read.json()).toEqual({ marked: 1, unread: 2 });
    expect((await asAdmin('GET', 'notifications')).json().unread).toBe(3);
    const unread = (await asRep('GET', 'notifications?unread=true')).json();
    expect(unread.items.map((n: { title: string }) => n.title)).toEqual(['Rep second', 'Rep first']);

    expect((await asRep('POST', 'notifications/read', { all: true })).json()).toEqual({ marked: 2, unread: 0 });
    expect((await asRep('GET', 'notifications?unread=true')).json()).toMatchObject({ items: [], unread: 0 });
    expect((await asAdmin('GET', 'notifications')).json().unread).toBe(3);
  });

  it('refuses an API token (it has no inbox) and a body that names nothing to mark', async () => {
    const { workspace, asAdmin } = await workspaceWithRep(h);
    const token = (await asAdmin('POST', 'tokens', { name: 'bot', permissions: ['workspace.read'] })).json().secret;
    for (const [method, path] of [['GET', 'notifications'], ['POST', 'notifications/read'], ['GET', 'notification-preferences']] as const) {
      const asToken = await h.request({ method, url: `/api/v1/workspaces/${workspace.id}/${path}`, token, body: method === 'POST' ? { all: true } : undefined });
      expect(asToken.statusCode, path).toBe(403);
      expect(asToken.json().error.message).toContain('an API token has no inbox');
    }

    const neither = await asAdmin('POST', 'notifications/read', {});
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.details).toEqual([{ field: 'ids', message: 'give either ids or all: true' }]);
  });

  it('round-trips preferences, with the defaults filled in, and names a bad field', async () => {
    const { asRep } = await workspaceWithRep(h);
    const defaults = (await asRep('GET', 'notification-preferences')).json().items;
    expect(defaults).toContainEqual({ event: 'mql_assigned', label: 'An MQL is assigned to me', channels: ['in_app', 'email'], isDefault: true });
    expect(defaults).toHaveLength(NOTIFICATION_EVENTS.length);

    const saved = await asRep('PUT', 'notification-preferences', { preferences: [{ event: 'mql_assigned', channels: ['email', 'email'] }, { event: 'lead_rejected', channels: [] }] });
    expect(saved.statusCode).toBe(200);
    const items = (await asRep('GET', 'notification-preferences')).json().items;
    expect(items).toContainEqual({ event: 'mql_assigned', label: 'An MQL is assigned to me', channels: ['email'], isDefault: false });
    expect(items).toContainEqual(expect.objectContaining({ event: 'lead_rejected', channels: [], isDefault: false }));
    expect(items).toContainEqual(expect.objectContaining({ event: 'sla_breach', channels: ['in_app', 'email'], isDefault: true }));

    const badChannel = await asRep('PUT', 'notification-preferences', { preferences: [{ event: 'sla_breach', channels: ['in_app', 'sms'] }] });
    expect(badChannel.statusCode).toBe(400);
    expect(badChannel.json().error.details).toEqual([{ field: 'preferences.0.channels.1', message: 'must be one of: in_app, email' }]);
    const badEvent = await asRep('PUT', 'notification-preferences', { preferences: [{ event: 'lunch', channels: [] }] });
    expect(badEvent.statusCode).toBe(400);
    expect(badEvent.json().error.details[0].field).toBe('preferences.0.event');
    expect((await asRep('GET', 'notification-preferences')).json().items).toEqual(items);
  });
});

describeOnEngines('webhooks and the delivery log', (h) => {
  let server: Server;
  let hookUrl: string;
  let answer = 200;

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(answer).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it('returns the secret once, never lists it, audits creation and deletion, and keeps the webhooks to those who manage them', async () => {
    const { asAdmin, asRep } = await workspaceWithRep(h);
    const created = await asAdmin('POST', 'webhooks', { name: 'Sales channel', url: hookUrl, events: ['mql_assigned', 'sla_breach'] });
    expect(created.statusCode).toBe(201);
    const { webhook, secret } = created.json();
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({ name: 'Sales channel', url: hookUrl, events: ['mql_assigned', 'sla_breach'], isActive: true });

    const listed = await asAdmin('GET', 'webhooks');
    expect(listed.json().items).toEqual([webhook]);
    expect(listed.body).not.toContain(secret);
    expect((await asRep('GET', 'webhooks')).statusCode).toBe(403);
    expect((await asRep('POST', 'webhooks', { name: 'x', url: hookUrl, events: ['sla_breach'] })).statusCode).toBe(403);

    expect((await asAdmin('DELETE', `webhooks/${webhook.id}`)).statusCode).toBe(204);
    expect((await asAdmin('DELETE', `webhooks/${webhook.id}`)).statusCode).toBe(404);
    expect((await asAdmin('GET', 'webhooks')).json().items).toEqual([]);
    const audit = await asAdmin('GET', 'audit?entityType=webhook');
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['webhook.delete', 'webhook.create']);
    expect(audit.body).not.toContain(secret);
  });

  it('sends a test message and reports the answer', async () => {
    const { asAdmin } = await workspaceWithRep(h);
    const { webhook } = (await asAdmin('POST', 'webhooks', { name: 'Ops', url: hookUrl, events: ['sla_breach'] })).json();
    answer = 200;
    expect((await asAdmin('POST', `webhooks/${webhook.id}/test`)).json()).toEqual({ delivered: true, status: 200, error: null });
    answer = 410;
    expect((await asAdmin('POST', `webhooks/${webhook.id}/test`)).json()).toEqual({ delivered: false, status: 410, error: 'webhook answered 410' });
    expect((await asAdmin('POST', `webhooks/${crypto.randomUUID()}/test`)).statusCode).toBe(404);
  });

  it('lists deliveries with their status and last error, filtered and paginated, without secrets', async () => {
    const { workspace, admin, asAdmin } = await workspaceWithRep(h);
    const { secret } = (await asAdmin('POST', 'webhooks', { name: 'Ops', url: hookUrl, events: ['mql_assigned'] })).json();
    const now = new Date('2026-03-02T09:00:00.000Z');
    await notify(h.db, { workspaceId: workspace.id, now, recipients: [admin.id], message: message('Handover') });
    answer = 200;
    const unconfigured = createMailer({ smtpUrl: null, from: 'Accord <accord@example.com>' });
    await dispatchDue(h.db, { mailer: unconfigured, now, allowPrivate: true, publicUrl: 'http://accord.test', limit: 200 });

    const all = await asAdmin('GET', 'outbox?limit=1');
    expect(all.json().items).toHaveLength(1);
    const rest = (await asAdmin('GET', `outbox?cursor=${all.json().nextCursor}`)).json();
    expect(rest.nextCursor).toBeNull();
    expect([...all.json().items, ...rest.items].map((d: { channel: string }) => d.channel).sort()).toEqual(['email', 'webhook']);

    const failed = (await asAdmin('GET', 'outbox?status=failed')).json().items;
    expect(failed).toEqual([expect.objectContaining({ channel: 'email', recipient: admin.email, title: 'Handover', attempts: 1, lastError: 'mail is not configured (set SMTP_URL)' })]);
    const sent = (await asAdmin('GET', 'outbox?status=sent')).json();
    expect(sent.items).toEqual([expect.objectContaining({ channel: 'webhook', webhookName: 'Ops', lastError: null, sentAt: now.toISOString() })]);
    expect(JSON.stringify([all.json(), rest, sent])).not.toContain(secret);
    expect((await asAdmin('GET', 'outbox?status=lost')).json().error.details[0].field).toBe('status');
  });
});

for (const env of ['production', 'development'] as const) {
  describeOnEngines(`webhook addresses in ${env}`, (h) => {
    it(env === 'production' ? 'refuses private and loopback addresses, naming url' : 'accepts private addresses', async () => {
      const { workspace, admin } = await buildWorkspace(h.db);
      const cookie = await signIn(h, admin);
      const create = (url: string) =>
        h.request({ method: 'POST', url: `/api/v1/workspaces/${workspace.id}/webhooks`, cookie, body: { name: 'Internal', url, events: ['sla_breach'] } });
      for (const url of ['http://127.0.0.1:8080/hook', 'http://10.0.0.5/hook', 'http://localhost/hook']) {
        const response = await create(url);
        if (env === 'development') {
          expect(response.statusCode, url).toBe(201);
          continue;
        }
        expect(response.statusCode, url).toBe(400);
        expect(response.json().error.details).toEqual([{ field: 'url', message: expect.stringMatching(/must not point to (localhost|a private or loopback address)/) }]);
      }
      const notHttp = await create('ftp://files.example.com/hook');
      expect(notHttp.statusCode).toBe(400);
      expect(notHttp.json().error.details[0].field).toBe('url');
    });
  }, { ACCORD_ENV: env });
}
