import { and, asc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { NotificationMessage } from '../../../core/notifications/events.ts';
import type { Db } from '../../db/client.ts';
import { WebhookUrlError, assertPublicWebhookUrl } from './address-guard.ts';
import type { Mailer } from './mail.ts';
import { outbox, webhooks } from './notifications.table.ts';
import { DeliveryError, nextAttemptAt } from './retry.ts';
import { sendWebhook, slackBody } from './webhook.ts';

/** A claimed row is left alone by other dispatchers this long; a crashed sender's claim then expires. */
const CLAIM_MS = 2 * 60_000;
/** Rows sent per run; they are sent side by side, so a run stays well within its claim even when peers time out. */
const DEFAULT_LIMIT = 20;

export type DispatchDeps = {
  mailer: Mailer;
  now: Date;
  /** Development and tests: webhooks may reach private addresses (see address-guard.ts). */
  allowPrivate: boolean;
  /** Accord's own address, to turn a message's link into an absolute URL. */
  publicUrl: string;
  limit?: number;
};

export type DispatchResult = { sent: number; retried: number; failed: number };

type OutboxRow = typeof outbox.$inferSelect;
type Outcome = keyof DispatchResult;
type OutboxPayload = Pick<NotificationMessage, 'title' | 'body' | 'link' | 'data'>;

/**
 * Delivers the outbox rows that are due: e-mail through the mailer, webhooks as signed JSON.
 * Delivery is at least once, with a stable identity: a row is claimed for CLAIM_MS, and each
 * row's outcome is written on its own as soon as it is known. A dispatcher that dies after a
 * send and before writing its outcome leaves the claim to expire; the row is then sent again
 * with the same id, as Message-ID `<id@accord>` or header `x-accord-delivery`, so a receiver
 * that keeps the ids it has seen can drop the repeat.
 */
export async function dispatchDue(db: Db, deps: DispatchDeps): Promise<DispatchResult> {
  const claimedUntil = new Date(deps.now.getTime() + CLAIM_MS);
  const rows = await claimDue(db, deps.now, claimedUntil, deps.limit ?? DEFAULT_LIMIT);
  const outcomes = await Promise.all(rows.map((row) => deliverAndRecord(db, deps, row)));
  return {
    sent: outcomes.filter((o) => o === 'sent').length,
    retried: outcomes.filter((o) => o === 'retried').length,
    failed: outcomes.filter((o) => o === 'failed').length,
  };
}

/** Takes due rows that no live dispatcher holds; `skip locked` lets concurrent dispatchers (PostgreSQL) share the work. */
async function claimDue(db: Db, now: Date, claimedUntil: Date, limit: number): Promise<OutboxRow[]> {
  const due = db
    .select({ workspaceId: outbox.workspaceId, id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, now))))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ claimedUntil })
    .where(sql`(${outbox.workspaceId}, ${outbox.id}) in ${due}`)
    .returning();
}

async function deliverAndRecord(db: Db, deps: DispatchDeps, row: OutboxRow): Promise<Outcome> {
  try {
    await deliver(db, deps, row);
    await recordOutcome(db, row, { status: 'sent', sentAt: deps.now, attempts: row.attempts + 1, lastError: null });
    return 'sent';
  } catch (error) {
    return recordFailure(db, deps.now, row, asDeliveryError(error));
  }
}

async function recordFailure(db: Db, now: Date, row: OutboxRow, error: DeliveryError): Promise<Outcome> {
  const attempts = row.attempts + 1;
  const retryAt = error.permanent ? null : nextAttemptAt(attempts, now, row.id);
  if (retryAt === null) {
    await recordOutcome(db, row, { status: 'failed', attempts, lastError: error.message });
    return 'failed';
  }
  await recordOutcome(db, row, { attempts, nextAttemptAt: retryAt, claimedUntil: null, lastError: error.message });
  return 'retried';
}

/** Writes one row's outcome, only while this dispatcher's claim on it still stands. */
async function recordOutcome(db: Db, row: OutboxRow, change: Partial<OutboxRow>): Promise<void> {
  await db
    .update(outbox)
    .set(change)
    .where(and(eq(outbox.workspaceId, row.workspaceId), eq(outbox.id, row.id), eq(outbox.claimedUntil, row.claimedUntil!)));
}

function deliver(db: Db, deps: DispatchDeps, row: OutboxRow): Promise<void> {
  const payload = row.payload as OutboxPayload;
  const link = payload.link === null ? undefined : `${deps.publicUrl}${payload.link}`;
  if (row.channel === 'email') {
    const text = link === undefined ? payload.body : `${payload.body}\n\n${link}`;
    return deps.mailer.send({ to: row.recipient, subject: payload.title, text, messageId: `<${row.id}@accord>` });
  }
  return deliverToWebhook(db, deps.allowPrivate, row, { ...slackBody(payload.title, [payload.body], link), accord: { event: row.event, data: payload.data } });
}

async function deliverToWebhook(db: Db, allowPrivate: boolean, row: OutboxRow, body: object): Promise<void> {
  const [hook] = await db
    .select({ url: webhooks.url, secret: webhooks.secret, isActive: webhooks.isActive })
    .from(webhooks)
    .where(and(eq(webhooks.workspaceId, row.workspaceId), eq(webhooks.id, row.recipient)));
  if (!hook || !hook.isActive) throw new DeliveryError('the webhook was deleted or deactivated', true);
  await assertSendable(hook.url, allowPrivate);
  await sendWebhook({ url: hook.url, secret: hook.secret, body, deliveryId: row.id });
}

/**
 * Checks the webhook's address again right before sending: the name may resolve elsewhere
 * than when it was saved (DNS rebinding). A name that does not resolve now may resolve later.
 */
export async function assertSendable(url: string, allowPrivate: boolean): Promise<void> {
  try {
    await assertPublicWebhookUrl(url, { allowPrivate });
  } catch (error) {
    if (!(error instanceof WebhookUrlError)) throw error;
    throw new DeliveryError(error.message, error.problem !== 'unresolved', null, { cause: error });
  }
}

function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  return new DeliveryError(`delivery failed: ${(error as Error).message}`, false, null, { cause: error });
}
