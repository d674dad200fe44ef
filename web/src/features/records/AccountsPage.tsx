import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { LinkedRow, NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { formatCount, formatDate } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { useAccounts } from './use-records.ts';

/** `/w/:slug/accounts`: the companies leads work for and deals are made with, newest first. */
export function AccountsPage() {
  useDocumentTitle('Accounts');
  const { pathTo, details } = useCurrentWorkspace();
  const accounts = useAccounts();
  return (
    <Stack gap="lg">
      <PageHeader title="Accounts" description="The companies your leads work for and your deals are made with, newest first." />
      <QueryStatus query={accounts} label="Loading accounts">
        {({ pages }) => {
          const items = pages.flatMap((page) => page.items);
          if (items.length === 0) return <Text size="sm" c="dimmed">No accounts yet.</Text>;
          return (
            <Stack gap="sm">
              <TableCard minWidth={720} label="Accounts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Industry</Table.Th>
                    <Table.Th>Country</Table.Th>
                    <NumTh>Employees</NumTh>
                    <Table.Th>Added</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((account) => (
                    <LinkedRow key={account.id} to={pathTo(`accounts/${account.id}`)}>
                      <Table.Td>
                        <Anchor component={Link} to={pathTo(`accounts/${account.id}`)} size="sm" fw={500}>
                          {account.name}
                        </Anchor>
                        {account.domain && (
                          <Text size="xs" c="dimmed">
                            {account.domain}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{account.industry ?? '—'}</Table.Td>
                      <Table.Td>{account.country ?? '—'}</Table.Td>
                      <NumTd>{account.employees === null ? '—' : formatCount(account.employees)}</NumTd>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(account.createdAt, details.timeZone)}</Table.Td>
                    </LinkedRow>
                  ))}
                </Table.Tbody>
              </TableCard>
              <LoadMore query={accounts} />
            </Stack>
          );
        }}
      </QueryStatus>
    </Stack>
  );
}
