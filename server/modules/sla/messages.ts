import type { NotificationEvent, NotificationMessage } from '../../../core/notifications/events.ts';

/** How the SLA services word their notifications: one lead links to its page, several to a list. */

export type LeadRef = { id: string; name: string };
type Text = { title: string; body: string; link: string };

const NAMED = 5;
const IDS_IN_DATA = 100;

export function leadPath(slug: string, leadId: string): string {
  return `/w/${slug}/leads/${leadId}`;
}

/** The leads list filtered, as the web page reads its query string. */
export function leadsPath(slug: string, filter: Record<string, string>): string {
  return `/w/${slug}/leads?${new URLSearchParams(filter).toString()}`;
}

/** 'Maria Berg, Jonas Okafor and 3 more' */
export function namesOf(leads: readonly LeadRef[]): string {
  const named = leads.slice(0, NAMED).map((lead) => lead.name).join(', ');
  return leads.length > NAMED ? `${named} and ${leads.length - NAMED} more` : named;
}

/** A time as the people of the calendar's zone read it: 'Mon 2 Mar, 12:00 CET'. */
export function localTime(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(at);
}

export function leadsMessage(
  event: NotificationEvent,
  leads: readonly LeadRef[],
  texts: { one: (lead: LeadRef) => Text; many: (leads: readonly LeadRef[]) => Text },
  data: Record<string, unknown> = {},
): NotificationMessage {
  const text = leads.length === 1 ? texts.one(leads[0]!) : texts.many(leads);
  return { event, ...text, data: { leads: leads.length, leadIds: leads.slice(0, IDS_IN_DATA).map((lead) => lead.id), ...data } };
}
