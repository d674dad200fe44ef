import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { queryKeys } from '../../query-keys.ts';
import { fetchMe } from './use-me.ts';

/** Only paths on this site may be a destination after sign-in (never another site). */
function safeNext(next: string | null | undefined): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : null;
}

type Options = { workspaceId?: string; next?: string | null };

/** After a session starts: reload who is signed in, then open the wanted page or the first workspace. */
export function useEnterApp(): (options?: Options) => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async ({ workspaceId, next }: Options = {}) => {
      // Forget what a previous session saw (the page itself keeps its own link/invitation query).
      queryClient.removeQueries({ queryKey: queryKeys.allWorkspaces });
      const me = await queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 0 });
      const workspace = me.workspaces.find((w) => w.id === workspaceId) ?? me.workspaces[0];
      const target = safeNext(next) ?? (workspace ? `/w/${workspace.slug}` : '/workspaces');
      await navigate(target, { replace: true });
    },
    [navigate, queryClient],
  );
}
