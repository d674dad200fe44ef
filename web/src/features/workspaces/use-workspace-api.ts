import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, type QueryKey } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api.ts';
import type { Items, Page } from '../../types.ts';
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

type QueryOptions = {
  query?: QueryParams;
  enabled?: boolean;
  staleTime?: number;
  /** Keep showing the previous answer while a changed query loads (for reports with controls, not for record pages). */
  keepPrevious?: boolean;
};

/** One answer under `/workspaces/:id/{path}` of the current workspace, e.g. `leads/<id>`. */
export function useWorkspaceQuery<T>(key: (workspaceId: string) => QueryKey, path: string, { query, enabled = true, staleTime, keepPrevious = false }: QueryOptions = {}) {
  const { workspace } = useCurrentWorkspace();
  return useQuery({
    queryKey: key(workspace.id),
    queryFn: () => api<T>(`/workspaces/${workspace.id}/${path}`, { query }),
    enabled,
    staleTime,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
}

/**
 * A cursor-paged list under `/workspaces/:id/{path}`, one page of `pageSize` at a time ("Load more",
 * never everything). While other filters load, the previous rows stay on screen.
 */
export function useWorkspacePages<T>(key: (workspaceId: string) => QueryKey, path: string, query: QueryParams = {}, pageSize = 50) {
  const { workspace } = useCurrentWorkspace();
  return useInfiniteQuery({
    queryKey: key(workspace.id),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<T>) => last.nextCursor,
    queryFn: ({ pageParam }) =>
      api<Page<T>>(`/workspaces/${workspace.id}/${path}`, { query: { ...query, limit: pageSize, cursor: pageParam } }),
    placeholderData: keepPreviousData,
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
