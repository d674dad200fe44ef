import { DrizzleQueryError, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { copyBinary } from '../db/bulk.ts';
import { queryRows } from '../db/raw.ts';
import { buildChunk, type Chunk, type DemoCounts } from './chunk.ts';
import { removeDemoRows } from './cleanup.ts';
import { ensureDemoTeam } from './team.ts';
import { CHUNKS_IN_FLIGHT, insertCampaigns, planWorld } from './world.ts';

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

/** The database's own message in one line (a drizzle error would quote every parameter), naming the demo fill. */
function concise(error: unknown): Error {
  const cause = error instanceof DrizzleQueryError && error.cause ? error.cause : (error as Error);
  return new Error(`Writing demo data failed: ${cause.message}`, { cause });
}

/**
 * Whether this connection may skip foreign-key checks for the rows it writes (a superuser may:
 * the embedded database always, PostgreSQL as its owner). The generator writes parents before
 * the rows pointing at them, and its tests check every reference; the checks took a third of
 * the fill. The funnel rollup's triggers fire all the same.
 */
async function mayWriteUnchecked(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ allowed: boolean }>(db, sql`select current_setting('is_superuser') = 'on' as allowed`);
  return row!.allowed;
}

/** Writes one chunk, transaction by transaction. */
async function writeChunk(db: Db, chunk: Chunk, unchecked: boolean): Promise<void> {
  try {
    for (const copies of chunk.transactions) {
      await db.transaction(async (tx) => {
        if (unchecked) await tx.execute(sql`set local session_replication_role = replica`);
        for (const copy of copies) await copyBinary(tx, copy);
      });
    }
  } catch (error) {
    throw concise(error);
  }
}

/**
 * Fills a workspace with Brightwash, a synthetic maker of cleaning machines and detergent whose
 * data shows every fight between Sales and Marketing. The same seed, size and `now` give the
 * same rows (ids included). Chunks are generated while earlier ones are written, two at a time,
 * each in its own transaction; if any fails, the rows already written are removed again.
 */
export async function generateDemo(db: Db, options: DemoOptions): Promise<DemoSummary> {
  const team = await ensureDemoTeam(db, options.workspaceId, options.now);
  const world = planWorld({ workspaceId: options.workspaceId, seed: options.seed ?? DEFAULT_DEMO_SEED, now: options.now, team });
  await insertCampaigns(db, world);
  const summary: DemoSummary = { users: team.memberIds.length, campaigns: world.campaigns.length, accounts: 0, leads: 0, stageTransitions: 0, visitors: 0, touchpoints: 0, deals: 0, activities: 0, handovers: 0 };
  const count = Math.ceil(options.leads / CHUNK_LEADS);
  const unchecked = await mayWriteUnchecked(db);
  const writes: Promise<void>[] = [];
  try {
    for (let index = 0; index < count; index += 1) {
      const chunk = await buildChunk(world, { index, count, size: Math.min(CHUNK_LEADS, options.leads - index * CHUNK_LEADS) });
      // The chunk may join accounts of the chunk CHUNKS_IN_FLIGHT back: that one must be written first.
      await writes[index - CHUNKS_IN_FLIGHT];
      const write = writeChunk(db, chunk, unchecked).then(() => {
        addCounts(summary, chunk.counts);
        options.onProgress?.(summary.leads, options.leads);
      });
      write.catch(() => undefined); // a failure surfaces when awaited, not as an unhandled rejection meanwhile
      writes.push(write);
    }
    await Promise.all(writes);
    return summary;
  } catch (error) {
    await Promise.allSettled(writes);
    await removeDemoRows(db, world);
    throw error;
  }
}
