import type { Db } from '../db/client.ts';
import { buildChunk, writeChunk, type Chunk, type DemoCounts } from './chunk.ts';
import { ensureDemoTeam } from './team.ts';
import { insertCampaigns, planWorld } from './world.ts';

export const DEFAULT_DEMO_SEED = 1;
/** Leads per chunk: big enough for fast multi-row writes, small enough to keep memory flat at a million leads. */
const CHUNK_LEADS = 5_000;

export type DemoOptions = {
  workspaceId: string;
  leads: number;
  seed?: number;
  now: Date;
  onProgress?: (done: number, total: number) => void;
};

export type DemoSummary = DemoCounts & { users: number; campaigns: number };

function addCounts(summary: DemoSummary, counts: DemoCounts): void {
  for (const key of Object.keys(counts) as (keyof DemoCounts)[]) summary[key] += counts[key];
}

/**
 * Fills a workspace with Brightwash, a synthetic maker of cleaning machines and detergent whose
 * data shows every fight between Sales and Marketing. The same seed, size and `now` give the
 * same rows (ids included). Chunks are generated while the previous one is written, all in one
 * transaction, so a failure leaves nothing behind.
 */
export async function generateDemo(db: Db, options: DemoOptions): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  return db.transaction(async (tx) => {
    const team = await ensureDemoTeam(tx, options.workspaceId, options.now);
    const world = planWorld({ workspaceId: options.workspaceId, seed, now: options.now, team });
    await insertCampaigns(tx, world);
    const summary: DemoSummary = { users: team.memberIds.length, campaigns: world.campaigns.length, accounts: 0, leads: 0, stageTransitions: 0, visitors: 0, touchpoints: 0, deals: 0, activities: 0 };
    const chunks = Math.ceil(options.leads / CHUNK_LEADS);
    const sizeOf = (index: number) => Math.min(CHUNK_LEADS, options.leads - index * CHUNK_LEADS);
    const build = (index: number) => buildChunk(world, { index, count: chunks, size: sizeOf(index) });
    let next: Chunk | null = chunks > 0 ? await build(0) : null;
    for (let index = 1; next; index += 1) {
      const [, following] = await Promise.all([writeChunk(tx, next), index < chunks ? build(index) : null]);
      addCounts(summary, next.counts);
      options.onProgress?.(summary.leads, options.leads);
      next = following;
    }
    return summary;
  });
}
