import { ActionIcon, Badge, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconKey, IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../../../core/permissions.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { formatDate } from '../../../format.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { notifyError, notifySuccess } from '../../../notify.ts';
import type { Member, OneTimeLink } from '../../../types.ts';
import { useCurrentWorkspace } from '../../workspaces/use-current-workspace.ts';
import { RoleSelect } from '../RoleSelect.tsx';
import { RemoveMemberModal } from './RemoveMemberModal.tsx';
import { ResetLinkModal } from './ResetLinkModal.tsx';
import { useChangeRole, useMembers, useResetLink } from './use-members.ts';

/** Settings > Members: everyone sees the list; admins change roles, remove people and issue reset links. */
export function MembersPage() {
  useDocumentTitle('Members');
  const { can, user, details } = useCurrentWorkspace();
  const members = useMembers();
  const changeRole = useChangeRole();
  const resetLink = useResetLink();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [issued, setIssued] = useState<{ member: Member; link: OneTimeLink } | null>(null);
  const manage = can('members.manage');

  const onRoleChange = (member: Member, role: Member['role']) =>
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () => notifySuccess(`${member.name} is now ${ROLE_LABELS[role]}.`),
        onError: (error) => notifyError(`Could not change the role of ${member.name}`, error),
      },
    );

  const onResetLink = (member: Member) =>
    resetLink.mutate(member.userId, {
      onSuccess: (link) => setIssued({ member, link }),
      onError: (error) => notifyError(`Could not create a reset link for ${member.name}`, error),
    });

  return (
    <Stack gap="lg">
      <PageHeader
        title="Members"
        description={
          manage
            ? 'Everyone in this workspace. Change a role, remove someone, or give them a password reset link.'
            : 'Everyone in this workspace and their role. Only admins can change roles.'
        }
      />
      <QueryStatus query={members}>
        {(items) => (
          <Paper withBorder radius="md">
            <Table verticalSpacing="sm" horizontalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th visibleFrom="sm">Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th visibleFrom="md">Joined</Table.Th>
                  {manage && (
                    <Table.Th ta="right">
                      <Text span size="sm" fw={700} visibleFrom="sm">
                        Actions
                      </Text>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((member) => (
                  <Table.Tr key={member.userId}>
                    <Table.Td>
                      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {member.name}
                        {member.userId === user.id && (
                          <Badge size="xs" variant="light" color="gray" ml={6} tt="none" style={{ verticalAlign: 'middle' }}>
                            You
                          </Badge>
                        )}
                      </Text>
                      <Text size="xs" c="dimmed" hiddenFrom="sm" style={{ wordBreak: 'break-word' }}>
                        {member.email}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {member.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {manage ? (
                        <RoleSelect
                          aria-label={`Role of ${member.name}`}
                          size="xs"
                          w={{ base: 116, sm: 160 }}
                          value={member.role}
                          disabled={changeRole.isPending && changeRole.variables?.userId === member.userId}
                          onChange={(role) => onRoleChange(member, role)}
                        />
                      ) : (
                        <Text size="sm">{ROLE_LABELS[member.role]}</Text>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm">{formatDate(member.joinedAt, details.timeZone)}</Text>
                    </Table.Td>
                    {manage && (
                      <Table.Td>
                        <Group gap={2} wrap="nowrap" justify="flex-end">
                          <Tooltip label="Password reset link">
                            <ActionIcon
                              variant="subtle"
                              aria-label={`Password reset link for ${member.name}`}
                              loading={resetLink.isPending && resetLink.variables === member.userId}
                              onClick={() => onResetLink(member)}
                            >
                              <IconKey size={18} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={member.userId === user.id ? 'Leave workspace' : 'Remove from workspace'}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={`Remove ${member.name}`}
                              onClick={() => setRemoving(member)}
                            >
                              <IconUserMinus size={18} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryStatus>
      <RemoveMemberModal member={removing} onClose={() => setRemoving(null)} />
      <ResetLinkModal issued={issued} onClose={() => setIssued(null)} />
    </Stack>
  );
}
