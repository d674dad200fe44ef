import { DEFAULT_LEAD_DEFINITION, type Seniority } from '../../core/schemas/scoring.ts';
import { DEFAULT_SLA_POLICY } from '../../core/schemas/sla.ts';
import { seniorityOf, type ScoreLine } from '../../core/scoring/evaluate.ts';
import { addBusinessHours, addCalendarDays } from '../../core/sla/business-time.ts';
import { buildHandoverNote, type HandoverNote } from '../../core/sla/handover.ts';
import type { HandoverDecision } from '../modules/sla/sla.table.ts';
import { defaultCalendar } from '../modules/sla/settings.service.ts';
import type { Arrival } from './arrival.ts';
import { TITLES, type Persona } from './catalog.ts';
import type { Journey, Transition } from './journey.ts';
import type { Person } from './people.ts';
import type { Sinks } from './sinks.ts';

/**
 * The MQL handovers of the demo's history, as the SLA module would have kept them under the
 * contract the demo adopts (version 1: the built-in definition and SLA, Monday to Friday 09:00 to
 * 17:00 UTC): the note the rep read, the SLA clocks, the rep's decision, and a breach stamp on every
 * due date already missed, so that the SLA sweep tells nobody about the past. First contact is the
 * first sales activity after the MQL. The note is kept small and cheap (a million leads): plausible
 * scores from the person and how they asked, not the scorer's, and no touchpoints.
 */

const VERSION = 1;
const POLICY = DEFAULT_SLA_POLICY;
const CALENDAR = defaultCalendar('UTC');

const FIT_RULES = new Map(DEFAULT_LEAD_DEFINITION.fitRules.map((rule) => [rule.id, rule]));
const ENGAGEMENT_RULES = new Map(DEFAULT_LEAD_DEFINITION.engagementRules.map((rule) => [rule.id, rule]));

function fitLine(ruleId: string): ScoreLine {
  const rule = FIT_RULES.get(ruleId)!;
  return { ruleId, label: rule.label, kind: 'fit', points: rule.points };
}

function engagementLine(ruleId: string, touches: number): ScoreLine {
  const rule = ENGAGEMENT_RULES.get(ruleId)!;
  return { ruleId, label: rule.label, kind: 'engagement', points: Math.min(touches * rule.pointsPerTouch, rule.cap) };
}

const SENIORITY_RULES: Partial<Record<Seniority, string>> = { c_level: 'senior-role', vp: 'senior-role', director: 'director', manager: 'manager' };
/** The seniority line of each title the demo's people have, or null. */
const SENIORITY_LINES = new Map(
  Object.values(TITLES)
    .flat()
    .map((title) => {
      const ruleId = SENIORITY_RULES[seniorityOf(title)];
      return [title, ruleId ? fitLine(ruleId) : null] as const;
    }),
);
const LARGE = fitLine('large');
const MID_SIZE = fitLine('mid-size');
const BUSINESS_EMAIL = fitLine('business-email');
const FREE_MAIL = fitLine('free-mail');
const DEMO_REQUEST = engagementLine('demo-request', 1);
const EVENTS = engagementLine('webinar', 2);

/** Fit as the built-in rules see the person: seniority, company size, kind of email address. */
function fitLines(person: Person, persona: Persona): ScoreLine[] {
  const lines: ScoreLine[] = [];
  const seniority = SENIORITY_LINES.get(person.title);
  if (seniority) lines.push(seniority);
  const employees = person.account?.employees ?? 0;
  if (employees > 1000) lines.push(LARGE);
  else if (employees >= 50) lines.push(MID_SIZE);
  if (person.account) lines.push(BUSINESS_EMAIL);
  else if (persona !== 'student') lines.push(FREE_MAIL);
  return lines;
}

/** Engagement: how the lead asked, at an event or webinar or through a form. */
function engagementOf(arrival: Arrival): ScoreLine {
  return arrival.profile.channel === 'event' || arrival.profile.channel === 'webinar' ? EVENTS : DEMO_REQUEST;
}

function total(lines: readonly ScoreLine[]): number {
  let sum = 0;
  for (const line of lines) sum += line.points;
  return sum;
}

/** The lead as its handover needs it. */
type HandoverLead = { id: string; person: Person; arrival: Arrival; journey: Journey };

