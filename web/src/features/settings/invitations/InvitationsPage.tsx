import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ROLE_LABELS } from '../../../../../core/permissions.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { formatDate } from '../../../format.ts';
import { useConfirmedRemoval } from '../../../hooks/use-confirmed-removal.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import type { Invitation } from '../../../types.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { invitationStatus } from '../status.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import { InviteForm } from './InviteForm.tsx';
import { useInvitations, useRevokeInvitation } from './use-invitations.ts';

/** Settings > Invitations: invite people and follow up on pending invitations. */
export function InvitationsPage() {
  useDocumentTitle('Invitations');
  const { details } = useCurrentWorkspace();
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const confirm = useConfirmedRemoval<Invitation>(revoke, (item) => `The invitation for ${item.email} was revoked.`);
  const revoking = confirm.target;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Invitations"
        description="Invite colleagues by email. Each invitation is a personal link you pass on to them; it works once."
      />
      <InviteForm />
      <Stack gap="sm">
        <Title order={2} fz="h4">
          Sent invitations
        </Title>
        <QueryStatus query={invitations}>
          {(items) =>
            items.length === 0 ? (
              <Text c="dimmed" size="sm">
                No invitations yet.
              </Text>
            ) : (
              <Paper withBorder radius="md">
                <Table.ScrollContainer minWidth={640}>
                  <Table verticalSpacing="sm" horizontalSpacing="md">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Email</Table.Th>
                        <Table.Th>Role</Table.Th>
                        <Table.Th>Invited by</Table.Th>
                        <Table.Th>Sent</Table.Th>
                        <Table.Th>Status</Table.Th>
                        <Table.Th aria-label="Actions" />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((invitation) => {
                        const status = invitationStatus(invitation);
                        return (
                          <Table.Tr key={invitation.id}>
                            <Table.Td style={{ overflowWrap: 'anywhere' }}>{invitation.email}</Table.Td>
                            <Table.Td>{ROLE_LABELS[invitation.role]}</Table.Td>
                            <Table.Td>{invitation.invitedBy}</Table.Td>
                            <Table.Td>{formatDate(invitation.createdAt, details.timeZone)}</Table.Td>
                            <Table.Td>
                              <StatusBadge status={status} />
                            </Table.Td>
                            <Table.Td ta="right">
                              {status === 'pending' && (
                                <Button
                                  size="xs"
                                  variant="subtle"
                                  color="red"
                                  aria-label={`Revoke invitation for ${invitation.email}`}
                                  onClick={() => confirm.ask(invitation)}
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
            )
          }
        </QueryStatus>
      </Stack>
      <ConfirmModal
        {...confirm.modal}
        title="Revoke invitation?"
        confirmLabel="Revoke invitation"
      >
        The invitation link sent to {revoking?.email} will stop working. You can invite them again later.
      </ConfirmModal>
    </Stack>
  );
}
