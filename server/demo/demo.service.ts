import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { refreshFunnelStatistics } from '../db/statistics.ts';
import { AppError } from '../http/errors.ts';
import { leads } from '../modules/funnel/funnel.table.ts';
import { DEFAULT_LEAD_DEFINITION } from '../../core/schemas/scoring.ts';
import { DEFAULT_SLA_POLICY } from '../../core/schemas/sla.ts';
import { adoptSignedContract } from '../modules/contract/contract.service.ts';
import { seedDemoCampaigns } from './campaigns.ts';
import { adoptDemoAttribution } from './attribution.ts';
import { demoSigners } from './team.ts';
import { DEFAULT_DEMO_SEED, generateDemo, type DemoSummary } from './generate.ts';

/**
 * Fills a workspace with the Brightwash demo company. Refuses a workspace that already has
 * leads, so running it twice never duplicates data.
 */
export async function fillDemoWorkspace(
  db: Db,
  workspaceId: string,
  leadCount: number,
  now: Date,
  onProgress?: (done: number, total: number) => void,
  seed: number = DEFAULT_DEMO_SEED,
): Promise<DemoSummary> {
  const [existing] = await db.select({ id: leads.id }).from(leads).where(eq(leads.workspaceId, workspaceId)).limit(1);
  if (existing) throw new AppError('conflict', 'This workspace already has leads; demo data only goes into a workspace without any.');
  const summary = await generateDemo(db, { workspaceId, leads: leadCount, now, seed, onProgress });
  await adoptDemoContract(db, workspaceId, now);
  await adoptDemoAttribution(db, workspaceId, now);
  await seedDemoCampaigns(db, workspaceId, now);
  await refreshFunnelStatistics(db);
  return summary;
}

/**
 * Brightwash's lead contract: the built-in definition and SLA, signed by its marketing lead and
 * sales manager. Its leads are not scored here (a million leads would double the fill time):
 * `accord rescore` does that, and the first start rescores its small demo workspace.
 */
async function adoptDemoContract(db: Db, workspaceId: string, now: Date): Promise<void> {
  await adoptSignedContract(db, {
    workspaceId,
    now,
    name: 'Brightwash lead contract',
    definition: DEFAULT_LEAD_DEFINITION,
    sla: DEFAULT_SLA_POLICY,
    signers: await demoSigners(db),
  });
}
