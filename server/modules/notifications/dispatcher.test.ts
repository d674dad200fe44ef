import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { NotificationMessage } from '../../../core/notifications/events.ts';
import { buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { startSmtpPeer, type SmtpPeer } from '../../testing/smtp-peer.ts';
import { dispatchDue, type DispatchDeps } from './dispatcher.ts';
import { createMailer, type Mailer } from './mail.ts';
import { outbox } from './notifications.table.ts';
import { notify } from './notify.ts';
import { MAX_ATTEMPTS, nextAttemptAt } from './retry.ts';
import { verifyWebhookSignature } from './webhook.ts';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

const MESSAGE: NotificationMessage = {
  event: 'mql_assigned',
  title: 'New MQL: Ada Lovelace',
  body: 'Ada Lovelace (Analytical Engines) is yours; the SLA starts now.',
  link: '/leads/4f1c2b3a-0000-4000-8000-000000000001',
  data: { leadId: '4f1c2b3a-0000-4000-8000-000000000001' },
};

type Received = { headers: IncomingMessage['headers']; rawBody: string };

/** A real HTTP endpoint that keeps what it receives and answers with `status`. */
async function startReceiver() {
  const received: Received[] = [];
  const state = { status: 200 };
  const server: Server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push({ headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
    response.writeHead(state.status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/accord`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { url, received, state, close };
}

describeOnEngines('outbox dispatcher', (h: Harness) => {
  let peer: SmtpPeer;
  let mailer: Mailer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    mailer = createMailer({ smtpUrl: peer.url, from: 'Accord <accord@example.com>' });
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await peer?.close();
    await receiver?.close();
  });

  beforeEach(async () => {
    peer.messages.length = 0;
    receiver.received.length = 0;
    receiver.state.status = 200;
    await h.db.delete(outbox);
  });

  const dispatch = (now: Date, overrides: Partial<DispatchDeps> = {}) =>
    dispatchDue(h.db, { mailer, now, allowPrivate: true, publicUrl: 'http://accord.test', ...overrides });

  const rowsOf = (workspaceId: string) => h.db.select().from(outbox).where(eq(outbox.workspaceId, workspaceId));

  /** A workspace whose admin gets the message by e-mail (the default for an MQL), queued at T0. */
  async function queueEmail() {
    const { workspace, admin } = await buildWorkspace(h.db);
    await notify(h.db, { workspaceId: workspace.id, now: T0, recipients: [admin.id], message: MESSAGE });
    const [row] = await rowsOf(workspace.id);
    return { workspace, admin, row: row! };
  }

  const reload = async (row: { workspaceId: string; id: string }) =>
    (await h.db.select().from(outbox).where(and(eq(outbox.workspaceId, row.workspaceId), eq(outbox.id, row.id))))[0]!;

  it('sends a due e-mail to the SMTP server once, with the row id as Message-ID', async () => {
    const { admin, row } = await queueEmail();
    expect(await dispatch(at(-1))).toEqual({ sent: 0, retried: 0, failed: 0 });

    expect(await dispatch(T0)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(peer.messages).toHaveLength(1);
    const [mail] = peer.messages;
    expect(mail).toMatchObject({ to: [admin.email], subject: MESSAGE.title, messageId: `<${row.id}@accord>` });
    expect(mail!.body).toContain(MESSAGE.body);
    expect(mail!.body).toContain(`http://accord.test${MESSAGE.link}`);
    expect(await reload(row)).toMatchObject({ status: 'sent', sentAt: T0, attempts: 1, lastError: null });

    expect(await dispatch(at(MINUTE))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await dispatch(at(60 * MINUTE))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(peer.messages).toHaveLength(1);
  });

  it('retries a 451 at the backoff time, then delivers the same message', async () => {
    const { row } = await queueEmail();
    peer.failNext(1, 451);
    expect(await dispatch(T0)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const retryAt = nextAttemptAt(1, T0, row.id)!;
    const waiting = await reload(row);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: retryAt, claimedUntil: null });
    expect(waiting.lastError).toContain('451');

    expect(await dispatch(new Date(retryAt.getTime() - 1))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await dispatch(retryAt)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(peer.messages.map((m) => m.messageId)).toEqual([`<${row.id}@accord>`]);
    expect(await reload(row)).toMatchObject({ status: 'sent', attempts: 2, sentAt: retryAt, lastError: null });
  });

  it('fails a message the server refuses for good (5xx), and one that used up its attempts', async () => {
    const refused = await queueEmail();
    peer.failNext(1, 550);
    expect(await dispatch(T0)).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = await reload(refused.row);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('550');
    expect(await dispatch(at(24 * 60 * MINUTE))).toEqual({ sent: 0, retried: 0, failed: 0 });

    const tired = await queueEmail();
    await h.db.update(outbox).set({ attempts: MAX_ATTEMPTS - 1 }).where(eq(outbox.id, tired.row.id));
    peer.failNext(1, 451);
    expect(await dispatch(T0)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await reload(tired.row)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(peer.messages).toHaveLength(0);
  });

  it('lets dispatchers running at once share the due rows: each message goes out once', async () => {
    const queued = await Promise.all([queueEmail(), queueEmail(), queueEmail(), queueEmail()]);
    const results = await Promise.all([dispatch(T0, { limit: 2 }), dispatch(T0, { limit: 2 }), dispatch(T0, { limit: 2 })]);
    expect(results.reduce((total, r) => total + r.sent, 0)).toBe(4);
    expect(peer.messages.map((m) => m.messageId).sort()).toEqual(queued.map(({ row }) => `<${row.id}@accord>`).sort());
  });

  it('sends again, with the same Message-ID, what a dispatcher claimed and sent before it died', async () => {
    const { row } = await queueEmail();
    // The dead dispatcher: it claimed the row, sent the mail, and died before recording the outcome.
    await h.db.update(outbox).set({ claimedUntil: at(2 * MINUTE) }).where(eq(outbox.id, row.id));
    await mailer.send({ to: row.recipient, subject: MESSAGE.title, text: MESSAGE.body, messageId: `<${row.id}@accord>` });

    expect(await dispatch(at(MINUTE))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await dispatch(at(3 * MINUTE))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(peer.messages.map((m) => m.messageId)).toEqual([`<${row.id}@accord>`, `<${row.id}@accord>`]);
    expect(await reload(row)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('posts a signed Slack-compatible message to a webhook, and re-checks its address before sending', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const cookie = await signIn(h, admin);
    const created = await h.request({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/webhooks`,
      cookie,
      body: { name: 'Sales channel', url: receiver.url, events: ['mql_assigned'] },
    });
    expect(created.statusCode).toBe(201);
    const { secret } = created.json();
    await notify(h.db, { workspaceId: workspace.id, now: T0, recipients: [], message: MESSAGE });
    const [row] = await rowsOf(workspace.id);
    expect(row).toMatchObject({ channel: 'webhook', recipient: created.json().webhook.id });

    expect(await dispatch(T0)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received as [Received];
    expect(request.headers['x-accord-delivery']).toBe(row!.id);
    const valid = verifyWebhookSignature(secret, String(request.headers['x-accord-timestamp']), request.rawBody, String(request.headers['x-accord-signature']));
    expect(valid).toBe(true);
    expect(verifyWebhookSignature('whsec_wrong', String(request.headers['x-accord-timestamp']), request.rawBody, String(request.headers['x-accord-signature']))).toBe(false);
    expect(JSON.parse(request.rawBody)).toEqual({
      text: `*${MESSAGE.title}*\n${MESSAGE.body}\n<http://accord.test${MESSAGE.link}|Open in Accord>`,
      accord: { event: 'mql_assigned', data: MESSAGE.data },
    });

    await notify(h.db, { workspaceId: workspace.id, now: at(MINUTE), recipients: [], message: MESSAGE });
    expect(await dispatch(at(MINUTE), { allowPrivate: false })).toEqual({ sent: 0, retried: 0, failed: 1 });
    const refused = (await rowsOf(workspace.id)).find((r) => r.status === 'failed');
    expect(refused?.lastError).toContain('private or loopback address (127.0.0.1)');
    expect(receiver.received).toHaveLength(1);
  });

  it('retries a webhook that answers 503, and fails deliveries to a deleted webhook', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    const cookie = await signIn(h, admin);
    const url = `/api/v1/workspaces/${workspace.id}/webhooks`;
    const hook = (await h.request({ method: 'POST', url, cookie, body: { name: 'Ops', url: receiver.url, events: ['mql_assigned'] } })).json().webhook;
    await notify(h.db, { workspaceId: workspace.id, now: T0, recipients: [], message: MESSAGE });
    receiver.state.status = 503;
    expect(await dispatch(T0)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [waiting] = await rowsOf(workspace.id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'webhook answered 503' });

    expect((await h.request({ method: 'DELETE', url: `${url}/${hook.id}`, cookie })).statusCode).toBe(204);
    expect(await dispatch(waiting!.nextAttemptAt)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await reload(waiting!)).toMatchObject({ status: 'failed', lastError: 'the webhook was deleted or deactivated' });
    expect(receiver.received).toHaveLength(1);
  });
});
