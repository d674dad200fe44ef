import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { refreshFunnelStatistics } from '../db/statistics.ts';
import { AppError } from '../http/errors.ts';
import { leads } from '../modules/funnel/funnel.table.ts';
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
  await refreshFunnelStatistics(db);
  return summary;
}
