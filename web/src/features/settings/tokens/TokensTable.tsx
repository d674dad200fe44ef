import { Button, Code, Paper, Stack, Table, Text } from '@mantine/core';
import { ACTION_LABELS, ACTIONS } from '../../../../../core/permissions.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { useConfirmedRemoval } from '../../../hooks/use-confirmed-removal.ts';
import { formatDate, formatDateTime } from '../../../format.ts';
import type { Token } from '../../../types.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { tokenStatus } from '../status.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import { useRevokeToken } from './use-tokens.ts';

function Permissions({ token }: { token: Token }) {
  if (ACTIONS.every((action) => token.permissions.includes(action))) return <Text size="sm">Everything</Text>;
  return (
    <Stack gap={2}>
      {token.permissions.map((action) => (
        <Text key={action} size="xs">
          {ACTION_LABELS[action]}
        </Text>
      ))}
    </Stack>
  );
}

export function TokensTable({ tokens }: { tokens: Token[] }) {
  const { details } = useCurrentWorkspace();
  const revoke = useRevokeToken();
  const confirm = useConfirmedRemoval<Token>(revoke, (item) => `The token “${item.name}” was revoked.`);
  const revoking = confirm.target;

  if (tokens.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No API tokens yet.
      </Text>
    );
  }

  return (
    <>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Starts with</Table.Th>
                <Table.Th>Permissions</Table.Th>
                <Table.Th>Created by</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.map((token) => {
                const status = tokenStatus(token);
                return (
                  <Table.Tr key={token.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {token.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {token.expiresAt ? `Expires ${formatDate(token.expiresAt, details.timeZone)}` : 'Never expires'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td maw={260}>
                      <Permissions token={token} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{token.createdBy}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDate(token.createdAt, details.timeZone)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{token.lastUsedAt ? formatDateTime(token.lastUsedAt, details.timeZone) : 'Never'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={status} />
                    </Table.Td>
                    <Table.Td ta="right">
                      {status === 'active' && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Revoke token ${token.name}`}
                          onClick={() => confirm.ask(token)}
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <ConfirmModal
        {...confirm.modal}
        title="Revoke API token?"
        confirmLabel="Revoke token"
      >
        Any tool using the token “{revoking?.name}” will stop working straight away. This cannot be undone.
      </ConfirmModal>
    </>
  );
}
