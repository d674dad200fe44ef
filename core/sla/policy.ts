import type { SlaPolicy, WorkingCalendar } from '../schemas/sla.ts';
import { addBusinessHours, addCalendarDays, businessHoursBetween } from './business-time.ts';

/**
 * Sales' side of the SLA for one MQL, judged as of `now`: first contact within business hours of
 * the clock start (assignment, or becoming an MQL while unassigned), enough attempts within a
 * number of calendar days, and a decision (accept or reject) before the MQL goes stale.
 * Everything stamped after `now` is ignored, so an evaluation as of a past date replays the past.
 */

export type LeadSlaInput = {
  mqlAt: Date;
  assignedAt: Date | null;
  acceptedAt: Date | null;
  rejectedAt: Date | null;
  /** The rep's sales activities (calls, emails, meetings), in any order. */
  attempts: Date[];
};

export type FirstContactState = 'met' | 'breached' | 'pending' | 'breached_pending';
export type AttemptsState = 'met' | 'breached' | 'pending';
export type SlaBreach = { kind: 'first_contact' | 'attempts'; dueAt: Date };

export type LeadSlaEvaluation = {
  firstContactDueAt: Date;
  firstContactAt: Date | null;
  /** Business hours from the clock start to the first contact; 0 for a contact made before assignment. */
  firstContactBusinessHours: number | null;
  /** 'breached_pending': overdue and still not contacted. */
  firstContactState: FirstContactState;
  attemptsDueAt: Date;
  attemptsMade: number;
  attemptsState: AttemptsState;
  /** Neither accepted nor rejected `staleAfterDays` days after becoming an MQL: recycled to nurture. */
  stale: boolean;
  breaches: SlaBreach[];
};

function firstContactState(contactAt: Date | null, dueAt: Date, now: Date): FirstContactState {
  if (contactAt) return contactAt <= dueAt ? 'met' : 'breached';
  return now > dueAt ? 'breached_pending' : 'pending';
}

/** Enough attempts by the deadline, or a decision by then: a lead accepted or rejected needs no more calls. */
function attemptsState(made: number, required: number, dueAt: Date, decidedAt: Date | null, now: Date): AttemptsState {
  if (made >= required || (decidedAt !== null && decidedAt <= dueAt)) return 'met';
  return now > dueAt ? 'breached' : 'pending';
}

/** When the rep accepted or rejected the MQL, if they had by `now`. */
function decisionBy(lead: LeadSlaInput, now: Date): Date | null {
  const decided = [lead.acceptedAt, lead.rejectedAt].filter((at): at is Date => at !== null && at <= now);
  return decided.length > 0 ? new Date(Math.min(...decided.map((at) => at.getTime()))) : null;
}

/**
 * Attempts count from the moment the lead became an MQL (earlier activities belong to before it
 * qualified) up to `now`; a decision before the deadline ends the need for more. A contact between
 * qualifying and assignment meets the first-contact SLA.
 */
export function evaluateLeadSla(policy: SlaPolicy, calendar: WorkingCalendar, lead: LeadSlaInput, now: Date): LeadSlaEvaluation {
  const clockStart = lead.assignedAt ?? lead.mqlAt;
  const contacts = lead.attempts.filter((at) => at >= lead.mqlAt && at <= now).sort((a, b) => a.getTime() - b.getTime());
  const firstContactAt = contacts[0] ?? null;
  const firstContactDueAt = addBusinessHours(calendar, clockStart, policy.firstContactHours);
  const attemptsDueAt = addCalendarDays(calendar.timeZone, clockStart, policy.attemptsWithinDays);
  const attemptsMade = contacts.filter((at) => at <= attemptsDueAt).length;
  const contactState = firstContactState(firstContactAt, firstContactDueAt, now);
  const decidedAt = decisionBy(lead, now);
  const attemptsResult = attemptsState(attemptsMade, policy.attempts, attemptsDueAt, decidedAt, now);
  const breaches: SlaBreach[] = [];
  if (contactState === 'breached' || contactState === 'breached_pending') breaches.push({ kind: 'first_contact', dueAt: firstContactDueAt });
  if (attemptsResult === 'breached') breaches.push({ kind: 'attempts', dueAt: attemptsDueAt });
  return {
    firstContactDueAt,
    firstContactAt,
    firstContactBusinessHours: firstContactAt ? businessHoursBetween(calendar, clockStart, firstContactAt) : null,
    firstContactState: contactState,
    attemptsDueAt,
    attemptsMade,
    attemptsState: attemptsResult,
    stale: decidedAt === null && now >= addCalendarDays(calendar.timeZone, lead.mqlAt, policy.staleAfterDays),
    breaches,
  };
}
