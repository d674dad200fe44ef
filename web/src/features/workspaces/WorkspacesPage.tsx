import { Anchor, Button, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronRight, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../../core/permissions.ts';
import { CenteredCard } from '../../components/CenteredCard.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { workspacePath } from '../../navigation.ts';
import { useMe } from '../auth/use-me.ts';
import { useSignOut } from '../auth/use-sign-out.ts';
import { CreateWorkspaceModal } from './CreateWorkspaceModal.tsx';

/** `/workspaces`: every workspace the person belongs to, and a way to create one. */
export function WorkspacesPage() {
  const me = useMe();
  const signOut = useSignOut();
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <CenteredCard title="Your workspaces" description="Choose the workspace to open.">
      <QueryStatus query={me}>
        {({ user, workspaces }) => (
          <Stack gap="sm">
            {workspaces.length === 0 ? (
              <Text size="sm">
                You are not a member of any workspace yet. Ask an admin to invite you, or create your own.
              </Text>
            ) : (
              <Stack gap={4}>
                {workspaces.map((workspace) => (
                  <NavLink
                    key={workspace.id}
                    component={Link}
                    to={workspacePath(workspace.slug)}
                    label={workspace.name}
                    description={ROLE_LABELS[workspace.role]}
                    rightSection={<IconChevronRight size={16} />}
                    style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}
                  />
                ))}
              </Stack>
            )}
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={open}>
              Create workspace
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              Signed in as {user.email}.{' '}
              <Anchor component="button" type="button" size="xs" onClick={() => signOut.mutate()}>
                Sign out
              </Anchor>
            </Text>
          </Stack>
        )}
      </QueryStatus>
      <CreateWorkspaceModal opened={creating} onClose={close} />
    </CenteredCard>
  );
}
