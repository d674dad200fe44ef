import { ActionIcon, Badge, Paper, Table, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { formatDateTime } from '../../../format.ts';
import type { AuditEvent, Member } from '../../../types.ts';
import { AuditChanges } from './AuditChanges.tsx';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, labelOf } from './audit-labels.ts';

/** A readable name for what changed: the member's name, or a name/email recorded in the change. */
function entityName(event: AuditEvent, membersById: Map<string, Member>): string | null {
  if (event.entityType === 'member') return membersById.get(event.entityId)?.name ?? null;
  for (const snapshot of [event.after, event.before]) {
    if (snapshot && typeof snapshot === 'object') {
      const record = snapshot as Record<string, unknown>;
      if (typeof record.name === 'string') return record.name;
      if (typeof record.email === 'string') return record.email;
    }
  }
  return null;
}

type Props = { events: AuditEvent[]; members: Member[]; timeZone: string };

export function AuditTable({ events, members, timeZone }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const membersById = new Map(members.map((m) => [m.userId, m]));
  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44} aria-label="Details" />
              <Table.Th>Time ({timeZone})</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Item</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => {
              const expanded = open.has(event.id);
              const name = entityName(event, membersById);
              return (
                <Fragment key={event.id}>
                  <Table.Tr>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={expanded ? 'Hide details' : 'Show details'}
                        aria-expanded={expanded}
                        onClick={() => toggle(event.id)}
                      >
                        <IconChevronRight
                          size={16}
                          style={{ transform: expanded ? 'rotate(90deg)' : undefined, transition: 'transform 150ms' }}
                        />
                      </ActionIcon>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(event.at, timeZone)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{event.actorName ?? 'System'}</Text>
                      {event.viaToken && (
                        <Badge size="xs" variant="light" color="grape">
                          via API token
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{labelOf(AUDIT_ACTION_LABELS, event.action)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {labelOf(AUDIT_ENTITY_LABELS, event.entityType)}
                        {name !== null && (
                          <Text span size="sm" c="dimmed">
                            {' · '}
                            {name}
                          </Text>
                        )}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <AuditChanges event={event} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
