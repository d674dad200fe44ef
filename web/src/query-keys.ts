/** Every cached server answer is filed under one of these keys. */
export const queryKeys = {
  me: ['me'] as const,
  /** Prefix of everything cached about any workspace. */
  allWorkspaces: ['workspaces'] as const,
  workspace: (workspaceId: string) => ['workspaces', workspaceId] as const,
  members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
  invitations: (workspaceId: string) => ['workspaces', workspaceId, 'invitations'] as const,
  tokens: (workspaceId: string) => ['workspaces', workspaceId, 'tokens'] as const,
  audit: (workspaceId: string, filters?: object) =>
    filters ? (['workspaces', workspaceId, 'audit', filters] as const) : (['workspaces', workspaceId, 'audit'] as const),
  linkInfo: (secret: string) => ['link', secret] as const,
  invitationInfo: (secret: string) => ['invitation', secret] as const,
};
