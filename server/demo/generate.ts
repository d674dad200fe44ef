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

class Lanes {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}

function writeChunk(db: Db, lanes: Lanes, chunk: Chunk, previous: Promise<void>) {
  const parents = previous.then(() =>
    lanes.run(async () => {
      for (const st of chunk.parents) await db.execute(st);
    }),
  );
  const children = chunk.children.map((st) => parents.then(() => lanes.run(() => db.execute(st))));
  return { parents, done: Promise.all([parents, ...children]).then(() => undefined) };
}

export async function generateDemo(db: Db, options: DemoOptions): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const team = await ensureDemoTeam(db, options.workspaceId, options.now);
  const world = planWorld({ workspaceId: options.workspaceId, seed, now: options.now, team });
  await insertCampaigns(db, world);
  const summary: DemoSummary = { users: team.memberIds.length, campaigns: world.campaigns.length, accounts: 0, leads: 0, stageTransitions: 0, visitors: 0, touchpoints: 0, deals: 0, activities: 0 };
  const chunks = Math.ceil(options.leads / CHUNK_LEADS);
  const sizeOf = (index: number) => Math.min(CHUNK_LEADS, options.leads - index * CHUNK_LEADS);
  const lanes = new Lanes(Number(process.env.LANES ?? 2));
  let parents: Promise<void> = Promise.resolve();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < chunks; index += 1) {
    const chunk = await buildChunk(world, { index, count: chunks, size: sizeOf(index) });
    const written = writeChunk(db, lanes, chunk, parents);
    parents = written.parents;
    inFlight.push(written.done.then(() => { addCounts(summary, chunk.counts); options.onProgress?.(summary.leads, options.leads); }));
    if (inFlight.length >= 2) await inFlight.shift();
  }
  await Promise.all(inFlight);
  return summary;
}
