import { api } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';
import type { AttributionReport, AttributionSettings, AttributionUnit, RevenueBridgeReport } from '../../types.ts';
import { useWorkspaceMutation, useWorkspaceQuery } from '../workspaces/use-workspace-api.ts';
import type { DayPeriod } from './attribution-settings.ts';

/** Every model's credit of the period's pipeline and revenue, to channels or campaigns. */
export function useAttribution(period: DayPeriod, by: AttributionUnit) {
  const query = { from: period.from, to: period.to, by };
  return useWorkspaceQuery<AttributionReport>((workspaceId) => queryKeys.attribution(workspaceId, query), 'attribution', { query, keepPrevious: true });
}

export function useAttributionSettings() {
  return useWorkspaceQuery<AttributionSettings>(queryKeys.attributionSettings, 'attribution/settings');
}

export function useSaveLookback() {
  return useWorkspaceMutation((workspaceId, lookbackDays: number) =>
    api<AttributionSettings>(`/workspaces/${workspaceId}/attribution/settings`, { method: 'PUT', body: { lookbackDays } }),
  );
}

/** The revenue bridge of a month or quarter against the period before or its target. */
export function useBridge(period: string, compare: RevenueBridgeReport['compare'], enabled = true) {
  const query = { period, compare };
  return useWorkspaceQuery<RevenueBridgeReport>((workspaceId) => queryKeys.bridge(workspaceId, query), 'bridge', { query, keepPrevious: true, enabled });
}
