import { useMutation, useQuery, type QueryKey } from '@tanstack/react-query';
import { api } from '../../api.ts';
import type { Items } from '../../types.ts';
import { useCurrentWorkspace } from './use-current-workspace.ts';
import { useRefreshWorkspace } from './use-workspaces.ts';

/** A list under `/workspaces/:id/{path}` of the current workspace, e.g. 'members'. */
export function useWorkspaceList<T>(key: (workspaceId: string) => QueryKey, path: string) {
  const { workspace } = useCurrentWorkspace();
  return useQuery({
    queryKey: key(workspace.id),
    queryFn: async () => (await api<Items<T>>(`/workspaces/${workspace.id}/${path}`)).items,
  });
}

/** A change to the current workspace; on success everything cached about the workspace is refreshed. */
export function useWorkspaceMutation<TVariables, TData = void>(
  request: (workspaceId: string, variables: TVariables) => Promise<TData>,
) {
  const { workspace } = useCurrentWorkspace();
  const refresh = useRefreshWorkspace(workspace.id);
  return useMutation({
    mutationFn: (variables: TVariables) => request(workspace.id, variables),
    onSuccess: () => {
      void refresh();
    },
  });
}
