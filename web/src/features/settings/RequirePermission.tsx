import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Action } from '../../../../core/permissions.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';

/** Shows the page only to roles that may use it; others get a plain explanation. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const { can } = useCurrentWorkspace();
  if (can(action)) return <>{children}</>;
  return (
    <Alert color="gray" icon={<IconLock />} title="Not available with your role">
      Your role in this workspace cannot use this page. Ask an admin if you need access.
    </Alert>
  );
}
