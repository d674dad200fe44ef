import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';
import type { InboxPage } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';

/** How often the bell asks for new notifications. */
export const BELL_POLL_MS = 30_000;
const BELL_SIZE = 8;
const PAGE_SIZE = 25;

/** The latest notifications and the unread count, for the header bell; asked again every 30 seconds. */
export function useLatestNotifications() {
  const { workspace } = useCurrentWorkspace();
  return useQuery({
    queryKey: queryKeys.notificationsLatest(workspace.id),
    queryFn: () => api<InboxPage>(`/workspaces/${workspace.id}/notifications`, { query: { limit: BELL_SIZE } }),
    refetchInterval: BELL_POLL_MS,
  });
}

/** The inbox page: all or only unread notifications, newest first, 25 at a time. */
export function useInbox(unreadOnly: boolean) {
  const { workspace } = useCurrentWorkspace();
  return useInfiniteQuery({
    queryKey: queryKeys.notificationsInbox(workspace.id, { unreadOnly }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: InboxPage) => last.nextCursor,
    queryFn: ({ pageParam }) =>
      api<InboxPage>(`/workspaces/${workspace.id}/notifications`, {
        query: { unread: unreadOnly ? 'true' : null, limit: PAGE_SIZE, cursor: pageParam },
      }),
  });
}

export type MarkRead = { ids: string[] } | { all: true };

/** Marks some notifications (or all) read; only the notification lists are asked again, not the whole workspace. */
export function useMarkRead() {
  const { workspace } = useCurrentWorkspace();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkRead) =>
      api<{ marked: number; unread: number }>(`/workspaces/${workspace.id}/notifications/read`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications(workspace.id) }),
  });
}
