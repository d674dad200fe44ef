import type { Role } from '../../../../../core/permissions.ts';
import { api } from '../../../api.ts';
import { queryKeys } from '../../../query-keys.ts';
import type { Member, OneTimeLink } from '../../../types.ts';
import { useWorkspaceList, useWorkspaceMutation } from '../../workspaces/use-workspace-api.ts';

export function useMembers() {
  return useWorkspaceList<Member>(queryKeys.members, 'members');
}

export function useChangeRole() {
  return useWorkspaceMutation((workspaceId, { userId, role }: { userId: string; role: Role }) =>
    api<Member>(`/workspaces/${workspaceId}/members/${userId}`, { method: 'PATCH', body: { role } }),
  );
}

export function useRemoveMember() {
  return useWorkspaceMutation((workspaceId, userId: string) =>
    api<void>(`/workspaces/${workspaceId}/members/${userId}`, { method: 'DELETE' }),
  );
}

export function useResetLink() {
  return useWorkspaceMutation((workspaceId, userId: string) =>
    api<OneTimeLink>(`/workspaces/${workspaceId}/members/${userId}/reset-link`, { method: 'POST' }),
  );
}
