import { Box } from '@mantine/core';
import { useMemo } from 'react';
import { Outlet, useParams } from 'react-router';
import { can as roleCan } from '../../../../core/permissions.ts';
import { AppLayout } from '../../components/AppLayout.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { workspacePath } from '../../navigation.ts';
import { useMe } from '../auth/use-me.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';
import { CurrentWorkspaceContext, type CurrentWorkspace } from './use-current-workspace.ts';
import { useWorkspaceDetails } from './use-workspaces.ts';
import { MainNav } from './MainNav.tsx';
import { WorkspaceNotFound } from './WorkspaceNotFound.tsx';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.tsx';

/** `/w/:slug/*`: loads the workspace, provides it to the pages, and frames them in the app shell. */
export function WorkspaceLayout() {
  const { slug = '' } = useParams();
  const me = useMe();
  const workspace = me.data?.workspaces.find((w) => w.slug === slug);
  const details = useWorkspaceDetails(workspace?.id);

  const current = useMemo<CurrentWorkspace | null>(() => {
    if (!me.data || !workspace || !details.data) return null;
    const actor = { kind: 'user', userId: me.data.user.id, role: workspace.role } as const;
    return {
      user: me.data.user,
      workspace,
      details: details.data,
      workspaces: me.data.workspaces,
      can: (action) => roleCan(actor, action),
      pathTo: (path) => workspacePath(workspace.slug, path),
    };
  }, [me.data, workspace, details.data]);

  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <FullPageError error={me.error} />;
  if (!workspace) return <WorkspaceNotFound />;
  if (details.isError) return <FullPageError error={details.error} title="Could not open this workspace" />;
  if (!current) return <FullPageLoader />;

  return (
    <CurrentWorkspaceContext.Provider value={current}>
      <AppLayout
        headerRight={
          <>
            <WorkspaceSwitcher current={current.workspace} workspaces={current.workspaces} />
            <NotificationBell />
            <UserMenu user={current.user} />
          </>
        }
        navbar={<MainNav />}
      >
        <Box maw={1100} mx="auto">
          <Outlet />
        </Box>
      </AppLayout>
    </CurrentWorkspaceContext.Provider>
  );
}
