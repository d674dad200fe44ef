import { useEffect, useState } from 'react';
import type { RejectionReason } from '../../../../core/schemas/sla.ts';
import { api } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';
import type { Handover, HandoverDetail, Rep, RoutingRules, SalesSettings, SlaLedger, WorkingCalendar } from '../../types.ts';
import { useWorkspaceList, useWorkspaceMutation, useWorkspacePages, useWorkspaceQuery } from '../workspaces/use-workspace-api.ts';

/** Whose MQLs the inbox shows: the signed-in person's, one rep's (a user id), or everyone's. */
export type OwnerFilter = 'me' | 'all' | (string & {});

export function useHandovers(owner: OwnerFilter) {
  const query = { owner: owner === 'all' ? undefined : owner, open: 'true' };
  return useWorkspacePages<Handover>((workspaceId) => queryKeys.handovers(workspaceId, query), 'handovers', query, 25);
}

export function useLeadHandover(leadId: string) {
  return useWorkspaceQuery<HandoverDetail>((workspaceId) => queryKeys.leadHandover(workspaceId, leadId), `leads/${leadId}/handover`);
}

export type RejectInput = { reason: RejectionReason; note?: string };

export function useAcceptMql() {
  return useWorkspaceMutation((workspaceId, leadId: string) => api<HandoverDetail>(`/workspaces/${workspaceId}/leads/${leadId}/accept`, { method: 'POST' }));
}

export function useRejectMql() {
  return useWorkspaceMutation((workspaceId, { leadId, ...body }: RejectInput & { leadId: string }) =>
    api<HandoverDetail>(`/workspaces/${workspaceId}/leads/${leadId}/reject`, { method: 'POST', body }),
  );
}

export function useAssignMql() {
  return useWorkspaceMutation((workspaceId, { leadId, ownerId }: { leadId: string; ownerId: string }) =>
    api<HandoverDetail>(`/workspaces/${workspaceId}/leads/${leadId}/assign`, { method: 'POST', body: { ownerId } }),
  );
}

/** The ledger of the MQLs that qualified between two days (both included). */
export function useSlaLedger(period: { from: string; to: string }) {
  return useWorkspaceQuery<SlaLedger>((workspaceId) => queryKeys.slaLedger(workspaceId, period), 'sla/ledger', { query: period, keepPrevious: true });
}

export function useSalesSettings() {
  return useWorkspaceQuery<SalesSettings>(queryKeys.salesSettings, 'sales-settings');
}

export function useSaveSalesSettings() {
  return useWorkspaceMutation((workspaceId, body: { calendar: WorkingCalendar; routing: RoutingRules }) =>
    api<SalesSettings>(`/workspaces/${workspaceId}/sales-settings`, { method: 'PUT', body }),
  );
}

export function useReps() {
  return useWorkspaceList<Rep>(queryKeys.reps, 'reps');
}

export function useSetRepAvailability() {
  return useWorkspaceMutation((workspaceId, { userId, ...body }: { userId: string; away?: boolean; capacity?: number | null }) =>
    api<Rep>(`/workspaces/${workspaceId}/reps/${userId}`, { method: 'PUT', body }),
  );
}

/** The current time, moving on every minute, for clocks that count down. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
