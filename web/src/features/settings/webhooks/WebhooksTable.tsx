import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { EVENT_LABELS } from '../../../../../core/notifications/events.ts';
import { errorMessage } from '../../../api.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { TableCard } from '../../../components/DataTable.tsx';
import { formatDate } from '../../../format.ts';
import { useConfirmedRemoval } from '../../../hooks/use-confirmed-removal.ts';
import type { Webhook, WebhookTestResult } from '../../../types.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { useDeleteWebhook, useTestWebhook } from './use-webhooks.ts';

type TestOutcome = { result: WebhookTestResult } | { failure: unknown };

/** What the endpoint answered to the last test: the HTTP status, or why it could not be reached. */
function TestOutcomeText({ outcome }: { outcome: TestOutcome }) {
  if ('failure' in outcome) {
    return (
      <Text size="xs" c="red" role="status">
        Test not sent: {errorMessage(outcome.failure)}
      </Text>
    );
  }
  const { delivered, status, error } = outcome.result;
  if (delivered) {
    return (
      <Text size="xs" c="teal.8" role="status">
        Test delivered{status !== null ? ` · HTTP ${status}` : ''}
      </Text>
    );
  }
  // The error already names the status the endpoint answered ("webhook answered 500").
  return (
    <Text size="xs" c="red" role="status" style={{ overflowWrap: 'anywhere' }}>
      {error ? `Test failed: ${error}` : `Test failed · HTTP ${status ?? '?'}`}
    </Text>
  );
}

export function WebhooksTable({ webhooks }: { webhooks: Webhook[] }) {
  const { details } = useCurrentWorkspace();
  const remove = useDeleteWebhook();
  const confirm = useConfirmedRemoval<Webhook>(remove, (item) => `The webhook “${item.name}” was deleted.`);
  const test = useTestWebhook();
  const [outcomes, setOutcomes] = useState<Record<string, TestOutcome>>({});
  const testing = test.isPending ? test.variables : null;

  const runTest = (webhook: Webhook) =>
    test.mutate(webhook.id, {
      onSuccess: (result) => setOutcomes((previous) => ({ ...previous, [webhook.id]: { result } })),
      onError: (failure) => setOutcomes((previous) => ({ ...previous, [webhook.id]: { failure } })),
    });

  if (webhooks.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No webhooks yet. Add one above to send events to Slack or another system.
      </Text>
    );
  }

  return (
    <>
      <TableCard minWidth={820} label="Webhooks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Events</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Added</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {webhooks.map((webhook) => {
            const outcome = outcomes[webhook.id];
            return (
              <Table.Tr key={webhook.id}>
                <Table.Td maw={300}>
                  <Text size="sm" fw={500}>
                    {webhook.name}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {webhook.url}
                  </Text>
                  {outcome && <TestOutcomeText outcome={outcome} />}
                </Table.Td>
                <Table.Td maw={300}>
                  <Stack gap={2}>
                    {webhook.events.map((event) => (
                      <Text key={event} size="xs">
                        {EVENT_LABELS[event]}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {webhook.isActive ? (
                    <Badge color="teal" variant="light">
                      Active
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light">
                      Inactive
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(webhook.createdAt, details.timeZone)}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconSend size={14} />}
                      loading={testing === webhook.id}
                      disabled={testing !== null && testing !== webhook.id}
                      onClick={() => runTest(webhook)}
                      aria-label={`Send a test to ${webhook.name}`}
                    >
                      Send test
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => confirm.ask(webhook)} aria-label={`Delete ${webhook.name}`}>
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </TableCard>
      <ConfirmModal {...confirm.modal} title="Delete this webhook?" confirmLabel="Delete webhook">
        “{confirm.target?.name}” will receive nothing more, and its secret stops working. Messages still waiting to be
        sent to it will fail. This cannot be undone.
      </ConfirmModal>
    </>
  );
}
