import { queryKeys } from '../../query-keys.ts';
import type { FunnelGrouping, FunnelReport } from '../../types.ts';
import { useWorkspaceQuery } from '../workspaces/use-workspace-api.ts';
import type { Period } from './funnel-settings.ts';

export function useFunnel(by: FunnelGrouping, period: Period, windowDays: number) {
  const query = { by, from: period.from, to: period.to, windowDays };
  return useWorkspaceQuery<FunnelReport>((workspaceId) => queryKeys.funnel(workspaceId, query), 'funnel', { query, keepPrevious: true });
}
