import { DEFAULT_CREDIT_RULES } from '../../core/schemas/attribution.ts';
import { periodContaining, previousPeriod } from '../../core/targets/periods.ts';
import type { Db } from '../db/client.ts';
import { adoptSignedPolicy } from '../modules/attribution/credit-policy.service.ts';
import { totalFlow } from '../modules/attribution/flows.service.ts';
import { createTarget } from '../modules/attribution/targets.service.ts';
import { demoSigners } from './team.ts';

/** A target no lower than this (10,000.00) when the last quarter won nothing. */
const MIN_TARGET_MINOR = 1_000_000;

/**
 * Brightwash's credit policy (the default rules, W-shaped settles credit), signed by its marketing
 * lead and sales manager, and this quarter's revenue target: the last quarter's won revenue plus 10 %,
 * rounded to a thousand.
 */
export async function adoptDemoAttribution(db: Db, workspaceId: string, now: Date): Promise<void> {
  await adoptSignedPolicy(db, {
    workspaceId,
    now,
    name: 'Brightwash credit policy',
    rules: DEFAULT_CREDIT_RULES,
    signers: await demoSigners(db),
  });
  const quarter = periodContaining('quarter', now);
  const last = await totalFlow(db, workspaceId, previousPeriod(quarter));
  const amountMinor = Math.max(MIN_TARGET_MINOR, Math.round((last.revenueMinor * 1.1) / 100_000) * 100_000);
  const ctx = { db, actor: { kind: 'system' as const, name: 'demo' }, workspaceId, now };
  await createTarget(ctx, { period: quarter.key, amountMinor, currency: 'EUR', note: 'Last quarter’s revenue plus 10 %' });
}
