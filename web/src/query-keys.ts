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
  leads: (workspaceId: string, filter: object) => ['workspaces', workspaceId, 'leads', 'list', filter] as const,
  lead: (workspaceId: string, leadId: string) => ['workspaces', workspaceId, 'leads', leadId] as const,
  savedViews: (workspaceId: string) => ['workspaces', workspaceId, 'saved-views'] as const,
  funnel: (workspaceId: string, query: object) => ['workspaces', workspaceId, 'funnel', query] as const,
  /** A list of accounts or deals, or one of them. */
  records: (workspaceId: string, kind: 'accounts' | 'deals') => ['workspaces', workspaceId, kind, 'list'] as const,
  record: (workspaceId: string, kind: 'accounts' | 'deals', id: string) => ['workspaces', workspaceId, kind, id] as const,
  importPresets: (workspaceId: string) => ['workspaces', workspaceId, 'import-presets'] as const,
  trackingSites: (workspaceId: string) => ['workspaces', workspaceId, 'tracking-sites'] as const,
  linkInfo: (secret: string) => ['link', secret] as const,
  invitationInfo: (secret: string) => ['invitation', secret] as const,
};
