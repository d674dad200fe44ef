import { describe, expect, it } from 'vitest';
import type { SlaPolicy } from '../schemas/sla.ts';
import { marketingLedger, median, salesLedger, type LeadDecision, type SalesLedgerRow } from './ledger.ts';
import type { LeadSlaEvaluation } from './policy.ts';

const ANNA = '00000000-0000-4000-8000-00000000000a';
const BEN = '00000000-0000-4000-8000-00000000000b';

function row(
  ownerId: string | null,
  source: string | null,
  sla: Pick<LeadSlaEvaluation, 'firstContactState' | 'firstContactBusinessHours' | 'attemptsState'>,
  decision: LeadDecision | null = null,
): SalesLedgerRow {
  const dueAt = new Date('2026-06-08T10:00:00Z');
  const evaluation: LeadSlaEvaluation = {
    firstContactDueAt: dueAt,
    firstContactAt: null,
    attemptsDueAt: dueAt,
    attemptsMade: 0,
    stale: false,
    breaches: [],
    ...sla,
  };
  return { ownerId, source, sla: evaluation, decision };
}

const rows: SalesLedgerRow[] = [
  row(ANNA, 'webinar', { firstContactState: 'met', firstContactBusinessHours: 1, attemptsState: 'met' }, { kind: 'accepted' }),
  row(ANNA, 'webinar', { firstContactState: 'met', firstContactBusinessHours: 3, attemptsState: 'breached' }, { kind: 'rejected', reason: 'student' }),
  row(ANNA, 'paid_social', { firstContactState: 'breached', firstContactBusinessHours: 6.5, attemptsState: 'met' }, { kind: 'accepted' }),
  row(ANNA, 'paid_social', { firstContactState: 'breached_pending', firstContactBusinessHours: null, attemptsState: 'pending' }),
  row(BEN, 'webinar', { firstContactState: 'pending', firstContactBusinessHours: null, attemptsState: 'pending' }, { kind: 'rejected', reason: 'student' }),
  row(null, null, { firstContactState: 'breached_pending', firstContactBusinessHours: null, attemptsState: 'breached' }, { kind: 'rejected', reason: 'other' }),
];

const noRejections = { not_a_lead: 0, job_seeker: 0, student: 0, no_budget: 0, wrong_contact: 0, duplicate: 0, competitor: 0, other: 0 };

describe('salesLedger', () => {
  it('adds up each rep: first contact, median hours, attempts and decisions', () => {
    const { groups } = salesLedger(rows, 'owner');
    expect(groups.map((g) => g.group)).toEqual([ANNA, BEN, null]);
    expect(groups[0]).toEqual({
      group: ANNA,
      leads: 4,
      met: 2,
      breached: 2,
      overdue: 1,
      pending: 0,
      medianFirstContactHours: 3,
      attemptsMetPercent: (2 / 3) * 100,
      accepted: 2,
      rejected: 1,
      rejectedByReason: { ...noRejections, student: 1 },
    });
  });

  it('gives null, never NaN, where there is nothing to measure', () => {
    const ben = salesLedger(rows, 'owner').groups[1]!;
    expect([ben.medianFirstContactHours, ben.attemptsMetPercent]).toEqual([null, null]);
    const empty = salesLedger([], 'source');
    expect(empty.groups).toEqual([]);
    expect(empty.total).toMatchObject({ leads: 0, medianFirstContactHours: null, attemptsMetPercent: null });
    expect(JSON.stringify(empty)).not.toContain('NaN');
  });

  it('groups by source, the largest first and leads without a source last, with a total', () => {
    const { groups, total } = salesLedger(rows, 'source');
    expect(groups.map((g) => [g.group, g.leads, g.met, g.breached, g.pending])).toEqual([
      ['webinar', 3, 2, 0, 1],
      ['paid_social', 2, 0, 2, 0],
      [null, 1, 0, 1, 0],
    ]);
    expect(groups[0]!.medianFirstContactHours).toBe(2);
    expect(total).toMatchObject({ group: null, leads: 6, met: 2, breached: 3, overdue: 2, pending: 1, accepted: 2, rejected: 3 });
    expect(total.medianFirstContactHours).toBe(3);
    expect(total.attemptsMetPercent).toBe(50);
    expect(total.rejectedByReason).toEqual({ ...noRejections, student: 2, other: 1 });
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('marketingLedger', () => {
  const policy: SlaPolicy = { firstContactHours: 4, attempts: 3, attemptsWithinDays: 7, mqlsPerMonth: 100, acceptedPercent: 60, staleAfterDays: 30 };

  it('holds each month against the volume and quality targets, in month order', () => {
    const lines = marketingLedger(policy, [
      { month: '2026-02', mqls: 80, accepted: 30, rejected: 30, rejectedByReason: { student: 20, no_budget: 10 } },
      { month: '2026-01', mqls: 120, accepted: 45, rejected: 15, rejectedByReason: { duplicate: 15 } },
    ]);
    expect(lines).toEqual([
      {
        month: '2026-01',
        mqls: 120,
        accepted: 45,
        rejected: 15,
        rejectedByReason: { duplicate: 15 },
        target: 100,
        volumeMet: true,
        acceptedPercent: 75,
        acceptedTarget: 60,
        acceptedMet: true,
      },
      {
        month: '2026-02',
        mqls: 80,
        accepted: 30,
        rejected: 30,
        rejectedByReason: { student: 20, no_budget: 10 },
        target: 100,
        volumeMet: false,
        acceptedPercent: 50,
        acceptedTarget: 60,
        acceptedMet: false,
      },
    ]);
  });

  it('leaves the accepted share unknown (null) while nothing is decided, and meets a zero target', () => {
    const [line] = marketingLedger({ ...policy, mqlsPerMonth: 0 }, [{ month: '2026-03', mqls: 0, accepted: 0, rejected: 0, rejectedByReason: {} }]);
    expect(line).toMatchObject({ volumeMet: true, acceptedPercent: null, acceptedMet: null });
    expect(JSON.stringify(line)).not.toContain('NaN');
  });

  it('meets the accepted target exactly at the threshold', () => {
    const [line] = marketingLedger(policy, [{ month: '2026-04', mqls: 100, accepted: 6, rejected: 4, rejectedByReason: {} }]);
    expect([line!.volumeMet, line!.acceptedPercent, line!.acceptedMet]).toEqual([true, 60, true]);
  });
});
