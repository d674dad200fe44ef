/** What Accord tells people about, and through which channels. */

export const NOTIFICATION_EVENTS = [
  'mql_assigned',
  'mql_unassigned',
  'sla_breach',
  'lead_rejected',
  'definition_proposed',
  'definition_activated',
  'briefing_published',
  'acknowledgement_missing',
  'stock_shortfall',
  'launch_blocked',
  'launch_tomorrow',
  'credit_policy_proposed',
  'credit_policy_activated',
  'credit_dispute_opened',
  'credit_dispute_resolved',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const EVENT_LABELS: Record<NotificationEvent, string> = {
  mql_assigned: 'An MQL is assigned to me',
  mql_unassigned: 'An MQL found no rep to take it',
  sla_breach: 'An SLA is breached on my leads or my team’s',
  lead_rejected: 'Sales rejects an MQL',
  definition_proposed: 'A lead contract version awaits signatures',
  definition_activated: 'A new lead contract version is active',
  briefing_published: 'A sales briefing for a campaign is published',
  acknowledgement_missing: 'A sales briefing is not acknowledged as launch nears',
  stock_shortfall: 'A campaign’s stock is short or not confirmed',
  launch_blocked: 'A campaign launch is blocked by its readiness',
  launch_tomorrow: 'A campaign launches tomorrow',
  credit_policy_proposed: 'A credit policy version awaits signatures',
  credit_policy_activated: 'A new credit policy version is active',
  credit_dispute_opened: 'A deal’s credit is disputed',
  credit_dispute_resolved: 'A credit dispute is resolved',
};

/** Channels a person chooses; webhooks are the workspace's, subscribed per event. */
export const PERSONAL_CHANNELS = ['in_app', 'email'] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];
export type NotificationChannel = PersonalChannel | 'webhook';

/** Until a person chooses: the inbox always, and email for what needs acting on now. */
export const DEFAULT_CHANNELS: Record<NotificationEvent, PersonalChannel[]> = {
  mql_assigned: ['in_app', 'email'],
  mql_unassigned: ['in_app', 'email'],
  sla_breach: ['in_app', 'email'],
  lead_rejected: ['in_app'],
  definition_proposed: ['in_app', 'email'],
  definition_activated: ['in_app'],
  briefing_published: ['in_app', 'email'],
  acknowledgement_missing: ['in_app', 'email'],
  stock_shortfall: ['in_app', 'email'],
  launch_blocked: ['in_app', 'email'],
  launch_tomorrow: ['in_app'],
  credit_policy_proposed: ['in_app', 'email'],
  credit_policy_activated: ['in_app'],
  credit_dispute_opened: ['in_app', 'email'],
  credit_dispute_resolved: ['in_app', 'email'],
};

/** A message about an event, as every channel renders it. */
export type NotificationMessage = { event: NotificationEvent; title: string; body: string; link: string | null; data: Record<string, unknown> };
