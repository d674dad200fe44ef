import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { CenteredCard } from '../../components/CenteredCard.tsx';

export function WorkspaceNotFound() {
  return (
    <CenteredCard
      title="Workspace not found"
      description="There is no workspace at this address, or you are not a member of it. It may also have been renamed."
    >
      <Button component={Link} to="/workspaces" fullWidth>
        Go to your workspaces
      </Button>
    </CenteredCard>
  );
}
