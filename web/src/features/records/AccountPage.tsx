import { Anchor, Divider, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { LinkedRow, TableCard } from '../../components/DataTable.tsx';
import { DetailGrid } from '../../components/DetailGrid.tsx';
import { RecordPage } from '../../components/RecordPage.tsx';
import { Section } from '../../components/Section.tsx';
import { formatCount, formatDate, plural } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import type { AccountDetail, AccountPerson } from '../../types.ts';
import { StageBadge } from '../leads/StageBadge.tsx';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { CustomFields } from './CustomFields.tsx';
import { DealsTable } from './DealsTable.tsx';
import { useAccount } from './use-records.ts';

const personName = (p: AccountPerson) => [p.firstName, p.lastName].filter(Boolean).join(' ') || p.email || '(no name)';

function PeopleTable({ people }: { people: AccountPerson[] }) {
  const { pathTo, details } = useCurrentWorkspace();
  return (
    <TableCard minWidth={640} label="People at this account">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Title</Table.Th>
          <Table.Th>Stage</Table.Th>
          <Table.Th>Created</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((person) => (
          <LinkedRow key={person.id} to={pathTo(`leads/${person.id}`)}>
            <Table.Td>
              <Anchor component={Link} to={pathTo(`leads/${person.id}`)} size="sm" fw={500}>
                {personName(person)}
              </Anchor>
              {person.email && personName(person) !== person.email && (
                <Text size="xs" c="dimmed">
                  {person.email}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{person.title ?? '—'}</Table.Td>
            <Table.Td>
              <StageBadge stage={person.stage} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(person.createdAt, details.timeZone)}</Table.Td>
          </LinkedRow>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

function AccountView({ data }: { data: AccountDetail }) {
  const { details } = useCurrentWorkspace();
  const { account, leads, deals } = data;
  useDocumentTitle(account.name);
  const hasCustom = Object.keys(account.custom).length > 0;
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              Account
            </Text>
            <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
              {account.name}
            </Title>
          </Stack>
          <DetailGrid
            details={[
              { label: 'Website', value: account.domain },
              { label: 'Industry', value: account.industry },
              { label: 'Country', value: account.country },
              { label: 'Employees', value: account.employees === null ? null : formatCount(account.employees) },
              { label: 'Added', value: formatDate(account.createdAt, details.timeZone) },
              { label: 'External id', value: account.externalId },
            ]}
          />
          {hasCustom && (
            <>
              <Divider label="From the source system" labelPosition="left" />
              <CustomFields fields={account.custom} />
            </>
          )}
        </Stack>
      </Paper>
      <Section title="People" description={leads.length > 0 ? `${plural(leads.length, 'person', 'people')} at this account, newest first.` : undefined}>
        {leads.length > 0 ? <PeopleTable people={leads} /> : <Text size="sm" c="dimmed">No leads at this account yet.</Text>}
      </Section>
      <Section title="Deals" description={deals.length > 0 ? `${plural(deals.length, 'deal')} with this account.` : undefined}>
        {deals.length > 0 ? <DealsTable deals={deals} label="Deals of this account" /> : <Text size="sm" c="dimmed">No deals with this account yet.</Text>}
      </Section>
    </Stack>
  );
}

/** `/w/:slug/accounts/:id`: one account, its people and its deals. */
export function AccountPage() {
  const { id = '' } = useParams();
  const { pathTo } = useCurrentWorkspace();
  const account = useAccount(id);
  return (
    <RecordPage back={{ to: pathTo('accounts'), label: 'Accounts' }} query={account} loadingLabel="Loading the account">
      {(data) => <AccountView data={data} />}
    </RecordPage>
  );
}
