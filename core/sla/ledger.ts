import { rate } from '../funnel/metrics.ts';
import { REJECTION_REASONS, type RejectionReason, type SlaPolicy } from '../schemas/sla.ts';
import type { LeadSlaEvaluation } from './policy.ts';

/**
 * The SLA ledger: how each side kept its promise. Sales per rep or per source (first contact,
 * attempts, decisions), Marketing per month (MQL volume, accepted share). A rate or median
 * with nothing to measure is null, never NaN.
 */

export type LeadDecision = { kind: 'accepted' } | { kind: 'rejected'; reason: RejectionReason };

export type SalesLedgerRow = {
  ownerId: string | null;
  source: string | null;
  sla: LeadSlaEvaluation;
  decision: LeadDecision | null;
};

export type SalesLedgerGrouping = 'owner' | 'source';

export type SalesLedgerLine = {
  group: string | null;
  leads: number;
  /** First contact: met + breached + pending = leads. */
  met: number;
  /** Contacted late, or overdue and still not contacted. */
  breached: number;
  /** The part of `breached` still not contacted: the rep's to-do list. */
  overdue: number;
  pending: number;
  /** Median business hours to first contact over the contacted leads; null when none was. */
  medianFirstContactHours: number | null;
  /** Attempts met, in percent of the leads whose attempts window is decided (met or breached); null when none is. */
  attemptsMetPercent: number | null;
  accepted: number;
  rejected: number;
  rejectedByReason: Record<RejectionReason, number>;
};

export type SalesLedger = { groups: SalesLedgerLine[]; total: SalesLedgerLine };

/** The middle value (the mean of the two middle values for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function percent(numerator: number, denominator: number): number | null {
  const share = rate(numerator, denominator);
  return share === null ? null : share * 100;
}

function noRejections(): Record<RejectionReason, number> {
  return Object.fromEntries(REJECTION_REASONS.map((reason) => [reason, 0])) as Record<RejectionReason, number>;
}

function countWhere<T>(items: T[], predicate: (item: T) => boolean): number {
  return items.reduce((count, item) => count + (predicate(item) ? 1 : 0), 0);
}

function salesLine(group: string | null, rows: SalesLedgerRow[]): SalesLedgerLine {
  const contactState = (state: LeadSlaEvaluation['firstContactState']) => countWhere(rows, (row) => row.sla.firstContactState === state);
  const attempts = (state: LeadSlaEvaluation['attemptsState']) => countWhere(rows, (row) => row.sla.attemptsState === state);
  const rejectedByReason = noRejections();
  for (const { decision } of rows) if (decision?.kind === 'rejected') rejectedByReason[decision.reason] += 1;
  const contactHours = rows.map((row) => row.sla.firstContactBusinessHours).filter((hours) => hours !== null);
  return {
    group,
    leads: rows.length,
    met: contactState('met'),
    breached: contactState('breached') + contactState('breached_pending'),
    overdue: contactState('breached_pending'),
    pending: contactState('pending'),
    medianFirstContactHours: median(contactHours),
    attemptsMetPercent: percent(attempts('met'), attempts('met') + attempts('breached')),
    accepted: countWhere(rows, (row) => row.decision?.kind === 'accepted'),
    rejected: countWhere(rows, (row) => row.decision?.kind === 'rejected'),
    rejectedByReason,
  };
}

/** The Sales ledger per rep (ownerId) or per source, largest group first and the unassigned (null) group last. */
export function salesLedger(rows: SalesLedgerRow[], groupBy: SalesLedgerGrouping): SalesLedger {
  const keyOf = (row: SalesLedgerRow) => (groupBy === 'owner' ? row.ownerId : row.source);
  const byGroup = new Map<string | null, SalesLedgerRow[]>();
  for (const row of rows) {
    const groupRows = byGroup.get(keyOf(row));
    if (groupRows) groupRows.push(row);
    else byGroup.set(keyOf(row), [row]);
  }
  const groups = [...byGroup.entries()]
    .map(([group, groupRows]) => salesLine(group, groupRows))
    .sort((a, b) => Number(a.group === null) - Number(b.group === null) || b.leads - a.leads || String(a.group).localeCompare(String(b.group)));
  return { groups, total: salesLine(null, rows) };
}

export type MarketingMonth = {
  /** 'YYYY-MM' */
  month: string;
  mqls: number;
  accepted: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
};

export type MarketingLedgerLine = MarketingMonth & {
  target: number;
  volumeMet: boolean;
  /** Accepted, in percent of the decided (accepted + rejected) MQLs; null when none was decided. */
  acceptedPercent: number | null;
  acceptedTarget: number;
  /** Null while no MQL of the month was decided. */
  acceptedMet: boolean | null;
};

/** Marketing's side per month, in month order: MQL volume against the target, and the share Sales accepted. */
export function marketingLedger(policy: SlaPolicy, months: MarketingMonth[]): MarketingLedgerLine[] {
  return [...months]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((month) => {
      const acceptedPercent = percent(month.accepted, month.accepted + month.rejected);
      return {
        ...month,
        target: policy.mqlsPerMonth,
        volumeMet: month.mqls >= policy.mqlsPerMonth,
        acceptedPercent,
        acceptedTarget: policy.acceptedPercent,
        acceptedMet: acceptedPercent === null ? null : acceptedPercent >= policy.acceptedPercent,
      };
    });
}
