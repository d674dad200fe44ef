import { Button, Group, Select } from '@mantine/core';
import { IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../../core/permissions.ts';
import { notifyError, notifySuccess } from '../../notify.ts';
import type { HandoverDetail } from '../../types.ts';
import { useAssignMql, useReps } from './use-sla.ts';

/** A sales manager gives the MQL to a rep: one routing could not place, or one to move; the rep's clock starts then. */
export function AssignMql({ handover }: { handover: HandoverDetail }) {
  const reps = useReps();
  const assign = useAssignMql();
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const options = (reps.data ?? [])
    .filter((rep) => rep.userId !== handover.ownerId)
    .map((rep) => ({ value: rep.userId, label: `${rep.name} · ${ROLE_LABELS[rep.role]}${rep.away ? ' (away)' : ''} · ${rep.openMqls} open` }));
  const submit = () => {
    if (!ownerId) return;
    assign.mutate(
      { leadId: handover.leadId, ownerId },
      {
        onSuccess: (done) => {
          notifySuccess(`${handover.leadName} is now ${done.ownerName ?? 'assigned'}’s; their SLA clock starts now.`);
          setOwnerId(null);
        },
        onError: (error) => notifyError('Could not assign the MQL', error),
      },
    );
  };
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={handover.ownerId ? 'Move to another rep' : 'Assign to a rep'}
        placeholder={reps.isPending ? 'Loading reps…' : 'Choose a rep'}
        data={options}
        value={ownerId}
        onChange={setOwnerId}
        searchable
        nothingFoundMessage="No other sales rep"
        comboboxProps={{ withinPortal: true }}
        w={{ base: '100%', xs: 280 }}
      />
      <Button leftSection={<IconUserShare size={16} />} variant="default" onClick={submit} disabled={!ownerId} loading={assign.isPending}>
        Assign
      </Button>
    </Group>
  );
}
