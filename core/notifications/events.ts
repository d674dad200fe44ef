/** What Accord tells people about, and through which channels. */

export const NOTIFICATION_EVENTS = [
  'mql_assigned',
  'mql_unassigned',
  'sla_breach',
  'lead_rejected',
  'definition_proposed',
  'definition_activated',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const EVENT_LABELS: Record<NotificationEvent, string> = {
  mql_assigned: 'An MQL is assigned to me',
  mql_unassigned: 'An MQL found no rep to take it',
  sla_breach: 'An SLA is breached on my leads or my team’s',
  lead_rejected: 'Sales rejects an MQL',
  definition_proposed: 'A lead contract version awaits signatures',
  definition_activated: 'A new lead contract version is active',
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
};

/** A message about an event, as every channel renders it. */
export type NotificationMessage = { event: NotificationEvent; title: string; body: string; link: string | null; data: Record<string, unknown> };
