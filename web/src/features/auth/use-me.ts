import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';
import type { Me } from '../../types.ts';

export function fetchMe(): Promise<Me> {
  return api<Me>('/auth/me');
}

/** The signed-in person and their workspaces; a 401 here sends the page to sign-in. */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe });
}
