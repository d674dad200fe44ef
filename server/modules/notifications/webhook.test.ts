import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from './retry.ts';
import { sendWebhook, slackBody, verifyWebhookSignature } from './webhook.ts';

type Received = { path: string; headers: IncomingMessage['headers']; rawBody: string };
type Answer = (response: ServerResponse) => void;

const SECRET = 'whsec_test_0123456789';
let server: Server;
let baseUrl: string;
let received: Received[];
let answer: Answer;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push({ path: request.url ?? '', headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
    answer(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  answer = (response) => response.writeHead(204).end();
});

const answerWith = (status: number, headers: Record<string, string> = {}): Answer => (response) => response.writeHead(status, headers).end('{"ok":false}');

const send = (overrides: Partial<Parameters<typeof sendWebhook>[0]> = {}) =>
  sendWebhook({ url: `${baseUrl}/hooks/accord`, secret: SECRET, body: { text: 'hello' }, deliveryId: 'delivery-1', ...overrides });

const signedByHand = (timestamp: string, rawBody: string) => `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${rawBody}`).digest('hex')}`;

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('sendWebhook', () => {
  it('POSTs signed JSON that the receiver can verify', async () => {
    const body = { ...slackBody('Lead reached SQL', ['Ada Lovelace, Analytical Engines']), accord: { event: 'lead.stage_changed', leadId: 'lead-1' } };
    await send({ body, deliveryId: 'a1b2c3' });

    expect(received).toHaveLength(1);
    const [request] = received as [Received];
    expect(request.path).toBe('/hooks/accord');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-accord-delivery']).toBe('a1b2c3');
    const timestamp = String(request.headers['x-accord-timestamp']);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(request.headers['x-accord-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(request.headers['x-accord-signature']).toBe(signedByHand(timestamp, request.rawBody));
    expect(verifyWebhookSignature(SECRET, timestamp, request.rawBody, String(request.headers['x-accord-signature']))).toBe(true);
    expect(JSON.parse(request.rawBody)).toEqual({
      text: '*Lead reached SQL*\nAda Lovelace, Analytical Engines',
      accord: { event: 'lead.stage_changed', leadId: 'lead-1' },
    });
  });

  it('sends through the fetch it is given', async () => {
    const urls: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    await send({ fetchImpl: recordingFetch });
    expect(urls).toEqual([`${baseUrl}/hooks/accord`]);
    expect(received).toHaveLength(1);
  });

  it.each([500, 502, 503, 408, 429])('throws a retryable error on %i', async (status) => {
    answer = answerWith(status);
    const error = await failure(send());
    expect(error).toMatchObject({ permanent: false, status, message: `webhook answered ${status}` });
  });

  it.each([400, 401, 403, 404, 410, 413])('throws a permanent error on %i', async (status) => {
    answer = answerWith(status);
    const error = await failure(send());
    expect(error).toMatchObject({ permanent: true, status });
  });

  it('does not follow a redirect, and gives up on it', async () => {
    answer = (response) => {
      if (response.req.url === '/hooks/accord') return answerWith(302, { location: '/elsewhere' })(response);
      response.writeHead(204).end();
    };
    const error = await failure(send());
    expect(error).toMatchObject({ permanent: true, status: 302, message: 'webhook answered 302, a redirect, which is not followed' });
    expect(received.map((r) => r.path)).toEqual(['/hooks/accord']);
  });

  it('stops waiting for a receiver that does not answer, and may retry', async () => {
    answer = () => {};
    const started = performance.now();
    const error = await failure(send({ timeoutMs: 200 }));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ permanent: false, status: null, message: 'webhook could not be reached: no answer within 200 ms' });
  });

  it('may retry when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(send({ url: `http://127.0.0.1:${port}/` }));
    expect(error).toMatchObject({ permanent: false, status: null, message: 'webhook could not be reached: ECONNREFUSED' });
  });
});

describe('verifyWebhookSignature', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  const timestamp = String(now.getTime() / 1000);
  const rawBody = '{"text":"hello"}';

  async function signatureFor(body: object): Promise<{ timestamp: string; signature: string; rawBody: string }> {
    await send({ body });
    const [request] = received as [Received];
    return { timestamp: String(request.headers['x-accord-timestamp']), signature: String(request.headers['x-accord-signature']), rawBody: request.rawBody };
  }

  it('refuses a wrong secret, a changed body, a changed timestamp or a malformed signature', async () => {
    const signed = await signatureFor({ text: 'hello' });
    expect(verifyWebhookSignature(SECRET, signed.timestamp, signed.rawBody, signed.signature)).toBe(true);
    expect(verifyWebhookSignature('another secret', signed.timestamp, signed.rawBody, signed.signature)).toBe(false);
    expect(verifyWebhookSignature(SECRET, signed.timestamp, signed.rawBody.replace('hello', 'hellO'), signed.signature)).toBe(false);
    expect(verifyWebhookSignature(SECRET, String(Number(signed.timestamp) - 1), signed.rawBody, signed.signature)).toBe(false);
    expect(verifyWebhookSignature(SECRET, signed.timestamp, signed.rawBody, 'sha256=00')).toBe(false);
    expect(verifyWebhookSignature(SECRET, signed.timestamp, signed.rawBody, '')).toBe(false);
  });

  it('refuses a timestamp older or newer than the tolerance, against replays', async () => {
    const signed = await signatureFor({ text: 'hello' });
    const sentAt = new Date(Number(signed.timestamp) * 1000);
    const at = (seconds: number) => ({ now: new Date(sentAt.getTime() + seconds * 1000) });
    expect(verifyWebhookSignature(SECRET, signed.timestamp, signed.rawBody, signed.signature, at(300))).toBe(true);
    expect(verifyWebhookSignature(SECRET, signed.timestamp, signed.rawBody, signed.signature, at(301))).toBe(false);
    expect(verifyWebhookSignature(SECRET, signed.timestamp, signed.rawBody, signed.signature, at(-301))).toBe(false);
    expect(verifyWebhookSignature(SECRET, signed.timestamp, signed.rawBody, signed.signature, { ...at(3600), toleranceSeconds: 7200 })).toBe(true);
  });

  it('refuses a timestamp that is not whole seconds, even when signed', () => {
    expect(verifyWebhookSignature(SECRET, timestamp, rawBody, signedByHand(timestamp, rawBody), { now })).toBe(true);
    for (const odd of [`${timestamp}.5`, ` ${timestamp}`, '1e9', '']) {
      expect(verifyWebhookSignature(SECRET, odd, rawBody, signedByHand(odd, rawBody), { now })).toBe(false);
    }
  });
});

describe('slackBody', () => {
  it('puts the title in bold, one line each, and the link last', () => {
    expect(slackBody('New lead', ['Grace Hopper', 'Source: webinar'], 'https://accord.example.com/leads/1')).toEqual({
      text: '*New lead*\nGrace Hopper\nSource: webinar\n<https://accord.example.com/leads/1|Open in Accord>',
    });
  });

  it('escapes what a person typed, so it cannot mention a channel or forge a link', () => {
    expect(slackBody('Deal <!channel>', ['Tom & Jerry <https://evil.example|click>']).text).toBe(
      '*Deal &lt;!channel&gt;*\nTom &amp; Jerry &lt;https://evil.example|click&gt;',
    );
  });
});
