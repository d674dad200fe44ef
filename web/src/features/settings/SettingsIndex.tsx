import { Navigate } from 'react-router';
import { SETTINGS_PAGES, visibleNavItems } from '../../navigation.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';

/** `/w/:slug/settings`: opens the first settings page the person may use. */
export function SettingsIndex() {
  const { can, pathTo } = useCurrentWorkspace();
  const first = visibleNavItems(SETTINGS_PAGES, can)[0];
  return <Navigate to={pathTo(first ? first.path : '')} replace />;
}
