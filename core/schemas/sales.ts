import { z } from 'zod';
import { ZId, ZPageQuery } from './common.ts';
import { ZDay } from './funnel.ts';
import { ZRoutingRules } from './routing.ts';
import { ZWorkingCalendar } from './sla.ts';

/** Contracts of the Sales side of the handover: settings, reps' availability, the MQL inbox and the SLA ledger. */

export const ZSalesSettings = z.object({ calendar: ZWorkingCalendar, routing: ZRoutingRules });
export type SalesSettingsInput = z.infer<typeof ZSalesSettings>;

export const ZRepAvailability = z
  .object({
    away: z.boolean({ error: 'must be true or false' }).optional(),
    /** At most this many open MQLs; null for no limit. */
    capacity: z.number().int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' }).max(10_000).nullable().optional(),
  })
  .refine((input) => input.away !== undefined || input.capacity !== undefined, { error: 'must set away or capacity' });
export type RepAvailabilityInput = z.infer<typeof ZRepAvailability>;

const ZFlag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((value) => value === 'true');

export const ZHandoverQuery = ZPageQuery.extend({
  owner: z.union([z.literal('me'), ZId], { error: "must be 'me' or a user id" }).optional(),
  open: ZFlag.optional().describe('true: only MQLs not yet accepted, rejected or recycled'),
});
export type HandoverQuery = z.infer<typeof ZHandoverQuery>;

const MAX_LEDGER_DAYS = 731;

export const ZLedgerQuery = z
  .object({
    from: ZDay.optional().describe('First day of the period (default: the first day of the month two months ago)'),
    to: ZDay.optional().describe('Last day of the period, included (default: the last day of this month)'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'must not be before from', path: ['to'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) < MAX_LEDGER_DAYS * 86_400_000, {
    error: `must be at most ${MAX_LEDGER_DAYS} days after from`,
    path: ['to'],
  });
export type LedgerQuery = z.infer<typeof ZLedgerQuery>;

/** A sales manager hands an MQL to a rep: one nobody could take, or one to move to someone else. */
export const ZMqlAssignment = z.object({ ownerId: ZId }).strict();
export type MqlAssignment = z.infer<typeof ZMqlAssignment>;
