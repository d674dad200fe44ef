/** Plain-language names for what the audit log records. Unknown codes are shown as they are. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'workspace.create': 'Workspace created',
  'workspace.update': 'Workspace settings changed',
  'member.add': 'Member added',
  'member.role_change': 'Role changed',
  'member.remove': 'Member removed',
  'member.reset_link': 'Password reset link issued',
  'invitation.create': 'Invitation created',
  'invitation.revoke': 'Invitation revoked',
  'invitation.accept': 'Invitation accepted',
  'token.create': 'API token created',
  'token.revoke': 'API token revoked',
  'webhook.create': 'Webhook created',
  'webhook.delete': 'Webhook deleted',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  workspace: 'Workspace',
  member: 'Member',
  invitation: 'Invitation',
  token: 'API token',
  webhook: 'Webhook',
};

export const labelOf = (labels: Record<string, string>, code: string): string => labels[code] ?? code;

export const toOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
