/** The one place where access is decided: which role may do which action. */

export const ROLES = [
  'admin',
  'marketing',
  'marketing_lead',
  'sales_rep',
  'sales_manager',
  'operations',
  'finance',
  'executive',
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'workspace.read',
  'workspace.update',
  'members.read',
  'members.manage',
  'invitations.manage',
  'tokens.manage',
  'audit.read',
  'funnel.read',
  'funnel.write',
  'funnel.import',
  'funnel.export',
  'tracking.manage',
  'contract.edit',
  'contract.sign',
  'leads.handle',
  'sales.manage',
  'notifications.manage',
  'campaigns.edit',
  'stock.manage',
  'offers.approve',
  'briefings.acknowledge',
  'launch.override',
  'targets.manage',
  'credit.edit',
  'credit.sign',
  'credit.dispute',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, string> = {
  'workspace.read': 'See the workspace',
  'workspace.update': 'Change workspace settings',
  'members.read': 'See members',
  'members.manage': 'Change roles, remove members, issue password reset links',
  'invitations.manage': 'Invite people',
  'tokens.manage': 'Create and revoke API tokens',
  'audit.read': 'Read the audit log',
  'funnel.read': 'See leads, accounts, deals, campaigns and the funnel',
  'funnel.write': 'Create and change leads, accounts, deals, activities and touchpoints',
  'funnel.import': 'Import CSV files',
  'funnel.export': 'Export leads and deals as CSV',
  'tracking.manage': 'Manage website tracking sites',
  'contract.edit': 'Draft, propose and comment on lead contract versions; run backtests',
  'contract.sign': 'Sign a lead contract version for their team (marketing lead, sales manager)',
  'leads.handle': 'Accept or reject the MQLs handed to them',
  'sales.manage': 'Set working hours, routing rules and reps’ availability',
  'notifications.manage': 'Manage the workspace’s webhooks',
  'campaigns.edit': 'Plan campaigns and promotions, publish their sales briefings and schedule their launch',
  'stock.manage': 'Keep products and stock, and confirm stock (or accept a shortfall) for campaigns',
  'offers.approve': 'Approve a campaign offer’s price or discount for their team (marketing lead, sales manager, finance)',
  'briefings.acknowledge': 'Acknowledge a sales briefing (sales reps; sales managers also for their reps)',
  'launch.override': 'Schedule a launch that the readiness gate blocks, with a reason',
  'targets.manage': 'Set the shared revenue targets and the attribution lookback window',
  'credit.edit': 'Draft, propose and comment on credit policy versions',
  'credit.sign': 'Sign a credit policy version and resolve credit disputes for their team (marketing lead, sales manager)',
  'credit.dispute': 'Dispute the credit of a deal, with a reason',
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  marketing: 'Marketing',
  marketing_lead: 'Marketing lead',
  sales_rep: 'Sales rep',
  sales_manager: 'Sales manager',
  operations: 'Operations',
  finance: 'Finance',
  executive: 'Executive',
};

const EVERY_ROLE_CAN: readonly Action[] = ['workspace.read', 'members.read', 'funnel.read'];
const WORKS_THE_FUNNEL: readonly Action[] = [...EVERY_ROLE_CAN, 'funnel.write'];
const LEADS_A_TEAM: readonly Action[] = [...WORKS_THE_FUNNEL, 'funnel.import', 'funnel.export'];

/** What only the holders of a team role do, never an admin on their behalf: sign for a team, approve an offer, dispute or settle credit as a team. */
const TEAM_SIGNATURES: readonly Action[] = ['contract.sign', 'offers.approve', 'credit.sign', 'credit.dispute'];

/** Credit: either team drafts the policy and disputes a deal's credit; the two signers also set targets, sign and resolve. */
const DISPUTES_CREDIT: readonly Action[] = ['credit.edit', 'credit.dispute'];
const SETTLES_CREDIT: readonly Action[] = [...DISPUTES_CREDIT, 'credit.sign', 'targets.manage'];

const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: ACTIONS.filter((action) => !TEAM_SIGNATURES.includes(action)),
  marketing: [...LEADS_A_TEAM, 'contract.edit', 'campaigns.edit', ...DISPUTES_CREDIT],
  marketing_lead: [...LEADS_A_TEAM, 'contract.edit', 'contract.sign', 'notifications.manage', 'campaigns.edit', 'offers.approve', ...SETTLES_CREDIT],
  sales_rep: [...WORKS_THE_FUNNEL, 'leads.handle', 'briefings.acknowledge', 'credit.dispute'],
  sales_manager: [...LEADS_A_TEAM, 'contract.edit', 'contract.sign', 'leads.handle', 'sales.manage', 'notifications.manage', 'offers.approve', 'briefings.acknowledge', ...SETTLES_CREDIT],
  operations: [...EVERY_ROLE_CAN, 'stock.manage'],
  finance: [...EVERY_ROLE_CAN, 'offers.approve'],
  executive: [...EVERY_ROLE_CAN, 'audit.read', 'funnel.export'],
};

/** The roles whose signatures, together, make a lead contract version active. */
export const SIGNING_ROLES = ['marketing_lead', 'sales_manager'] as const satisfies readonly Role[];
export type SigningRole = (typeof SIGNING_ROLES)[number];

/**
 * Who is acting: a signed-in member (with their role), an API token (with its granted actions),
 * or Accord itself on behalf of something outside (the website snippet), which holds no rights.
 */
export type Actor =
  | { kind: 'user'; userId: string; role: Role }
  | { kind: 'token'; tokenId: string; createdBy: string; permissions: readonly Action[] }
  | { kind: 'system'; name: string };

export function actionsOfRole(role: Role): readonly Action[] {
  return ROLE_ACTIONS[role];
}

/** True when the actor may perform the action in the workspace it is acting in. */
export function can(actor: Actor, action: Action): boolean {
  if (actor.kind === 'user') return ROLE_ACTIONS[actor.role].includes(action);
  if (actor.kind === 'token') return actor.permissions.includes(action);
  return false;
}

/** Actions that an actor may put on a new API token: never more than it holds itself. */
export function grantableActions(actor: Actor): Action[] {
  return ACTIONS.filter((action) => can(actor, action));
}

/** The person recorded as "who did it" in history rows: the user, or the token's creator; none for the system. */
export function actorUserId(actor: Actor): string | null {
  if (actor.kind === 'system') return null;
  return actor.kind === 'user' ? actor.userId : actor.createdBy;
}

/** The person answerable for an action that needs one (an invitation, a token, a saved view). */
export function personId(actor: Actor): string {
  const id = actorUserId(actor);
  if (!id) throw new Error(`${actor.kind} actor cannot do this: a person is needed`);
  return id;
}
