import type { Role } from '../../../../../core/permissions.ts';
import { api } from '../../../api.ts';
import { queryKeys } from '../../../query-keys.ts';
import type { Invitation } from '../../../types.ts';
import { useWorkspaceList, useWorkspaceMutation } from '../../workspaces/use-workspace-api.ts';

export type InvitationCreated = { invitation: Invitation; url: string };

export function useInvitations() {
  return useWorkspaceList<Invitation>(queryKeys.invitations, 'invitations');
}

export function useInvite() {
  return useWorkspaceMutation((workspaceId, body: { email: string; role: Role }) =>
    api<InvitationCreated>(`/workspaces/${workspaceId}/invitations`, { method: 'POST', body }),
  );
}

export function useRevokeInvitation() {
  return useWorkspaceMutation((workspaceId, invitationId: string) =>
    api<void>(`/workspaces/${workspaceId}/invitations/${invitationId}`, { method: 'DELETE' }),
  );
}
