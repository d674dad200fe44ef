import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { useMembers } from '../members/use-members.ts';
import { AuditFiltersBar } from './AuditFiltersBar.tsx';
import { AuditTable } from './AuditTable.tsx';
import { NO_FILTERS, useAuditLog, type AuditFilters } from './use-audit-log.ts';

/** Settings > Audit log: every change in the workspace, who made it and when. */
export function AuditLogPage() {
  useDocumentTitle('Audit log');
  const { details } = useCurrentWorkspace();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const log = useAuditLog(filters);
  const members = useMembers();
  const memberList = members.data ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title="Audit log"
        description={`Every change made in this workspace, newest first. Times are in ${details.timeZone}.`}
      />
      <AuditFiltersBar filters={filters} onChange={setFilters} members={memberList} timeZone={details.timeZone} />
      <QueryStatus query={log}>
        {({ pages }) => {
          const events = pages.flatMap((page) => page.items);
          if (events.length === 0) {
            return (
              <Text c="dimmed" size="sm">
                Nothing matches these filters.
              </Text>
            );
          }
          return (
            <Stack>
              <AuditTable events={events} members={memberList} timeZone={details.timeZone} />
              <LoadMore query={log} />
            </Stack>
          );
        }}
      </QueryStatus>
    </Stack>
  );
}
