import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../api.ts';
import { endOfDay, startOfDay } from '../../../format.ts';
import { queryKeys } from '../../../query-keys.ts';
import type { AuditEvent, Page } from '../../../types.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';

export type AuditFilters = {
  action: string | null;
  entityType: string | null;
  actorId: string | null;
  /** Calendar days (YYYY-MM-DD) in the workspace time zone; '' for no limit. */
  from: string;
  to: string;
};

export const NO_FILTERS: AuditFilters = { action: null, entityType: null, actorId: null, from: '', to: '' };

const PAGE_SIZE = 50;

/** The audit log, newest first, one page of 50 at a time. */
export function useAuditLog(filters: AuditFilters) {
  const { details } = useCurrentWorkspace();
  return useInfiniteQuery({
    queryKey: queryKeys.audit(details.id, { ...filters, timeZone: details.timeZone }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<AuditEvent>) => last.nextCursor,
    queryFn: ({ pageParam }) =>
      api<Page<AuditEvent>>(`/workspaces/${details.id}/audit`, {
        query: {
          action: filters.action,
          entityType: filters.entityType,
          actorId: filters.actorId,
          from: filters.from && startOfDay(filters.from, details.timeZone).toISOString(),
          to: filters.to && endOfDay(filters.to, details.timeZone).toISOString(),
          limit: PAGE_SIZE,
          cursor: pageParam,
        },
      }),
  });
}
