import { useMutation } from '@tanstack/react-query';
import type { NotificationEvent } from '../../../../../core/notifications/events.ts';
import type { OutboxStatus } from '../../../../../core/schemas/notifications.ts';
import { api } from '../../../api.ts';
import { queryKeys } from '../../../query-keys.ts';
import type { Delivery, Webhook, WebhookCreated, WebhookTestResult } from '../../../types.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { useWorkspaceList, useWorkspaceMutation, useWorkspacePages } from '../../workspaces/use-workspace-api.ts';

export type WebhookCreate = { name: string; url: string; events: NotificationEvent[] };

export function useWebhooks() {
  return useWorkspaceList<Webhook>(queryKeys.webhooks, 'webhooks');
}

export function useCreateWebhook() {
  return useWorkspaceMutation((workspaceId, body: WebhookCreate) =>
    api<WebhookCreated>(`/workspaces/${workspaceId}/webhooks`, { method: 'POST', body }),
  );
}

export function useDeleteWebhook() {
  return useWorkspaceMutation((workspaceId, webhookId: string) =>
    api<void>(`/workspaces/${workspaceId}/webhooks/${webhookId}`, { method: 'DELETE' }),
  );
}

/** Sends a test message now; changes nothing, so nothing cached is refreshed. */
export function useTestWebhook() {
  const { workspace } = useCurrentWorkspace();
  return useMutation({
    mutationFn: (webhookId: string) => api<WebhookTestResult>(`/workspaces/${workspace.id}/webhooks/${webhookId}/test`, { method: 'POST' }),
  });
}

/** The delivery log (e-mail and webhooks), newest first, optionally of one status. */
export function useDeliveries(status: OutboxStatus | null) {
  return useWorkspacePages<Delivery>((workspaceId) => queryKeys.outbox(workspaceId, { status }), 'outbox', { status });
}
