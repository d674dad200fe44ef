import { REJECTION_REASONS, type RejectionReason } from '../../../../core/schemas/sla.ts';
import type { AttemptsState, FirstContactState, Handover, LedgerBreach } from '../../types.ts';

/** How the handover and the SLA are worded, the same on the inbox, the lead page and the ledger. */

export const REJECTION_LABELS: Record<RejectionReason, string> = {
  not_a_lead: 'Not a real lead',
  job_seeker: 'Job seeker',
  student: 'Student',
  no_budget: 'No budget',
  wrong_contact: 'Wrong contact',
  duplicate: 'Duplicate',
  competitor: 'Competitor',
  other: 'Other',
};

export const REJECTION_OPTIONS = REJECTION_REASONS.map((reason) => ({ value: reason, label: reason === 'other' ? 'Other (say why in the note)' : REJECTION_LABELS[reason] }));

/** A reason as the server sent it; an unknown one in its own words. */
export function rejectionLabel(reason: string): string {
  return (REJECTION_LABELS as Record<string, string>)[reason] ?? reason.replace(/_/g, ' ');
}

type Look = { label: string; color: string };

export const FIRST_CONTACT_LOOKS: Record<FirstContactState, Look> = {
  pending: { label: 'Awaiting first contact', color: 'blue' },
  breached_pending: { label: 'Overdue: not contacted', color: 'red' },
  met: { label: 'Contacted in time', color: 'teal' },
  breached: { label: 'Contacted late', color: 'orange' },
};

export const ATTEMPTS_LOOKS: Record<AttemptsState, Look> = {
  pending: { label: 'Attempts running', color: 'blue' },
  met: { label: 'Attempts made', color: 'teal' },
  breached: { label: 'Too few attempts', color: 'red' },
};

export const BREACH_LABELS: Record<LedgerBreach['kind'], string> = {
  first_contact: 'First contact late',
  attempts: 'Too few attempts',
};

/** The decision in words: "Open", "Accepted", "Rejected: Job seeker", "Recycled to nurture". */
export function decisionLook(handover: Pick<Handover, 'decision' | 'rejectionReason'>): Look {
  switch (handover.decision) {
    case 'accepted':
      return { label: 'Accepted', color: 'teal' };
    case 'rejected':
      return { label: handover.rejectionReason ? `Rejected: ${rejectionLabel(handover.rejectionReason)}` : 'Rejected', color: 'red' };
    case 'recycled':
      return { label: 'Recycled to nurture', color: 'yellow' };
    default:
      return { label: 'Awaiting decision', color: 'gray' };
  }
}

/** A stretch of time, to the minute: "45 min", "3 h 20 min", "2 d 4 h". */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** Business hours as a median or a first contact reads: "0 h", "25 min", "3.5 h"; unknown is "—". */
export function formatBusinessHours(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return '—';
  if (hours === 0) return '0 h';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(hours)} h`;
}

/** A share already in percent (62.9) as "62.9%"; unknown is "—", never NaN. */
export function formatPercentValue(percent: number | null | undefined, fractionDigits = 0): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: fractionDigits }).format(percent / 100);
}

/** The first-contact clock of an open MQL against `now`: what is left, or how late it is. */
export function firstContactClock(handover: Handover, now: number): { text: string; overdue: boolean } | null {
  const sla = handover.sla;
  const due = sla?.firstContactDueAt ?? handover.firstContactDueAt;
  if (!due) return null;
  if (sla && (sla.firstContactState === 'met' || sla.firstContactState === 'breached')) {
    return { text: FIRST_CONTACT_LOOKS[sla.firstContactState].label, overdue: false };
  }
  const left = Date.parse(due) - now;
  return left >= 0 ? { text: `${formatSpan(left)} left to first contact`, overdue: false } : { text: `First contact overdue by ${formatSpan(left)}`, overdue: true };
}
