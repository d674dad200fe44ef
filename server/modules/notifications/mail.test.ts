import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from '../../testing/smtp-peer.ts';
import { createMailer, type MailMessage } from './mail.ts';
import { DeliveryError } from './retry.ts';

const FROM = 'Accord <accord@example.com>';

const message = (overrides: Partial<MailMessage> = {}): MailMessage => ({
  to: 'ada@example.com',
  subject: 'Lead reached SQL',
  text: 'Ada Lovelace moved to SQL.',
  messageId: '<0b6f1c1e-8d1a-4f43-9f0e-3f2c5b1a7d10@accord>',
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

async function listenOnFreePort(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('createMailer', () => {
  let peer: SmtpPeer;

  beforeAll(async () => {
    peer = await startSmtpPeer();
  });

  afterAll(async () => {
    await peer.close();
  });

  beforeEach(() => {
    peer.messages.length = 0;
  });

  it('delivers through SMTP with the stable message id, signed in with the URL credentials', async () => {
    const url = peer.url.replace('smtp://', 'smtp://accord:s3cret@');
    await createMailer({ smtpUrl: url, from: FROM }).send(message());

    expect(peer.messages).toEqual([
      expect.objectContaining({
        from: 'accord@example.com',
        to: ['ada@example.com'],
        user: 'accord',
        subject: 'Lead reached SQL',
        messageId: '<0b6f1c1e-8d1a-4f43-9f0e-3f2c5b1a7d10@accord>',
      }),
    ]);
    expect(peer.messages[0]!.body).toContain('Ada Lovelace moved to SQL.');
  });

  it('sends the HTML part next to the text', async () => {
    await createMailer({ smtpUrl: peer.url, from: FROM }).send(message({ html: '<p>Ada Lovelace moved to <b>SQL</b>.</p>' }));
    const [received] = peer.messages;
    expect(received!.user).toBeNull();
    expect(received!.body).toContain('Content-Type: text/plain');
    expect(received!.body).toContain('Content-Type: text/html');
    expect(received!.body).toContain('<b>SQL</b>');
  });

  it('rejects with a retryable error when the server says try again later (451), and the resend gets through', async () => {
    const mailer = createMailer({ smtpUrl: peer.url, from: FROM });
    peer.failNext(1);
    const error = await failure(mailer.send(message()));
    expect(error).toMatchObject({ permanent: false, status: 451 });
    expect(error.message).toMatch(/^mail could not be sent: .*451/);
    expect(peer.messages).toHaveLength(0);

    await mailer.send(message());
    expect(peer.messages.map((m) => m.messageId)).toEqual(['<0b6f1c1e-8d1a-4f43-9f0e-3f2c5b1a7d10@accord>']);
  });

  it('rejects with a permanent error when the server refuses for good (5xx)', async () => {
    peer.failNext(1, 550);
    const error = await failure(createMailer({ smtpUrl: peer.url, from: FROM }).send(message()));
    expect(error).toMatchObject({ permanent: true, status: 550 });
  });

  it('rejects quickly, as retryable, when nothing listens on the port', async () => {
    const closed = createServer();
    const port = await listenOnFreePort(closed);
    await new Promise((resolve) => closed.close(resolve));

    const started = performance.now();
    const error = await failure(createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM }).send(message()));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ permanent: false, status: null });
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('gives up on a peer that accepts the connection but never greets', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    const port = await listenOnFreePort(silent);
    try {
      const started = performance.now();
      const error = await failure(createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, timeoutMs: 300 }).send(message()));
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(error).toMatchObject({ permanent: false, status: null });
      expect(error.message).toMatch(/greeting|timeout/i); // nodemailer names one or the other, depending on which timer fires first
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('says how to configure mail when SMTP_URL is not set', async () => {
    const error = await failure(createMailer({ smtpUrl: null, from: FROM }).send(message()));
    expect(error).toMatchObject({ message: 'mail is not configured (set SMTP_URL)', permanent: true });
  });
});
