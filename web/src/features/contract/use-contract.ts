import { useMutation } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';
import type {
  BacktestReport,
  Campaign,
  ContractComment,
  ContractContent,
  ContractDiff,
  ContractSaved,
  ContractSigned,
  ContractVersion,
  ContractVersionSummary,
  Items,
  LeadScoreRecord,
  Page,
  SampleLead,
} from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { useWorkspaceList, useWorkspaceMutation, useWorkspaceQuery } from '../workspaces/use-workspace-api.ts';

/** How many recent leads the editor's live preview scores. */
export const SAMPLE_SIZE = 100;

export function useContractVersions() {
  return useWorkspaceList<ContractVersionSummary>(queryKeys.contractVersions, 'lead-contract');
}

export function useContractVersion(version: number | null, enabled = true) {
  return useWorkspaceQuery<ContractVersion>((workspaceId) => queryKeys.contractVersion(workspaceId, version ?? 0), `lead-contract/versions/${version}`, {
    enabled: enabled && version !== null,
  });
}

/** What changed from one version to another, the service levels included. */
export function useContractDiff(from: number | null, to: number) {
  return useWorkspaceQuery<ContractDiff>((workspaceId) => queryKeys.contractDiff(workspaceId, from ?? 0, to), 'lead-contract/diff', {
    query: { from, to },
    enabled: from !== null && from !== to,
  });
}

/** Recent leads with their touchpoints, scored in the browser while a version is edited. */
export function useContractSample(enabled: boolean) {
  return useWorkspaceQuery<Items<SampleLead>>((workspaceId) => queryKeys.contractSample(workspaceId), 'lead-contract/sample', {
    query: { size: SAMPLE_SIZE },
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The campaigns, so engagement rules can name them instead of showing their ids. */
export function useCampaigns(enabled: boolean) {
  return useWorkspaceQuery<Page<Campaign>>((workspaceId) => queryKeys.campaigns(workspaceId), 'campaigns', {
    query: { limit: 200 },
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useLeadScore(leadId: string) {
  return useWorkspaceQuery<LeadScoreRecord>((workspaceId) => queryKeys.leadScore(workspaceId, leadId), `leads/${leadId}/score`);
}

export function useCreateDraft() {
  return useWorkspaceMutation((workspaceId, body: { basedOn?: number; name?: string }) =>
    api<ContractVersionSummary>(`/workspaces/${workspaceId}/lead-contract/versions`, { method: 'POST', body }),
  );
}

export function useSaveVersion(version: number) {
  return useWorkspaceMutation((workspaceId, body: ContractContent) =>
    api<ContractSaved>(`/workspaces/${workspaceId}/lead-contract/versions/${version}`, { method: 'PUT', body }),
  );
}

export function useProposeVersion(version: number) {
  return useWorkspaceMutation((workspaceId, _: void) =>
    api<ContractVersionSummary>(`/workspaces/${workspaceId}/lead-contract/versions/${version}/propose`, { method: 'POST' }),
  );
}

export function useSignVersion(version: number) {
  return useWorkspaceMutation((workspaceId, _: void) =>
    api<ContractSigned>(`/workspaces/${workspaceId}/lead-contract/versions/${version}/sign`, { method: 'POST' }),
  );
}

export function useAddComment(version: number) {
  return useWorkspaceMutation((workspaceId, body: { body: string }) =>
    api<ContractComment>(`/workspaces/${workspaceId}/lead-contract/versions/${version}/comments`, { method: 'POST', body }),
  );
}

export type BacktestRequest = { version: number; from: string; to: string };

/** A backtest changes nothing, so unlike the other mutations it leaves the cached answers alone. */
export function useBacktest() {
  const { workspace } = useCurrentWorkspace();
  return useMutation({
    mutationFn: (body: BacktestRequest) => api<BacktestReport>(`/workspaces/${workspace.id}/lead-contract/backtest`, { method: 'POST', body }),
  });
}
