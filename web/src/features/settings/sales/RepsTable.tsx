import { Badge, NumberInput, Switch, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../../../core/permissions.ts';
import { NumTd, NumTh, TableCard } from '../../../components/DataTable.tsx';
import { formatCount } from '../../../format.ts';
import { notifyError, notifySuccess } from '../../../notify.ts';
import type { Rep } from '../../../types.ts';
import { useSetRepAvailability } from '../../sla/use-sla.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';

/** A rep's capacity, saved when the field is left (or Enter is pressed); empty is no limit. */
function CapacityInput({ rep, onSave, saving }: { rep: Rep; onSave: (capacity: number | null) => void; saving: boolean }) {
  const [value, setValue] = useState<string | number>(rep.capacity ?? '');
  useEffect(() => setValue(rep.capacity ?? ''), [rep.capacity]);
  const commit = () => {
    const next = value === '' ? null : Number(value);
    if (next !== rep.capacity && (next === null || (Number.isInteger(next) && next >= 0))) onSave(next);
  };
  return (
    <NumberInput
      size="xs"
      w={110}
      aria-label={`Capacity of ${rep.name}`}
      placeholder="No limit"
      min={0}
      max={10_000}
      allowDecimal={false}
      allowNegative={false}
      disabled={saving}
      value={value}
      onChange={setValue}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}

/** Reps and managers: who is away (routing skips them), how many open MQLs each may hold, how many they hold. */
export function RepsTable({ reps }: { reps: Rep[] }) {
  const { can, user } = useCurrentWorkspace();
  const manage = can('sales.manage');
  const update = useSetRepAvailability();
  const save = (rep: Rep, change: { away?: boolean; capacity?: number | null }) =>
    update.mutate(
      { userId: rep.userId, ...change },
      {
        onSuccess: (saved) =>
          notifySuccess(
            change.away !== undefined
              ? `${saved.name} is ${saved.away ? 'away: new MQLs skip them' : 'back: new MQLs reach them again'}.`
              : `${saved.name} now holds ${saved.capacity === null ? 'any number of' : `at most ${saved.capacity}`} open MQLs.`,
          ),
        onError: (error) => notifyError(`Could not change ${rep.name}`, error),
      },
    );
  if (reps.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No sales reps or sales managers in this workspace yet. Invite them with one of these roles to route MQLs to them.
      </Text>
    );
  }
  return (
    <TableCard minWidth={620} label="Reps">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Role</Table.Th>
          <NumTh>Open MQLs</NumTh>
          <Table.Th>Away</Table.Th>
          <Table.Th>Capacity</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reps.map((rep) => {
          const busy = update.isPending && update.variables?.userId === rep.userId;
          const mayAway = manage || (rep.userId === user.id && can('leads.handle'));
          const full = rep.capacity !== null && rep.openMqls >= rep.capacity;
          return (
            <Table.Tr key={rep.userId}>
              <Table.Td>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {rep.name}
                  {rep.userId === user.id && (
                    <Badge size="xs" variant="light" color="gray" ml={6} tt="none" style={{ verticalAlign: 'middle' }}>
                      You
                    </Badge>
                  )}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {rep.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{ROLE_LABELS[rep.role]}</Text>
              </Table.Td>
              <NumTd c={full ? 'red.7' : undefined}>{formatCount(rep.openMqls)}</NumTd>
              <Table.Td>
                <Switch
                  aria-label={`${rep.name} is away`}
                  checked={rep.away}
                  disabled={!mayAway || busy}
                  onChange={(event) => save(rep, { away: event.currentTarget.checked })}
                  label={rep.away ? 'Away' : 'Available'}
                />
              </Table.Td>
              <Table.Td>
                {manage ? (
                  <CapacityInput rep={rep} saving={busy} onSave={(capacity) => save(rep, { capacity })} />
                ) : (
                  <Text size="sm">{rep.capacity === null ? 'No limit' : formatCount(rep.capacity)}</Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </TableCard>
  );
}
