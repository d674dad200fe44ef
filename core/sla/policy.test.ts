import { describe, expect, it } from 'vitest';
import { ZRejection, ZSlaPolicy, ZWorkingCalendar, type SlaPolicy } from '../schemas/sla.ts';
import { evaluateLeadSla, type LeadSlaInput } from './policy.ts';

const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];
const berlin = ZWorkingCalendar.parse({
  timeZone: 'Europe/Berlin',
  hours: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
});
const policy: SlaPolicy = ZSlaPolicy.parse({
  firstContactHours: 4,
  attempts: 3,
  attemptsWithinDays: 7,
  mqlsPerMonth: 100,
  acceptedPercent: 60,
  staleAfterDays: 30,
});

const at = (iso: string) => new Date(iso);

/** Became an MQL on Friday 2026-06-05 16:00 in Berlin (14:00 UTC): first contact due Monday 12:00 (10:00 UTC). */
function lead(values: Partial<LeadSlaInput> = {}): LeadSlaInput {
  return { mqlAt: at('2026-06-05T14:00:00Z'), assignedAt: null, acceptedAt: null, rejectedAt: null, attempts: [], ...values };
}

describe('evaluateLeadSla', () => {
  it('meets both promises with a quick first contact and enough attempts', () => {
    const attempts = [at('2026-06-10T09:00:00Z'), at('2026-06-08T07:30:00Z'), at('2026-06-09T12:00:00Z')];
    expect(evaluateLeadSla(policy, berlin, lead({ attempts }), at('2026-06-11T00:00:00Z'))).toEqual({
      firstContactDueAt: at('2026-06-08T10:00:00Z'),
      firstContactAt: at('2026-06-08T07:30:00Z'),
      firstContactBusinessHours: 1.5,
      firstContactState: 'met',
      attemptsDueAt: at('2026-06-12T14:00:00Z'),
      attemptsMade: 3,
      attemptsState: 'met',
      stale: false,
      breaches: [],
    });
  });

  it('needs no more attempts once the rep decided before the attempts deadline', () => {
    const attempts = [at('2026-06-08T07:30:00Z')];
    const accepted = evaluateLeadSla(policy, berlin, lead({ attempts, acceptedAt: at('2026-06-08T08:00:00Z') }), at('2026-06-20T00:00:00Z'));
    expect([accepted.attemptsMade, accepted.attemptsState, accepted.breaches]).toEqual([1, 'met', []]);
    const decidedLate = evaluateLeadSla(policy, berlin, lead({ attempts, rejectedAt: at('2026-06-13T08:00:00Z') }), at('2026-06-20T00:00:00Z'));
    expect(decidedLate.attemptsState).toBe('breached');
  });

  it('is pending until the due time, then breached_pending while nobody has called', () => {
    const before = evaluateLeadSla(policy, berlin, lead(), at('2026-06-08T10:00:00Z'));
    expect([before.firstContactState, before.firstContactAt, before.firstContactBusinessHours, before.breaches]).toEqual(['pending', null, null, []]);
    const after = evaluateLeadSla(policy, berlin, lead(), at('2026-06-08T10:00:00.001Z'));
    expect(after.firstContactState).toBe('breached_pending');
    expect(after.breaches).toEqual([{ kind: 'first_contact', dueAt: at('2026-06-08T10:00:00Z') }]);
    expect(after.attemptsState).toBe('pending');
  });

  it('counts a contact exactly at the due time as met and one later as breached', () => {
    const onTime = evaluateLeadSla(policy, berlin, lead({ attempts: [at('2026-06-08T10:00:00Z')] }), at('2026-06-09T00:00:00Z'));
    expect([onTime.firstContactState, onTime.firstContactBusinessHours]).toEqual(['met', 4]);
    const late = evaluateLeadSla(policy, berlin, lead({ attempts: [at('2026-06-08T11:00:00Z')] }), at('2026-06-09T00:00:00Z'));
    expect([late.firstContactState, late.firstContactBusinessHours]).toEqual(['breached', 5]);
    expect(late.breaches).toEqual([{ kind: 'first_contact', dueAt: at('2026-06-08T10:00:00Z') }]);
  });

  it('starts the clock at assignment when there is one', () => {
    // Assigned Monday 09:00 in Berlin: due Monday 13:00 (11:00 UTC); attempts due a week after assignment.
    const result = evaluateLeadSla(policy, berlin, lead({ assignedAt: at('2026-06-08T07:00:00Z') }), at('2026-06-08T10:30:00Z'));
    expect(result.firstContactDueAt).toEqual(at('2026-06-08T11:00:00Z'));
    expect(result.attemptsDueAt).toEqual(at('2026-06-15T07:00:00Z'));
    expect(result.firstContactState).toBe('pending');
  });

  it('credits a contact made after qualifying but before assignment, and ignores activities before qualifying', () => {
    const attempts = [at('2026-06-01T09:00:00Z'), at('2026-06-05T15:00:00Z')];
    const result = evaluateLeadSla(policy, berlin, lead({ assignedAt: at('2026-06-08T07:00:00Z'), attempts }), at('2026-06-08T12:00:00Z'));
    expect(result.firstContactAt).toEqual(at('2026-06-05T15:00:00Z'));
    expect(result.firstContactBusinessHours).toBe(0);
    expect(result.firstContactState).toBe('met');
    expect(result.attemptsMade).toBe(1);
  });

  it('breaches the attempts promise when the window closes short, counting only attempts inside it', () => {
    const attempts = [at('2026-06-12T14:00:00.001Z'), at('2026-06-08T08:00:00Z'), at('2026-06-12T14:00:00Z')];
    const open = evaluateLeadSla(policy, berlin, lead({ attempts }), at('2026-06-12T14:00:00Z'));
    expect([open.attemptsMade, open.attemptsState]).toEqual([2, 'pending']);
    const closed = evaluateLeadSla(policy, berlin, lead({ attempts }), at('2026-06-13T00:00:00Z'));
    expect([closed.attemptsMade, closed.attemptsState]).toEqual([2, 'breached']);
    expect(closed.breaches).toEqual([{ kind: 'attempts', dueAt: at('2026-06-12T14:00:00Z') }]);
  });

  it('ignores what is stamped after `now`, so a past `now` replays the past', () => {
    const attempts = [at('2026-06-08T07:30:00Z'), at('2026-06-09T07:30:00Z'), at('2026-06-10T07:30:00Z')];
    const result = evaluateLeadSla(policy, berlin, lead({ attempts }), at('2026-06-08T12:00:00Z'));
    expect([result.firstContactState, result.attemptsMade, result.attemptsState]).toEqual(['met', 1, 'pending']);
  });

  it('sets the attempts window in calendar days of the local clock, across DST', () => {
    // Friday 2026-03-27 10:00 CET + 7 days = Friday 2026-04-03 10:00 CEST, 167 hours later.
    const result = evaluateLeadSla(policy, berlin, lead({ mqlAt: at('2026-03-27T09:00:00Z') }), at('2026-03-27T09:00:00Z'));
    expect(result.attemptsDueAt).toEqual(at('2026-04-03T08:00:00Z'));
    expect(result.firstContactDueAt).toEqual(at('2026-03-27T13:00:00Z'));
  });

  it('marks an MQL stale once it has waited staleAfterDays without a decision', () => {
    const staleAt = '2026-07-05T14:00:00Z';
    expect(evaluateLeadSla(policy, berlin, lead(), at('2026-07-05T13:59:59.999Z')).stale).toBe(false);
    expect(evaluateLeadSla(policy, berlin, lead(), at(staleAt)).stale).toBe(true);
    expect(evaluateLeadSla(policy, berlin, lead({ acceptedAt: at('2026-06-20T10:00:00Z') }), at(staleAt)).stale).toBe(false);
    expect(evaluateLeadSla(policy, berlin, lead({ rejectedAt: at('2026-06-20T10:00:00Z') }), at(staleAt)).stale).toBe(false);
    expect(evaluateLeadSla(policy, berlin, lead({ acceptedAt: at('2026-07-06T10:00:00Z') }), at(staleAt)).stale).toBe(true);
  });
});

