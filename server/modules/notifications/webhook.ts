import { createHmac, timingSafeEqual } from 'node:crypto';
import { DeliveryError } from './retry.ts';

const DEFAULT_TIMEOUT_MS = 10_000;

/** How old a signed timestamp a receiver accepts, against replays of a captured request. */
const DEFAULT_TOLERANCE_SECONDS = 300;

export type WebhookRequest = {
  url: string;
  secret: string;
  body: object;
  /** The same for every attempt of one delivery, so the receiver can drop a repeat. */
  deliveryId: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
};

/** A Slack-compatible message (`text` in Slack's mrkdwn); Accord adds its event data next to it. */
export type SlackBody = { text: string };

/**
 * POSTs `body` as signed JSON. Redirects are not followed (a public URL must not bounce the
 * request into the private network). Throws DeliveryError: permanent for 3xx and 4xx other
 * than 408/429, retryable for 408, 429, 5xx, timeouts and network failures.
 */
export async function sendWebhook(request: WebhookRequest): Promise<void> {
  const rawBody = JSON.stringify(request.body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await post(request, rawBody, {
    'content-type': 'application/json',
    'x-accord-delivery': request.deliveryId,
    'x-accord-timestamp': timestamp,
    'x-accord-signature': sign(request.secret, timestamp, rawBody),
  });
  await response.body?.cancel();
  if (!response.ok) {
    throw new DeliveryError(describeStatus(response.status), isPermanentStatus(response.status), response.status);
  }
}

async function post(request: WebhookRequest, rawBody: string, headers: Record<string, string>): Promise<Response> {
  const fetchImpl = request.fetchImpl ?? fetch;
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    return await fetchImpl(request.url, { method: 'POST', headers, body: rawBody, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : describeNetworkError(error);
    throw new DeliveryError(`webhook could not be reached: ${reason}`, false, null, { cause: error });
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
  return cause?.code ?? (error as Error).message;
}

function describeStatus(status: number): string {
  return status < 400 ? `webhook answered ${status}, a redirect, which is not followed` : `webhook answered ${status}`;
}

function isPermanentStatus(status: number): boolean {
  if (status === 408 || status === 429) return false;
  return status >= 300 && status < 500;
}

/** `sha256=` and the hex HMAC-SHA256 of `<timestamp>.<raw body>`. */
function sign(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/**
 * For receivers: true when `signature` (the x-accord-signature header) was made with `secret`
 * over this timestamp and raw body, and the timestamp is at most `toleranceSeconds` from `now`.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string,
  rawBody: string,
  signature: string,
  options: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  const seconds = Number(timestamp);
  const nowSeconds = (options.now ?? new Date()).getTime() / 1000;
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - seconds) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(sign(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A bold title, one line each, and an optional link; user text is escaped so it cannot @-mention a channel. */
export function slackBody(title: string, lines: string[], link?: string): SlackBody {
  const parts = [`*${escapeSlack(title)}*`, ...lines.map(escapeSlack)];
  if (link !== undefined) parts.push(`<${escapeSlack(link)}|Open in Accord>`);
  return { text: parts.join('\n') };
}

/** Slack's mrkdwn treats only these three as control characters. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
