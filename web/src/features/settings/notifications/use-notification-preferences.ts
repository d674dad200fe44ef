import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonalChannel } from '../../../../../core/notifications/events.ts';
import { api } from '../../../api.ts';
import { queryKeys } from '../../../query-keys.ts';
import type { Items, NotificationPreference } from '../../../types.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { useWorkspaceList } from '../../workspaces/use-workspace-api.ts';

export type PreferenceChoice = { event: NotificationPreference['event']; channels: PersonalChannel[] };

/** Every event with the channels that reach the signed-in person (the defaults where they chose nothing). */
export function useNotificationPreferences() {
  return useWorkspaceList<NotificationPreference>(queryKeys.notificationPreferences, 'notification-preferences');
}

/** Saves every choice in one request; the answer (with the new defaults flags) replaces the cached list. */
export function useSaveNotificationPreferences() {
  const { workspace } = useCurrentWorkspace();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (preferences: PreferenceChoice[]) =>
      (await api<Items<NotificationPreference>>(`/workspaces/${workspace.id}/notification-preferences`, { method: 'PUT', body: { preferences } })).items,
    onSuccess: (items) => queryClient.setQueryData(queryKeys.notificationPreferences(workspace.id), items),
  });
}
