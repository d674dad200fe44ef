import { Anchor, Group, Loader, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { LinkedRow, TableCard } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useUrlSettings } from '../../hooks/use-url-settings.ts';
import type { CreditDispute } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { claimedText, creditedText, roleLabel } from './dispute-text.ts';
import { DisputeStatusBadge } from './DisputeStatusBadge.tsx';
import { useDisputes } from './use-disputes.ts';

const SHOWN = { open: 'Open', resolved: 'Resolved', all: 'All' } as const;
type Shown = keyof typeof SHOWN;

function readShown(params: URLSearchParams): Shown {
  const value = params.get('show');
  return value === 'resolved' || value === 'all' ? value : 'open';
}

function writeShown(shown: Shown): URLSearchParams {
  return new URLSearchParams(shown === 'open' ? {} : { show: shown });
}

function Who({ name, role, at }: { name: string | null; role: string | null; at: string }) {
  const { details } = useCurrentWorkspace();
  return (
    <Stack gap={0}>
      <Text size="sm">{name ?? 'Someone'}</Text>
      <Text size="xs" c="dimmed">
        {[roleLabel(role), formatDate(at, details.timeZone)].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
}

function DisputesTable({ disputes }: { disputes: CreditDispute[] }) {
  const { pathTo } = useCurrentWorkspace();
  return (
    <TableCard minWidth={860} label="Credit disputes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Deal</Table.Th>
          <Table.Th w={130}>Status</Table.Th>
          <Table.Th>Credited to</Table.Th>
          <Table.Th style={{ whiteSpace: 'nowrap' }}>Claimed for</Table.Th>
          <Table.Th>Opened by</Table.Th>
          <Table.Th>Ruling by</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {disputes.map((dispute) => (
          <LinkedRow key={dispute.id} to={pathTo(`credit/disputes/${dispute.id}`)}>
            <Table.Td>
              <Anchor component={Link} to={pathTo(`credit/disputes/${dispute.id}`)} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {dispute.dealName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatMoney(dispute.dealAmountMinor, dispute.currency)}
              </Text>
            </Table.Td>
            <Table.Td>
              <DisputeStatusBadge status={dispute.status} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{creditedText(dispute)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={500}>
                {claimedText(dispute)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Who name={dispute.openedByName} role={dispute.openedRole} at={dispute.createdAt} />
            </Table.Td>
            <Table.Td>
              {dispute.resolvedAt ? (
                <Who name={dispute.resolvedByName} role={dispute.resolvedRole} at={dispute.resolvedAt} />
              ) : (
                <Text size="sm" c="dimmed">
                  Awaiting a ruling
                </Text>
              )}
            </Table.Td>
          </LinkedRow>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** `/w/:slug/credit/disputes`: deals whose credit either team disputes, open or resolved, with the ruling and who gave it. */
export function DisputesPage() {
  useDocumentTitle('Credit disputes');
  const { pathTo, can } = useCurrentWorkspace();
  const [shown, setShown] = useUrlSettings(readShown, writeShown);
  const disputes = useDisputes(shown === 'all' ? {} : { status: shown });
  return (
    <Stack gap="lg">
      <PageHeader
        title="Credit disputes"
        description={
          <>
            When either team thinks a deal’s credit belongs to another channel or campaign, they say so here with a reason, and a marketing lead or sales
            manager who did not open it rules on it.
            {can('credit.dispute') && (
              <>
                {' '}To dispute a deal’s credit, open it in{' '}
                <Anchor component={Link} to={pathTo('deals')} size="sm">
                  Deals
                </Anchor>{' '}
                and choose “Dispute credit”.
              </>
            )}
          </>
        }
      />
      <Group justify="space-between" gap="sm">
        <SegmentedControl value={shown} onChange={(value) => setShown(value as Shown)} data={Object.entries(SHOWN).map(([value, label]) => ({ value, label }))} aria-label="Show" />
        {disputes.isFetching && disputes.data && <Loader size="sm" aria-label="Updating the disputes" />}
      </Group>
      <QueryStatus query={disputes} label="Loading the disputes">
        {({ items: rows }) => {
          return rows.length === 0 ? (
            <Paper withBorder radius="md" p="lg">
              <Text size="sm" c="dimmed">
                {shown === 'open' ? 'No dispute is open: both teams accept the credit as it stands.' : 'No dispute here yet.'}
              </Text>
            </Paper>
          ) : (
            <DisputesTable disputes={rows} />
          );
        }}
      </QueryStatus>
    </Stack>
  );
}
