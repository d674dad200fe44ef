import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { LinkedRow, NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatDate, formatMoney, formatPercent } from '../../format.ts';
import type { Deal } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { DealStatusBadge } from './DealStatusBadge.tsx';

/** Deals with their amount, discount from list price, status and close date; a row opens the deal. */
export function DealsTable({ deals, label = 'Deals' }: { deals: Deal[]; label?: string }) {
  const { pathTo, details } = useCurrentWorkspace();
  return (
    <TableCard minWidth={640} label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Deal</Table.Th>
          <NumTh>Amount</NumTh>
          <NumTh>Discount</NumTh>
          <Table.Th>Status</Table.Th>
          <Table.Th>Closed</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deals.map((deal) => (
          <LinkedRow key={deal.id} to={pathTo(`deals/${deal.id}`)}>
            <Table.Td>
              <Anchor component={Link} to={pathTo(`deals/${deal.id}`)} size="sm" fw={500}>
                {deal.name}
              </Anchor>
            </Table.Td>
            <NumTd>
              <Text size="sm">
                {formatMoney(deal.amountMinor, deal.currency)}
              </Text>
            </NumTd>
            <NumTd>
              <Text size="sm">
                {formatPercent(deal.discountRate)}
              </Text>
            </NumTd>
            <Table.Td>
              <DealStatusBadge status={deal.status} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {deal.closedAt ? formatDate(deal.closedAt, details.timeZone) : '—'}
              </Text>
            </Table.Td>
          </LinkedRow>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
