import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';
import type { Workspace } from '../../types.ts';

export function useWorkspaceDetails(workspaceId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.workspace(workspaceId ?? ''),
    queryFn: () => api<Workspace>(`/workspaces/${workspaceId}`),
    enabled: Boolean(workspaceId),
  });
}

/** Refreshes everything cached about a workspace (lists, audit log) and who is signed in. */
export function useRefreshWorkspace(workspaceId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.workspace(workspaceId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.me }),
    ]);
  }, [queryClient, workspaceId]);
}

export type WorkspaceCreate = { name: string; slug: string; timeZone: string };

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: WorkspaceCreate) => api<Workspace>('/workspaces', { method: 'POST', body: values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}

export function useUpdateWorkspace(workspaceId: string) {
  const refresh = useRefreshWorkspace(workspaceId);
  return useMutation({
    mutationFn: (values: { name: string; timeZone: string }) =>
      api<Workspace>(`/workspaces/${workspaceId}`, { method: 'PATCH', body: values }),
    onSuccess: refresh,
  });
}
