import { Anchor, Badge, Button, Center, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { LinkedRow, TableCard } from '../../components/DataTable.tsx';
import { formatCount, formatDateTime, plural } from '../../format.ts';
import type { LedgerBreach } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { BREACH_LABELS } from './sla-text.ts';

const PAGE = 25;
const KINDS = [
  { value: 'all', label: 'Every kind' },
  { value: 'first_contact', label: BREACH_LABELS.first_contact },
  { value: 'attempts', label: BREACH_LABELS.attempts },
];

/** Every missed promise of Sales in the period, latest due first, each with its lead; filtered by rep and kind. */
export function BreachesSection({ breaches }: { breaches: LedgerBreach[] }) {
  const { pathTo, details } = useCurrentWorkspace();
  const [owner, setOwner] = useState('all');
  const [kind, setKind] = useState('all');
  const [shown, setShown] = useState(PAGE);
  const owners = useMemo(() => {
    const names = new Map<string, string>();
    for (const breach of breaches) names.set(breach.ownerId ?? 'none', breach.ownerName ?? 'Not assigned');
    return [{ value: 'all', label: 'Every rep' }, ...[...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label))];
  }, [breaches]);
  const filtered = breaches.filter((breach) => (owner === 'all' || (breach.ownerId ?? 'none') === owner) && (kind === 'all' || breach.kind === kind));

  if (breaches.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No breach in this period: every MQL was contacted in time and got its attempts.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select label="Rep" data={owners} value={owner} allowDeselect={false} onChange={(value) => { setOwner(value ?? 'all'); setShown(PAGE); }} w={{ base: '100%', xs: 220 }} />
        <Select label="Breach" data={KINDS} value={kind} allowDeselect={false} onChange={(value) => { setKind(value ?? 'all'); setShown(PAGE); }} w={{ base: '100%', xs: 220 }} />
        <Text size="sm" c="dimmed" pb={6} aria-live="polite">
          {plural(filtered.length, 'breach', 'breaches')}
        </Text>
      </Group>
      {filtered.length > 0 && (
        <TableCard minWidth={720} label="SLA breaches">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lead</Table.Th>
              <Table.Th>Breach</Table.Th>
              <Table.Th>Was due</Table.Th>
              <Table.Th>Rep</Table.Th>
              <Table.Th>Source</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {filtered.slice(0, shown).map((breach) => (
              <LinkedRow key={`${breach.leadId}-${breach.kind}`} to={pathTo(`leads/${breach.leadId}`)}>
                <Table.Td maw={240}>
                  <Anchor component={Link} to={pathTo(`leads/${breach.leadId}`)} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {breach.leadName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge color={breach.kind === 'first_contact' ? 'red' : 'orange'} variant="light" tt="none">
                    {BREACH_LABELS[breach.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(breach.dueAt, details.timeZone)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={breach.ownerName ? undefined : 'dimmed'}>
                    {breach.ownerName ?? 'Not assigned'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{breach.source ?? '—'}</Text>
                </Table.Td>
              </LinkedRow>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
      {filtered.length > shown && (
        <Center>
          <Button variant="default" onClick={() => setShown((n) => n + 200)}>
            Show more ({formatCount(filtered.length - shown)} not shown)
          </Button>
        </Center>
      )}
    </Stack>
  );
}
