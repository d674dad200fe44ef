import { queryKeys } from '../../query-keys.ts';
import type { Account, AccountDetail, Deal, DealDetail } from '../../types.ts';
import { useWorkspacePages, useWorkspaceQuery } from '../workspaces/use-workspace-api.ts';

export function useAccounts() {
  return useWorkspacePages<Account>((workspaceId) => queryKeys.records(workspaceId, 'accounts'), 'accounts');
}

export function useAccount(accountId: string) {
  return useWorkspaceQuery<AccountDetail>((workspaceId) => queryKeys.record(workspaceId, 'accounts', accountId), `accounts/${accountId}`);
}

export function useDeals() {
  return useWorkspacePages<Deal>((workspaceId) => queryKeys.records(workspaceId, 'deals'), 'deals');
}

export function useDeal(dealId: string) {
  return useWorkspaceQuery<DealDetail>((workspaceId) => queryKeys.record(workspaceId, 'deals', dealId), `deals/${dealId}`);
}
