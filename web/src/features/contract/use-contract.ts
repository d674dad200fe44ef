import { useMutation } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';
import type { BacktestReport, Campaign, ContractDiff, ContractVersion, Items, LeadScoreRecord, Page, SampleLead } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { useWorkspaceQuery } from '../workspaces/use-workspace-api.ts';
import { LEAD_CONTRACT } from './co-signed.ts';
import { useVersion, useVersions } from './use-co-signed.ts';

/** How many recent leads the editor's live preview scores. */
export const SAMPLE_SIZE = 100;

export function useContractVersions() {
  return useVersions(LEAD_CONTRACT);
}

export function useContractVersion(version: number | null, enabled = true) {
  return useVersion<ContractVersion>(LEAD_CONTRACT, version, enabled);
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

export type BacktestRequest = { version: number; from: string; to: string };

/** A backtest changes nothing, so unlike the other mutations it leaves the cached answers alone. */
export function useBacktest() {
  const { workspace } = useCurrentWorkspace();
  return useMutation({
    mutationFn: (body: BacktestRequest) => api<BacktestReport>(`/workspaces/${workspace.id}/lead-contract/backtest`, { method: 'POST', body }),
  });
}
