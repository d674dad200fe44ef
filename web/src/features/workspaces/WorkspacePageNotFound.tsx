import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentWorkspace } from './use-current-workspace.ts';

/** An unknown address inside a workspace: keeps the app frame, offers the way home. */
export function WorkspacePageNotFound() {
  const { pathTo } = useCurrentWorkspace();
  return (
    <Stack align="flex-start">
      <Title order={1} fz="h2">
        Page not found
      </Title>
      <Text c="dimmed">There is no page at this address in this workspace.</Text>
      <Button component={Link} to={pathTo()}>
        Back to the workspace home
      </Button>
    </Stack>
  );
}
