import { Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconMail, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { EVENT_LABELS } from '../../../../../core/notifications/events.ts';
import type { OutboxStatus } from '../../../../../core/schemas/notifications.ts';
import { NumTd, NumTh, TableCard } from '../../../components/DataTable.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../format.ts';
import type { Delivery } from '../../../types.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { useDeliveries } from './use-webhooks.ts';

const STATUS_LOOK: Record<OutboxStatus, { label: string; color: string }> = {
  pending: { label: 'Waiting', color: 'blue' },
  sent: { label: 'Sent', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
};

const FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'Waiting' },
  { value: 'sent', label: 'Sent' },
  { value: 'failed', label: 'Failed' },
];

/** An address that wraps after its "@" rather than in the middle of a word. */
function EmailAddress({ address }: { address: string }) {
  const at = address.indexOf('@');
  if (at < 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at + 1)}
      <wbr />
      {address.slice(at + 1)}
    </>
  );
}

/** The channel, and who it went to: an e-mail address or the webhook's name. */
function Recipient({ delivery }: { delivery: Delivery }) {
  const isEmail = delivery.channel === 'email';
  const Icon = isEmail ? IconMail : IconWebhook;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Icon size={16} stroke={1.6} style={{ flexShrink: 0, marginTop: 2 }} aria-label={isEmail ? 'Email' : 'Webhook'} role="img" />
      {isEmail || delivery.webhookName !== null ? (
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          {isEmail ? <EmailAddress address={delivery.recipient} /> : delivery.webhookName}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          Deleted webhook
        </Text>
      )}
    </Group>
  );
}

function DeliveryRow({ delivery, timeZone }: { delivery: Delivery; timeZone: string }) {
  const look = STATUS_LOOK[delivery.status];
  const failed = delivery.status === 'failed';
  const retrying = delivery.status === 'pending' && delivery.attempts > 0;
  return (
    <Table.Tr bg={failed ? 'red.0' : undefined} data-status={delivery.status}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{formatDateTime(delivery.createdAt, timeZone)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{delivery.title || EVENT_LABELS[delivery.event]}</Text>
        {delivery.title && (
          <Text size="xs" c="dimmed">
            {EVENT_LABELS[delivery.event]}
          </Text>
        )}
      </Table.Td>
      <Table.Td miw={200} maw={260}>
        <Recipient delivery={delivery} />
      </Table.Td>
      <Table.Td maw={260}>
        <Badge color={look.color} variant={failed ? 'filled' : 'light'}>
          {look.label}
        </Badge>
        {delivery.lastError && (
          <Text size="xs" c={failed ? 'red.8' : 'orange.8'} mt={4} style={{ wordBreak: 'break-word' }}>
            {delivery.lastError}
          </Text>
        )}
      </Table.Td>
      <NumTd>{delivery.attempts}</NumTd>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {delivery.sentAt ? (
          <Text size="sm">Sent {formatDateTime(delivery.sentAt, timeZone)}</Text>
        ) : delivery.status === 'pending' ? (
          <Text size="sm">
            {retrying ? 'Retry' : 'Due'} {formatDateTime(delivery.nextAttemptAt, timeZone)}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            Gave up
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** What went out by e-mail and webhook, what waits for a retry, and what failed with the reason. */
export function DeliveryLog() {
  const { details } = useCurrentWorkspace();
  const [status, setStatus] = useState('all');
  const deliveries = useDeliveries(status === 'all' ? null : (status as OutboxStatus));
  return (
    <Section
      title="Delivery log"
      description={`Every e-mail and webhook call sent for notifications, newest first. A failed attempt is retried with growing pauses before Accord gives up. Times are in ${details.timeZone}.`}
    >
      <Group>
        <SegmentedControl aria-label="Delivery status" data={FILTERS} value={status} onChange={setStatus} />
      </Group>
      <QueryStatus query={deliveries} label="Loading the delivery log">
        {({ pages }) => {
          const items = pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return (
              <Text c="dimmed" size="sm">
                {status === 'all' ? 'Nothing was sent yet.' : 'No deliveries with this status.'}
              </Text>
            );
          }
          return (
            <Stack gap="sm">
              <TableCard minWidth={960} label="Delivery log" dense>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Message</Table.Th>
                    <Table.Th>To</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <NumTh>Attempts</NumTh>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>Sent or next try</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((delivery) => (
                    <DeliveryRow key={delivery.id} delivery={delivery} timeZone={details.timeZone} />
                  ))}
                </Table.Tbody>
              </TableCard>
              <LoadMore query={deliveries} />
            </Stack>
          );
        }}
      </QueryStatus>
    </Section>
  );
}
