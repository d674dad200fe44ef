import { z } from 'zod';
import { ZDay } from './funnel.ts';

/** Contracts of the service level agreement between Marketing (MQL volume and quality) and Sales (follow-up). */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone, in its canonical spelling (europe/berlin becomes Europe/Berlin). */
export const ZTimeZone = z
  .string()
  .trim()
  .min(1, { error: 'is required' })
  .refine(isTimeZone, { error: 'must be an IANA time zone such as Europe/Berlin', when: (payload) => payload.issues.length === 0 })
  .transform((timeZone) => new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone);

const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const ZOpening = z.string().regex(CLOCK_TIME, { error: 'must be a time such as 09:00' });
const ZClosing = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'must be a time such as 17:30 (24:00 for midnight)' });

/** One stretch of working time on a weekday, in the calendar's local time: 09:00 to 17:30. */
export const ZWorkingInterval = z
  .object({ start: ZOpening, end: ZClosing })
  .refine((interval) => interval.end > interval.start, {
    error: 'must be after start',
    path: ['end'],
    when: (payload) => payload.issues.length === 0,
  });
export type WorkingInterval = z.infer<typeof ZWorkingInterval>;

function overlaps(intervals: WorkingInterval[]): boolean {
  const sorted = [...intervals].sort((a, b) => a.start.localeCompare(b.start));
  return sorted.some((interval, i) => i > 0 && interval.start < sorted[i - 1]!.end);
}

const ZWorkingDay = z
  .array(ZWorkingInterval)
  .max(12, { error: 'must have at most 12 intervals' })
  .refine((intervals) => !overlaps(intervals), { error: 'intervals must not overlap', when: (payload) => payload.issues.length === 0 })
  .default([]);

export const ZWorkingCalendar = z
  .object({
    timeZone: ZTimeZone,
    hours: z.object({
      mon: ZWorkingDay,
      tue: ZWorkingDay,
      wed: ZWorkingDay,
      thu: ZWorkingDay,
      fri: ZWorkingDay,
      sat: ZWorkingDay,
      sun: ZWorkingDay,
    }),
    holidays: z.array(ZDay).max(2000, { error: 'must have at most 2000 days' }).default([]),
  })
  .refine((calendar) => WEEKDAYS.some((day) => calendar.hours[day].length > 0), {
    error: 'must have working hours on at least one day',
    path: ['hours'],
  });
export type WorkingCalendar = z.infer<typeof ZWorkingCalendar>;

export const ZSlaPolicy = z.object({
  /** Business hours from assignment (or from becoming an MQL) to the first sales activity. */
  firstContactHours: z
    .number({ error: 'must be a number' })
    .gt(0, { error: 'must be more than 0' })
    .max(720, { error: 'must be at most 720 business hours' }),
  /** Sales activities due within `attemptsWithinDays` calendar days of the clock start. */
  attempts: z.number().int({ error: 'must be a whole number' }).min(1).max(50),
  attemptsWithinDays: z.number().int({ error: 'must be a whole number' }).min(1).max(90),
  /** Marketing's side: MQLs delivered per month and the share of decided MQLs that Sales accepts. */
  mqlsPerMonth: z.number().int({ error: 'must be a whole number' }).min(0),
  acceptedPercent: z.number({ error: 'must be a number' }).min(0).max(100),
  /** An MQL neither accepted nor rejected this many days after qualifying is recycled to nurture. */
  staleAfterDays: z.number().int({ error: 'must be a whole number' }).min(1).max(365),
});
export type SlaPolicy = z.infer<typeof ZSlaPolicy>;

/** Where a first contract starts: a call within half a working day, three tries in a working week. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  firstContactHours: 4,
  attempts: 3,
  attemptsWithinDays: 7,
  mqlsPerMonth: 100,
  acceptedPercent: 70,
  staleAfterDays: 14,
};

export const REJECTION_REASONS = ['not_a_lead', 'job_seeker', 'student', 'no_budget', 'wrong_contact', 'duplicate', 'competitor', 'other'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Why Sales sends an MQL back: a reason code, and a note that 'other' must explain. */
export const ZRejection = z
  .object({
    reason: z.enum(REJECTION_REASONS, { error: `must be one of: ${REJECTION_REASONS.join(', ')}` }),
    note: z.string().trim().max(2000, { error: 'must be at most 2000 characters' }).optional(),
  })
  .refine((rejection) => rejection.reason !== 'other' || Boolean(rejection.note), {
    error: "is required when the reason is 'other'",
    path: ['note'],
  });
export type Rejection = z.infer<typeof ZRejection>;
