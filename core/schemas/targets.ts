import { z } from 'zod';
import { PERIOD_KEY } from '../targets/periods.ts';
import { optionalText, ZCurrency } from './funnel.ts';

/** Contracts of the shared revenue targets and the period scorecard. */

export const ZPeriodKey = z.string({ error: 'must be a month such as 2026-04 or a quarter such as 2026-Q2' }).trim().regex(PERIOD_KEY, { error: 'must be a month such as 2026-04 or a quarter such as 2026-Q2' });

const ZTargetAmount = z
  .number({ error: 'must be a number of minor units (cents)' })
  .int({ error: 'must be a whole number of minor units (cents)' })
  .gt(0, { error: 'must be above 0' })
  .max(Number.MAX_SAFE_INTEGER);

/** A revenue target for a month or a quarter, owned by both teams. */
export const ZTargetInput = z.strictObject({
  period: ZPeriodKey,
  amountMinor: ZTargetAmount,
  currency: ZCurrency.default('EUR'),
  note: optionalText(500),
});
export type TargetInput = z.infer<typeof ZTargetInput>;

export const ZTargetUpdate = z.strictObject({
  amountMinor: ZTargetAmount,
  currency: ZCurrency.optional(),
  note: optionalText(500),
});
export type TargetUpdate = z.infer<typeof ZTargetUpdate>;

export const ZScorecardQuery = z.object({ period: ZPeriodKey.optional().describe('A month (2026-04) or quarter (2026-Q2); default: this quarter') });
