import { api } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';
import type { RevenueTarget, Scorecard, TargetInput, TargetUpdate } from '../../types.ts';
import { useWorkspaceList, useWorkspaceMutation, useWorkspaceQuery } from '../workspaces/use-workspace-api.ts';

/** The shared revenue targets, latest period first. */
export function useTargets() {
  return useWorkspaceList<RevenueTarget>(queryKeys.targets, 'targets');
}

/** A month's or quarter's scorecard: its target, the reverse funnel at the trailing rates, the actuals so far. */
export function useScorecard(period: string) {
  return useWorkspaceQuery<Scorecard>((workspaceId) => queryKeys.scorecard(workspaceId, period), 'scorecard', { query: { period }, keepPrevious: true });
}

export function useCreateTarget() {
  return useWorkspaceMutation((workspaceId, body: TargetInput) => api<RevenueTarget>(`/workspaces/${workspaceId}/targets`, { method: 'POST', body }));
}

export function useUpdateTarget(id: string) {
  return useWorkspaceMutation((workspaceId, body: TargetUpdate) => api<RevenueTarget>(`/workspaces/${workspaceId}/targets/${id}`, { method: 'PUT', body }));
}
