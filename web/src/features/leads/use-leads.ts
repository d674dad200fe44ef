import type { LeadStage } from '../../../../core/funnel/stages.ts';
import { api } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';
import type { FunnelReport, LeadDetail, LeadListItem, SavedView } from '../../types.ts';
import { EVER } from '../funnel/funnel-settings.ts';
import { useWorkspaceList, useWorkspaceMutation, useWorkspacePages, useWorkspaceQuery } from '../workspaces/use-workspace-api.ts';
import type { LeadFilterValues } from './lead-filter.ts';

export function useLeads(filter: LeadFilterValues) {
  return useWorkspacePages<LeadListItem>((workspaceId) => queryKeys.leads(workspaceId, filter), 'leads', filter);
}

export function useLead(leadId: string) {
  return useWorkspaceQuery<LeadDetail>((workspaceId) => queryKeys.lead(workspaceId, leadId), `leads/${leadId}`);
}

export function useMoveLeadStage(leadId: string) {
  return useWorkspaceMutation((workspaceId, body: { stage: LeadStage; reason: string }) =>
    api<unknown>(`/workspaces/${workspaceId}/leads/${leadId}/stage`, { method: 'POST', body }),
  );
}

export function useSavedViews() {
  return useWorkspaceList<SavedView>(queryKeys.savedViews, 'saved-views');
}

export function useSaveView() {
  return useWorkspaceMutation((workspaceId, body: { name: string; filter: LeadFilterValues }) =>
    api<SavedView>(`/workspaces/${workspaceId}/saved-views`, { method: 'POST', body }),
  );
}

export function useDeleteView() {
  return useWorkspaceMutation((workspaceId, viewId: string) =>
    api<void>(`/workspaces/${workspaceId}/saved-views/${viewId}`, { method: 'DELETE' }),
  );
}

/**
 * The sources or channels that leads have, for the filter lists. The API has no list of these
 * values, so they are read from the all-time funnel report's groups, only once a list is opened.
 */
export function useGroupValues(by: 'source' | 'channel', enabled: boolean): string[] {
  const query = { by, from: EVER, windowDays: 1 };
  const report = useWorkspaceQuery<FunnelReport>((workspaceId) => queryKeys.funnel(workspaceId, query), 'funnel', {
    query,
    enabled,
    staleTime: 5 * 60_000,
  });
  return (report.data?.groups ?? []).flatMap((group) => (group.group === null ? [] : [group.group]));
}