function noteOf({ person, arrival }: HandoverLead): HandoverNote {
  const fit = fitLines(person, arrival.persona);
  const engagement = engagementOf(arrival);
  const account = person.account;
  return buildHandoverNote({
    version: VERSION,
    fit: total(fit),
    engagement: engagement.points,
    leadName: `${person.firstName} ${person.lastName}`,
    breakdown: [...fit, engagement],
    touchpoints: [],
    campaign: arrival.campaign ? { id: arrival.campaign.id, name: arrival.campaign.name } : null,
    account: account
      ? { name: account.name, industry: account.industry.name, employees: account.employees, country: account.country.code, openDeals: 0, wonDeals: 0 }
      : null,
  });
}

/** The SLA's clocks from the MQL (the demo assigns at once), in epoch seconds. */
type Clocks = { firstContactDueAt: number; attemptsDueAt: number; staleAt: number };

function seconds(date: Date): number {
  return date.getTime() / 1000;
}

function clocksOf(mqlAt: number): Clocks {
  const start = new Date(mqlAt * 1000);
  return {
    firstContactDueAt: seconds(addBusinessHours(CALENDAR, start, POLICY.firstContactHours)),
    attemptsDueAt: seconds(addCalendarDays(CALENDAR.timeZone, start, POLICY.attemptsWithinDays)),
    staleAt: seconds(addCalendarDays(CALENDAR.timeZone, start, POLICY.staleAfterDays)),
  };
}

type Verdict = {
  decision: HandoverDecision | null;
  decidedAt: number | null;
  decidedBy: string | null;
  rejectionReason: Transition['rejection'];
  rejectionNote: string | null;
};

const OPEN: Verdict = { decision: null, decidedAt: null, decidedBy: null, rejectionReason: null, rejectionNote: null };

/** The rep's decision, from the stage change that followed the MQL; undecided past the stale date, the sweep recycled it. */
function verdictOf(next: Transition | undefined, clocks: Clocks, now: number): Verdict {
  if (next?.to === 'sal') return { ...OPEN, decision: 'accepted', decidedAt: next.at, decidedBy: next.actorId };
  if (next?.rejection) return { decision: 'rejected', decidedAt: next.at, decidedBy: next.actorId, rejectionReason: next.rejection, rejectionNote: next.reason };
  return clocks.staleAt <= now ? { ...OPEN, decision: 'recycled', decidedAt: clocks.staleAt } : OPEN;
}

/** The due date when it has passed without being kept (a breach already told), else null. */
function missed(dueAt: number, kept: boolean, now: number): number | null {
  return dueAt <= now && !kept ? dueAt : null;
}

/** A stamp on each due date already passed without the first contact, or without enough attempts. */
function breachStamps(contacts: readonly number[], mqlAt: number, clocks: Clocks, now: number) {
  let firstContactAt = Infinity;
  let attempts = 0;
  for (const at of contacts) {
    if (at < mqlAt) continue;
    firstContactAt = Math.min(firstContactAt, at);
    if (at <= clocks.attemptsDueAt) attempts += 1;
  }
  return {
    firstContactBreachNotifiedAt: missed(clocks.firstContactDueAt, firstContactAt <= clocks.firstContactDueAt, now),
    attemptsBreachNotifiedAt: missed(clocks.attemptsDueAt, attempts >= POLICY.attempts, now),
  };
}

/** The lead's handover, when it became an MQL (the first time: a lead is handed over once). */
export function addHandover(sinks: Sinks, now: number, lead: HandoverLead): void {
  const { transitions, owner, contacts } = lead.journey;
  const index = transitions.findIndex((t) => t.to === 'mql');
  if (index < 0) return;
  const mqlAt = transitions[index]!.at;
  const clocks = clocksOf(mqlAt);
  sinks.handovers.push({
    leadId: lead.id,
    version: VERSION,
    mqlAt,
    ownerId: owner!.id,
    assignedAt: mqlAt,
    routingRule: 'demo',
    note: noteOf(lead),
    firstContactDueAt: clocks.firstContactDueAt,
    attemptsDueAt: clocks.attemptsDueAt,
    ...verdictOf(transitions[index + 1], clocks, now),
    ...breachStamps(contacts, mqlAt, clocks, now),
  });
}
