import { Anchor, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatCount } from '../../format.ts';
import type { SalesLedgerLine, SlaLedger, SlaPolicy } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { formatBusinessHours, formatPercentValue } from './sla-text.ts';

type Line = SalesLedgerLine & { name?: string | null };
type By = 'owner' | 'source';

const BY = [
  { value: 'owner', label: 'Per rep' },
  { value: 'source', label: 'Per source' },
];

function Count({ value, alarm = false, strong = false }: { value: number; alarm?: boolean; strong?: boolean }) {
  return (
    <NumTd fw={strong ? 700 : undefined} c={alarm && value > 0 ? 'red.7' : undefined}>
      {formatCount(value)}
    </NumTd>
  );
}

function Numbers({ line, strong = false }: { line: Line; strong?: boolean }) {
  return (
    <>
      <Count value={line.leads} strong />
      <Count value={line.met} strong={strong} />
      <Count value={line.breached} alarm strong={strong} />
      <Count value={line.overdue} alarm strong={strong} />
      <Count value={line.pending} strong={strong} />
      <NumTd fw={strong ? 700 : undefined}>{formatBusinessHours(line.medianFirstContactHours)}</NumTd>
      <NumTd fw={strong ? 700 : 600}>{formatPercentValue(line.attemptsMetPercent)}</NumTd>
      <Count value={line.accepted} strong={strong} />
      <Count value={line.rejected} strong={strong} />
    </>
  );
}

function GroupName({ line, by }: { line: Line; by: By }) {
  const { can, pathTo } = useCurrentWorkspace();
  if (line.group === null) {
    return (
      <Text size="sm" c="dimmed">
        {by === 'owner' ? 'Not assigned' : 'No source'}
      </Text>
    );
  }
  const name = by === 'owner' ? (line.name ?? 'Former member') : line.group;
  if (by === 'owner' && can('sales.manage')) {
    return (
      <Anchor component={Link} to={pathTo(`mqls?owner=${line.group}`)} size="sm" fw={500} title={`Open MQLs of ${name}`}>
        {name}
      </Anchor>
    );
  }
  return (
    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
      {name}
    </Text>
  );
}

/** Sales' side: first contact in time, enough attempts, and the decisions, per rep or per source. */
export function SalesLedgerSection({ ledger, policy }: { ledger: SlaLedger; policy: SlaPolicy | null }) {
  const [by, setBy] = useState<By>('owner');
  const table = by === 'owner' ? ledger.sales.byOwner : ledger.sales.bySource;
  const groupLabel = by === 'owner' ? 'Rep' : 'Source';
  const firstContact = policy ? `First contact within ${formatBusinessHours(policy.firstContactHours)} (business)` : 'First contact';
  const attempts = policy ? `${policy.attempts} attempts in ${policy.attemptsWithinDays} days` : 'Attempts';
  return (
    <Stack gap="sm">
      <SegmentedControl aria-label="Group Sales' side by" data={BY} value={by} onChange={(value) => setBy(value as By)} style={{ alignSelf: 'flex-start' }} />
      <TableCard minWidth={860} dense label={`Sales' side ${by === 'owner' ? 'per rep' : 'per source'}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2}>{groupLabel}</Table.Th>
            <NumTh rowSpan={2}>MQLs</NumTh>
            <Table.Th colSpan={5} ta="center" style={{ borderBottom: 0 }}>
              {firstContact}
            </Table.Th>
            <Table.Th ta="center" style={{ borderBottom: 0 }}>
              {attempts}
            </Table.Th>
            <Table.Th colSpan={2} ta="center" style={{ borderBottom: 0 }} title="Sales' decisions: they make Marketing's accepted share">
              Decisions
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            <NumTh title="Contacted before the first-contact deadline">Met</NumTh>
            <NumTh title="Contacted late, or overdue and still not contacted">Breached</NumTh>
            <NumTh title="Part of Breached: still not contacted">Overdue</NumTh>
            <NumTh title="Not contacted yet, still in time">Pending</NumTh>
            <NumTh title="Median business hours from handover to first contact, over the contacted MQLs">Median time</NumTh>
            <NumTh title="Share of MQLs whose attempts window is over that got enough attempts">Met %</NumTh>
            <NumTh>Accepted</NumTh>
            <NumTh>Rejected</NumTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.groups.map((line) => (
            <Table.Tr key={line.group ?? '\u0000'}>
              <Table.Td>
                <GroupName line={line} by={by} />
              </Table.Td>
              <Numbers line={line} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr bg="gray.0">
            <Table.Th>Total</Table.Th>
            <Numbers line={table.total} strong />
          </Table.Tr>
        </Table.Tfoot>
      </TableCard>
    </Stack>
  );
}
