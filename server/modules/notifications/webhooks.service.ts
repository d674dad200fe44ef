import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { actorUserId } from '../../../core/permissions.ts';
import type { DeliveryDto, OutboxStatus, WebhookCreate, WebhookDto, WebhookTestResult } from '../../../core/schemas/notifications.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { decodeCursor, olderThan, toPage, type Page } from '../../http/pagination.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { newSecret } from '../identity/secrets.ts';
import { WebhookUrlError, assertPublicWebhookUrl } from './address-guard.ts';
import { assertSendable } from './dispatcher.ts';
import { outbox, webhooks } from './notifications.table.ts';
import { DeliveryError } from './retry.ts';
import { sendWebhook, slackBody } from './webhook.ts';

const SECRET_PREFIX = 'whsec_';

/** Whether webhooks may reach private addresses: everywhere but production. */
export type WebhookPolicy = { allowPrivate: boolean };

function toDto(row: typeof webhooks.$inferSelect): WebhookDto {
  return { id: row.id, name: row.name, url: row.url, events: row.events, isActive: row.isActive, createdAt: row.createdAt.toISOString() };
}

function byId(ctx: ServiceContext, webhookId: string): SQL {
  return and(eq(webhooks.workspaceId, ctx.workspaceId), eq(webhooks.id, webhookId)) as SQL;
}

export async function listWebhooks(ctx: ServiceContext): Promise<WebhookDto[]> {
  const rows = await ctx.db.select().from(webhooks).where(eq(webhooks.workspaceId, ctx.workspaceId)).orderBy(webhooks.createdAt);
  return rows.map(toDto);
}

/** A refused address is a 400 on the `url` field. */
async function assertAcceptableUrl(url: string, policy: WebhookPolicy): Promise<void> {
  try {
    await assertPublicWebhookUrl(url, policy);
  } catch (error) {
    if (!(error instanceof WebhookUrlError)) throw error;
    throw new AppError('validation_failed', `url: ${error.message}`, [{ field: 'url', message: error.message }]);
  }
}

/** Subscribes an endpoint to events; the signing secret is returned this once (the receiver needs it to verify). */
export async function createWebhook(ctx: ServiceContext, input: WebhookCreate, policy: WebhookPolicy): Promise<{ webhook: WebhookDto; secret: string }> {
  await assertAcceptableUrl(input.url, policy);
  const secret = SECRET_PREFIX + newSecret();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhooks)
      .values({
        workspaceId: ctx.workspaceId,
        id: crypto.randomUUID(),
        name: input.name,
        url: input.url,
        secret,
        events: [...new Set(input.events)],
        createdBy: actorUserId(ctx.actor),
        createdAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'webhook.create', entityType: 'webhook', entityId: row!.id, after: row });
    return { webhook: toDto(row!), secret };
  });
}

/** Deletes the webhook and its secret; deliveries still pending for it fail. */
export async function deleteWebhook(ctx: ServiceContext, webhookId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.delete(webhooks).where(byId(ctx, webhookId)).returning();
    if (!before) throw notFound('Webhook');
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'webhook.delete', entityType: 'webhook', entityId: webhookId, before });
  });
}

/** Sends a test message now and reports what the endpoint answered. */
export async function testWebhook(ctx: ServiceContext, webhookId: string, policy: WebhookPolicy): Promise<WebhookTestResult> {
  const [hook] = await ctx.db.select().from(webhooks).where(byId(ctx, webhookId));
  if (!hook) throw notFound('Webhook');
  let status: number | null = null;
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    status = response.status;
    return response;
  };
  const body = { ...slackBody(`Test message from Accord: ${hook.name}`, ['This webhook is set up correctly.']), accord: { event: 'test', data: {} } };
  try {
    await assertSendable(hook.url, policy.allowPrivate);
    await sendWebhook({ url: hook.url, secret: hook.secret, body, deliveryId: crypto.randomUUID(), fetchImpl: recordingFetch });
    return { delivered: true, status, error: null };
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    return { delivered: false, status: error.status, error: error.message };
  }
}

function toDeliveryDto({ delivery: d, webhookName }: { delivery: typeof outbox.$inferSelect; webhookName: string | null }): DeliveryDto {
  return {
    id: d.id,
    event: d.event,
    channel: d.channel,
    recipient: d.recipient,
    webhookName,
    title: String(d.payload.title ?? ''),
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
  };
}

/** The workspace's deliveries, newest first: what went out, what waits for a retry, what failed and why. */
export async function listDeliveries(
  ctx: ServiceContext,
  filter: { status?: OutboxStatus | undefined },
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<DeliveryDto>> {
  const conditions: SQL[] = [eq(outbox.workspaceId, ctx.workspaceId)];
  if (filter.status) conditions.push(eq(outbox.status, filter.status));
  const after = decodeCursor(page.cursor);
  if (after) conditions.push(olderThan(outbox.createdAt, outbox.id, after));
  const rows = await ctx.db
    .select({ delivery: outbox, webhookName: webhooks.name })
    .from(outbox)
    .leftJoin(webhooks, and(eq(outbox.channel, 'webhook'), eq(webhooks.workspaceId, outbox.workspaceId), sql`${webhooks.id}::text = ${outbox.recipient}`))
    .where(and(...conditions))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, ({ delivery }) => ({ at: delivery.createdAt, id: delivery.id }), toDeliveryDto);
}
