import { Button, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconPlus, IconSelector } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../../core/permissions.ts';
import { workspacePath } from '../../navigation.ts';
import type { WorkspaceSummary } from '../../types.ts';
import { CreateWorkspaceModal } from './CreateWorkspaceModal.tsx';

type Props = { current: WorkspaceSummary; workspaces: WorkspaceSummary[] };

/** Header menu: jump to another workspace, or create one. */
export function WorkspaceSwitcher({ current, workspaces }: Props) {
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <>
      <Menu position="bottom-end" width={260} shadow="md">
        <Menu.Target>
          <Button
            variant="default"
            rightSection={<IconSelector size={16} />}
            aria-label={`Switch workspace (current: ${current.name})`}
            maw={{ base: 150, xs: 260 }}
            styles={{ label: { minWidth: 0 } }}
          >
            <Text span size="sm" fw={600} truncate="end">
              {current.name}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your workspaces</Menu.Label>
          {workspaces.map((workspace) => (
            <Menu.Item
              key={workspace.id}
              component={Link}
              to={workspacePath(workspace.slug)}
              leftSection={workspace.id === current.id ? <IconCheck size={16} /> : <span style={{ width: 16 }} />}
              rightSection={
                <Text size="xs" c="dimmed">
                  {ROLE_LABELS[workspace.role]}
                </Text>
              }
            >
              {workspace.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={open}>
            Create workspace
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateWorkspaceModal opened={creating} onClose={close} />
    </>
  );
}
