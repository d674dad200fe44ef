import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZPageQuery, zPage } from '../../../core/schemas/common.ts';
import {
  ZDelivery,
  ZInboxPage,
  ZInboxQuery,
  ZMarkRead,
  ZMarkReadResult,
  ZOutboxQuery,
  ZPreference,
  ZPreferencesUpdate,
  ZWebhook,
  ZWebhookCreate,
  ZWebhookCreated,
  ZWebhookTestResult,
} from '../../../core/schemas/notifications.ts';
import type { RouteDeps } from '../../http/routes.ts';
import { getPreferences, listInbox, markRead, setPreferences } from './notifications.service.ts';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, testWebhook, type WebhookPolicy } from './webhooks.service.ts';

const ZWorkspaceParams = z.object({ workspaceId: ZId });
const ZWebhookParams = ZWorkspaceParams.extend({ id: ZId });
const base = '/api/v1/workspaces/:workspaceId';

/** The person's inbox and preferences: every member has them. */
function registerInboxRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const ZPreferences = z.object({ items: z.array(ZPreference) });

  r.get(`${base}/notifications`, {
    schema: { tags, summary: 'My notifications, newest first, with the unread count (a signed-in person only)', params: ZWorkspaceParams, querystring: ZInboxQuery.extend(ZPageQuery.shape), response: { 200: ZInboxPage } },
    config: { access: 'workspace.read' },
  }, async (request) => {
    const { unread, limit, cursor } = request.query;
    return listInbox(request.ctx, { unreadOnly: unread === 'true' }, { limit, cursor });
  });

  r.post(`${base}/notifications/read`, {
    schema: { tags, summary: 'Mark my notifications read: some by id, or all', params: ZWorkspaceParams, body: ZMarkRead, response: { 200: ZMarkReadResult } },
    config: { access: 'workspace.read' },
  }, async (request) => markRead(request.ctx, request.body));

  r.get(`${base}/notification-preferences`, {
    schema: { tags, summary: 'Every event, and the channels through which it reaches me', params: ZWorkspaceParams, response: { 200: ZPreferences } },
    config: { access: 'workspace.read' },
  }, async (request) => ({ items: await getPreferences(request.ctx) }));

  r.put(`${base}/notification-preferences`, {
    schema: { tags, summary: 'Choose the channels of the events named (the others keep theirs)', params: ZWorkspaceParams, body: ZPreferencesUpdate, response: { 200: ZPreferences } },
    config: { access: 'workspace.read' },
  }, async (request) => ({ items: await setPreferences(request.ctx, request.body) }));
}

/** The workspace's webhooks and its delivery log. */
function registerWebhookRoutes(app: FastifyInstance, policy: WebhookPolicy): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];

  r.get(`${base}/webhooks`, {
    schema: { tags, summary: 'Webhooks of the workspace (secrets are never shown again)', params: ZWorkspaceParams, response: { 200: z.object({ items: z.array(ZWebhook) }) } },
    config: { access: 'notifications.manage' },
  }, async (request) => ({ items: await listWebhooks(request.ctx) }));

  r.post(`${base}/webhooks`, {
    schema: { tags, summary: 'Subscribe an endpoint to events; its signing secret is returned once', params: ZWorkspaceParams, body: ZWebhookCreate, response: { 201: ZWebhookCreated } },
    config: { access: 'notifications.manage' },
  }, async (request, reply) => reply.status(201).send(await createWebhook(request.ctx, request.body, policy)));

  r.delete(`${base}/webhooks/:id`, {
    schema: { tags, summary: 'Delete a webhook and its secret', params: ZWebhookParams },
    config: { access: 'notifications.manage' },
  }, async (request, reply) => {
    await deleteWebhook(request.ctx, request.params.id);
    return reply.status(204).send();
  });

  r.post(`${base}/webhooks/:id/test`, {
    schema: { tags, summary: 'Send a test message now and report what the endpoint answered', params: ZWebhookParams, response: { 200: ZWebhookTestResult } },
    config: { access: 'notifications.manage' },
  }, async (request) => testWebhook(request.ctx, request.params.id, policy));

  r.get(`${base}/outbox`, {
    schema: { tags, summary: 'Delivery log of e-mail and webhooks, newest first, with the last error', params: ZWorkspaceParams, querystring: ZOutboxQuery.extend(ZPageQuery.shape), response: { 200: zPage(ZDelivery) } },
    config: { access: 'notifications.manage' },
  }, async (request) => {
    const { status, limit, cursor } = request.query;
    return listDeliveries(request.ctx, { status }, { limit, cursor });
  });
}

export function registerNotificationRoutes(app: FastifyInstance, { config }: RouteDeps): void {
  registerInboxRoutes(app);
  registerWebhookRoutes(app, { allowPrivate: config.env !== 'production' });
}