describe('ZSlaPolicy', () => {
  const valid = { firstContactHours: 4, attempts: 3, attemptsWithinDays: 7, mqlsPerMonth: 100, acceptedPercent: 60, staleAfterDays: 30 };
  const failing = (change: Record<string, unknown>) => ZSlaPolicy.safeParse({ ...valid, ...change }).error?.issues.map((issue) => issue.path.join('.'));

  it('accepts the edges and rejects what lies beyond them', () => {
    expect(ZSlaPolicy.safeParse({ ...valid, firstContactHours: 720, attempts: 50, attemptsWithinDays: 90, mqlsPerMonth: 0, acceptedPercent: 100, staleAfterDays: 365 }).success).toBe(true);
    expect(failing({ firstContactHours: 0 })).toEqual(['firstContactHours']);
    expect(failing({ firstContactHours: 720.5 })).toEqual(['firstContactHours']);
    expect(failing({ attempts: 0 })).toEqual(['attempts']);
    expect(failing({ attempts: 1.5 })).toEqual(['attempts']);
    expect(failing({ attemptsWithinDays: 91 })).toEqual(['attemptsWithinDays']);
    expect(failing({ mqlsPerMonth: -1 })).toEqual(['mqlsPerMonth']);
    expect(failing({ acceptedPercent: 100.1 })).toEqual(['acceptedPercent']);
    expect(failing({ staleAfterDays: 0 })).toEqual(['staleAfterDays']);
  });
});

describe('ZRejection', () => {
  it("requires a note only for 'other'", () => {
    expect(ZRejection.parse({ reason: 'job_seeker' })).toEqual({ reason: 'job_seeker' });
    expect(ZRejection.parse({ reason: 'other', note: ' reseller ' })).toEqual({ reason: 'other', note: 'reseller' });
    expect(ZRejection.safeParse({ reason: 'other', note: '   ' }).error?.issues[0]).toMatchObject({ path: ['note'], message: "is required when the reason is 'other'" });
    expect(ZRejection.safeParse({ reason: 'other' }).success).toBe(false);
  });

  it('rejects unknown reasons and overlong notes', () => {
    expect(ZRejection.safeParse({ reason: 'too_small' }).error?.issues[0]?.message).toBe(
      'must be one of: not_a_lead, job_seeker, student, no_budget, wrong_contact, duplicate, competitor, other',
    );
    expect(ZRejection.safeParse({ reason: 'no_budget', note: 'x'.repeat(2001) }).error?.issues[0]?.message).toBe('must be at most 2000 characters');
  });
});
