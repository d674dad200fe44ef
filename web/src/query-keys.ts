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
  campaigns: (workspaceId: string) => ['workspaces', workspaceId, 'campaigns', 'list'] as const,
  /** The lead contract: its versions, one version, the sample leads of the editor's preview. */
  contractVersions: (workspaceId: string) => ['workspaces', workspaceId, 'lead-contract', 'list'] as const,
  contractVersion: (workspaceId: string, version: number) => ['workspaces', workspaceId, 'lead-contract', 'version', version] as const,
  contractDiff: (workspaceId: string, from: number, to: number) => ['workspaces', workspaceId, 'lead-contract', 'diff', from, to] as const,
  contractSample: (workspaceId: string) => ['workspaces', workspaceId, 'lead-contract', 'sample'] as const,
  leadScore: (workspaceId: string, leadId: string) => ['workspaces', workspaceId, 'leads', leadId, 'score'] as const,
  /** The signed-in person's notifications (prefix), the bell's latest ones, the inbox page with its filter. */
  notifications: (workspaceId: string) => ['workspaces', workspaceId, 'notifications'] as const,
  notificationsLatest: (workspaceId: string) => ['workspaces', workspaceId, 'notifications', 'latest'] as const,
  notificationsInbox: (workspaceId: string, filter: object) => ['workspaces', workspaceId, 'notifications', 'inbox', filter] as const,
  notificationPreferences: (workspaceId: string) => ['workspaces', workspaceId, 'notification-preferences'] as const,
  webhooks: (workspaceId: string) => ['workspaces', workspaceId, 'webhooks'] as const,
  outbox: (workspaceId: string, filter: object) => ['workspaces', workspaceId, 'outbox', filter] as const,
  /** The MQL handover: the inbox with its filter, one lead's handover, the SLA ledger, working hours and routing, the reps. */
  handovers: (workspaceId: string, filter: object) => ['workspaces', workspaceId, 'handovers', filter] as const,
  leadHandover: (workspaceId: string, leadId: string) => ['workspaces', workspaceId, 'leads', leadId, 'handover'] as const,
  slaLedger: (workspaceId: string, period: object) => ['workspaces', workspaceId, 'sla-ledger', period] as const,
  salesSettings: (workspaceId: string) => ['workspaces', workspaceId, 'sales-settings'] as const,
  reps: (workspaceId: string) => ['workspaces', workspaceId, 'reps'] as const,
  /** The campaign calendar: the calendar with its filters, one campaign's plan, gate, forecast and briefing, a rep's upcoming campaigns, products. */
  calendar: (workspaceId: string, query: object) => ['workspaces', workspaceId, 'calendar', query] as const,
  campaignPlan: (workspaceId: string, id: string) => ['workspaces', workspaceId, 'campaign', id, 'plan'] as const,
  readiness: (workspaceId: string, id: string) => ['workspaces', workspaceId, 'campaign', id, 'readiness'] as const,
  forecast: (workspaceId: string, id: string) => ['workspaces', workspaceId, 'campaign', id, 'forecast'] as const,
  briefing: (workspaceId: string, id: string) => ['workspaces', workspaceId, 'campaign', id, 'briefing'] as const,
  upcomingCampaigns: (workspaceId: string) => ['workspaces', workspaceId, 'upcoming-campaigns'] as const,
  campaignSettings: (workspaceId: string) => ['workspaces', workspaceId, 'campaign-settings'] as const,
  calendarFeed: (workspaceId: string) => ['workspaces', workspaceId, 'calendar-feed'] as const,
  products: (workspaceId: string, query: object) => ['workspaces', workspaceId, 'products', 'list', query] as const,
  /** Targets and credit: the targets, a period's scorecard, the credit policy's versions and one version, the disputes with their filter, one dispute. */
  targets: (workspaceId: string) => ['workspaces', workspaceId, 'targets'] as const,
  scorecard: (workspaceId: string, period: string) => ['workspaces', workspaceId, 'scorecard', period] as const,
  creditPolicyVersions: (workspaceId: string) => ['workspaces', workspaceId, 'credit-policy', 'list'] as const,
  creditPolicyVersion: (workspaceId: string, version: number) => ['workspaces', workspaceId, 'credit-policy', 'version', version] as const,
  disputes: (workspaceId: string, filter: object) => ['workspaces', workspaceId, 'credit-disputes', 'list', filter] as const,
  dispute: (workspaceId: string, id: string) => ['workspaces', workspaceId, 'credit-disputes', id] as const,
  /** Attribution: the report of a period, the lookback window, the revenue bridge of a period. */
  attribution: (workspaceId: string, query: object) => ['workspaces', workspaceId, 'attribution', query] as const,
  attributionSettings: (workspaceId: string) => ['workspaces', workspaceId, 'attribution-settings'] as const,
  bridge: (workspaceId: string, query: object) => ['workspaces', workspaceId, 'bridge', query] as const,
  linkInfo: (secret: string) => ['link', secret] as const,
  invitationInfo: (secret: string) => ['invitation', secret] as const,
};
