import type { StockDecision } from '../../../../core/schemas/campaigns.ts';
import { api } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';
import type {
  AcknowledgeResult,
  Briefing,
  CalendarFeed,
  CampaignCalendar,
  CampaignForecast,
  CampaignPlan,
  CampaignPlanInput,
  CampaignSettings,
  Readiness,
  SpendLine,
  UpcomingCampaign,
} from '../../types.ts';
import { useWorkspaceMutation, useWorkspaceQuery } from '../workspaces/use-workspace-api.ts';

/** The calendar's query: the days shown (both included) and its filters. */
export type CalendarQuery = { from: string; to: string; channel?: string; sku?: string; team?: string };

export function useCalendar(query: CalendarQuery) {
  return useWorkspaceQuery<CampaignCalendar>((workspaceId) => queryKeys.calendar(workspaceId, query), 'calendar', { query, keepPrevious: true });
}

export function useCampaignPlan(id: string) {
  return useWorkspaceQuery<CampaignPlan>((workspaceId) => queryKeys.campaignPlan(workspaceId, id), `campaigns/${id}/plan`);
}

export function useReadiness(id: string, enabled = true) {
  return useWorkspaceQuery<Readiness>((workspaceId) => queryKeys.readiness(workspaceId, id), `campaigns/${id}/readiness`, { enabled });
}

export function useForecast(id: string, enabled = true) {
  return useWorkspaceQuery<CampaignForecast>((workspaceId) => queryKeys.forecast(workspaceId, id), `campaigns/${id}/forecast`, { enabled });
}

export function useBriefing(id: string) {
  return useWorkspaceQuery<Briefing>((workspaceId) => queryKeys.briefing(workspaceId, id), `campaigns/${id}/briefing`);
}

export function useUpcomingCampaigns(enabled = true) {
  return useWorkspaceQuery<{ today: string; items: UpcomingCampaign[] }>(queryKeys.upcomingCampaigns, 'campaigns/upcoming', { enabled });
}

export function useCreatePlan() {
  return useWorkspaceMutation((workspaceId, body: CampaignPlanInput) => api<CampaignPlan>(`/workspaces/${workspaceId}/campaign-plans`, { method: 'POST', body }));
}

export function useUpdatePlan(id: string) {
  return useWorkspaceMutation((workspaceId, body: CampaignPlanInput) => api<CampaignPlan>(`/workspaces/${workspaceId}/campaigns/${id}/plan`, { method: 'PUT', body }));
}

export function useSaveSpendLines(id: string) {
  return useWorkspaceMutation((workspaceId, lines: SpendLine[]) =>
    api<CampaignPlan>(`/workspaces/${workspaceId}/campaigns/${id}/spend-lines`, { method: 'PUT', body: { lines } }),
  );
}

export type StockDecisionInput = { sku: string; decision: StockDecision; reason?: string };

export function useConfirmStock(id: string) {
  return useWorkspaceMutation((workspaceId, items: StockDecisionInput[]) =>
    api<Readiness>(`/workspaces/${workspaceId}/campaigns/${id}/stock`, { method: 'POST', body: { items } }),
  );
}

export function useApproveOffer(id: string) {
  return useWorkspaceMutation((workspaceId, note: string | undefined) =>
    api<Readiness>(`/workspaces/${workspaceId}/campaigns/${id}/approvals`, { method: 'POST', body: note ? { note } : {} }),
  );
}

export function useScheduleLaunch(id: string) {
  return useWorkspaceMutation((workspaceId) => api<Readiness>(`/workspaces/${workspaceId}/campaigns/${id}/schedule`, { method: 'POST' }));
}

export function useOverrideLaunch(id: string) {
  return useWorkspaceMutation((workspaceId, reason: string) =>
    api<Readiness>(`/workspaces/${workspaceId}/campaigns/${id}/override`, { method: 'POST', body: { reason } }),
  );
}

export function useUnscheduleLaunch(id: string) {
  return useWorkspaceMutation((workspaceId) => api<Readiness>(`/workspaces/${workspaceId}/campaigns/${id}/unschedule`, { method: 'POST' }));
}

export function usePublishBriefing(id: string) {
  return useWorkspaceMutation((workspaceId) => api<Briefing>(`/workspaces/${workspaceId}/campaigns/${id}/briefing/publish`, { method: 'POST' }));
}

/** Acknowledges the latest briefing: as yourself, or (a sales manager) for a rep. */
export function useAcknowledgeBriefing(id: string) {
  return useWorkspaceMutation((workspaceId, userId: string | undefined) =>
    api<AcknowledgeResult>(`/workspaces/${workspaceId}/campaigns/${id}/briefing/acknowledgements`, { method: 'POST', body: userId ? { userId } : {} }),
  );
}

export function useCampaignSettings() {
  return useWorkspaceQuery<CampaignSettings>(queryKeys.campaignSettings, 'campaign-settings');
}

export function useSaveCampaignSettings() {
  return useWorkspaceMutation((workspaceId, body: { minNoticeDays: number; financeApprovalAbovePercent: number }) =>
    api<CampaignSettings>(`/workspaces/${workspaceId}/campaign-settings`, { method: 'PUT', body }),
  );
}

export function useCalendarFeed() {
  return useWorkspaceQuery<CalendarFeed>(queryKeys.calendarFeed, 'calendar/feed');
}

export function useRotateFeed() {
  return useWorkspaceMutation((workspaceId) => api<CalendarFeed>(`/workspaces/${workspaceId}/calendar/feed/rotate`, { method: 'POST' }));
}
