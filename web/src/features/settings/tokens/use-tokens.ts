import type { Action } from '../../../../../core/permissions.ts';
import { api } from '../../../api.ts';
import { queryKeys } from '../../../query-keys.ts';
import type { Token, TokenCreated } from '../../../types.ts';
import { useWorkspaceList, useWorkspaceMutation } from '../../workspaces/use-workspace-api.ts';

export type TokenCreate = { name: string; permissions: Action[]; expiresInDays: number | null };

export function useTokens() {
  return useWorkspaceList<Token>(queryKeys.tokens, 'tokens');
}

export function useCreateToken() {
  return useWorkspaceMutation((workspaceId, body: TokenCreate) =>
    api<TokenCreated>(`/workspaces/${workspaceId}/tokens`, { method: 'POST', body }),
  );
}

export function useRevokeToken() {
  return useWorkspaceMutation((workspaceId, tokenId: string) =>
    api<void>(`/workspaces/${workspaceId}/tokens/${tokenId}`, { method: 'DELETE' }),
  );
}
