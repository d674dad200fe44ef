import { api } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';
import type { CreditDispute, DisputeInput, DisputeResolution, Items } from '../../types.ts';
import type { DisputeQuery } from '../../../../core/schemas/attribution.ts';
import { useWorkspaceMutation, useWorkspaceQuery } from '../workspaces/use-workspace-api.ts';

export type DisputeFilter = Partial<Pick<DisputeQuery, 'status' | 'dealId'>>;

/** Credit disputes, newest first (at most 500), of one status (or resolved) or deal when asked. */
export function useDisputes(filter: DisputeFilter) {
  return useWorkspaceQuery<Items<CreditDispute>>((workspaceId) => queryKeys.disputes(workspaceId, filter), 'credit/disputes', {
    query: { ...filter, limit: 500 },
    keepPrevious: true,
  });
}

export function useDispute(id: string) {
  return useWorkspaceQuery<CreditDispute>((workspaceId) => queryKeys.dispute(workspaceId, id), `credit/disputes/${id}`);
}

export function useOpenDispute() {
  return useWorkspaceMutation((workspaceId, body: DisputeInput) => api<CreditDispute>(`/workspaces/${workspaceId}/credit/disputes`, { method: 'POST', body }));
}

export function useResolveDispute(id: string) {
  return useWorkspaceMutation((workspaceId, body: DisputeResolution) =>
    api<CreditDispute>(`/workspaces/${workspaceId}/credit/disputes/${id}/resolve`, { method: 'POST', body }),
  );
}
