import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { LinkedRow, TableCard } from '../../components/DataTable.tsx';
import { formatDate } from '../../format.ts';
import type { LeadListItem } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { StageBadge } from './StageBadge.tsx';

export function LeadsTable({ leads }: { leads: LeadListItem[] }) {
  const { pathTo, details } = useCurrentWorkspace();
  return (
    <TableCard minWidth={960} dense label="Leads">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Email</Table.Th>
          <Table.Th>Company</Table.Th>
          <Table.Th miw={120}>Stage</Table.Th>
          <Table.Th>Source / channel</Table.Th>
          <Table.Th>Owner</Table.Th>
          <Table.Th>Created</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {leads.map((lead) => (
          <LinkedRow key={lead.id} to={pathTo(`leads/${lead.id}`)}>
            <Table.Td maw={220}>
              <Anchor component={Link} to={pathTo(`leads/${lead.id}`)} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {lead.name}
              </Anchor>
            </Table.Td>
            <Table.Td maw={240}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {lead.email ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{lead.company ?? '—'}</Text>
            </Table.Td>
            <Table.Td>
              <StageBadge stage={lead.stage} />
            </Table.Td>
            <Table.Td>
              <Stack gap={0}>
                <Text size="sm">{lead.source ?? '—'}</Text>
                {lead.channel && (
                  <Text size="xs" c="dimmed">
                    {lead.channel}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{lead.ownerName ?? 'Unassigned'}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(lead.createdAt, details.timeZone)}
              </Text>
            </Table.Td>
          </LinkedRow>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
