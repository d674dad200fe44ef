import { Navigate } from 'react-router';
import { FullPageError } from '../../components/FullPageError.tsx';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { workspacePath } from '../../navigation.ts';
import { useMe } from '../auth/use-me.ts';

/** `/`: the first workspace, or the workspace list when there is none (sign-in when signed out). */
export function RootRedirect() {
  const me = useMe();
  if (me.isError) return <FullPageError error={me.error} />;
  if (!me.data) return <FullPageLoader />;
  const first = me.data.workspaces[0];
  return <Navigate to={first ? workspacePath(first.slug) : '/workspaces'} replace />;
}
