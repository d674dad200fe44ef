import type { Db } from '../db/client.ts';
import { campaigns } from '../modules/funnel/funnel.table.ts';
import { planArrivals, type ArrivalPlan } from './arrival.ts';
import { CAMPAIGNS, DAY, HISTORY_DAYS, PROMO_KEY, type CampaignPlan } from './catalog.ts';
import { AccountPool } from './people.ts';
import { Random, type Weighted } from './random.ts';
import type { DemoTeam, Rep } from './team.ts';

/** How many chunks are written at once, each in its own transaction on its own connection (PostgreSQL uses both cores). */
export const CHUNKS_IN_FLIGHT = 2;

export type Campaign = CampaignPlan & { id: string; start: number; end: number };

/** Everything the chunks share: the clock, the team, the campaigns and the running counters. */
export type World = {
  workspaceId: string;
  seed: number;
  /** Now and the start of the history (a midnight, UTC), in whole epoch seconds. */
  now: number;
  start: number;
  reps: Weighted<Rep>;
  campaigns: Campaign[];
  arrivals: ArrivalPlan;
  /** Companies seen so far, which later leads join (they persist across chunks). */
  accounts: AccountPool;
  promo: Campaign;
  newsletter: Campaign;
  retargeting: Campaign;
  /** Won deals so far across chunks: every 500th (from the 8th) gets an impossible close date. */
  wonDeals: number;
};

/** Whole seconds since the epoch. */
function toSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function dayOf(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function springStart(today: number, days: number): number {
  const year = new Date(today * 1000).getUTCFullYear();
  const thisYear = Date.UTC(year, 2, 20) / 1000;
  return thisYear + (days + 14) * DAY <= today ? thisYear : Date.UTC(year - 1, 2, 20) / 1000;
}

/** Puts a campaign on the calendar relative to now; its last day ends at midnight or now, whichever is earlier. */
function placeCampaign(plan: CampaignPlan, random: Random, now: number): Campaign {
  const today = Math.floor(now / DAY) * DAY;
  const days = plan.startDaysAgo - plan.endDaysAgo + 1;
  const start = plan.spring ? springStart(today, days) : today - plan.startDaysAgo * DAY;
  return { ...plan, id: random.uuid(), start, end: Math.min(now, start + days * DAY - 1) };
}

function byKey(list: Campaign[], key: string): Campaign {
  const found = list.find((c) => c.key === key);
  if (!found) throw new Error(`demo catalog has no campaign ${key}`);
  return found;
}

/** The shared state of one demo run, with campaign ids drawn from the seed. */
export function planWorld(input: { workspaceId: string; seed: number; now: Date; team: DemoTeam }): World {
  const now = toSeconds(input.now);
  const start = Math.floor(now / DAY) * DAY - HISTORY_DAYS * DAY;
  const random = new Random(input.seed, -1);
  const placed = CAMPAIGNS.map((plan) => placeCampaign(plan, random, now));
  const promo = byKey(placed, PROMO_KEY);
  return {
    workspaceId: input.workspaceId,
    seed: input.seed,
    now,
    start,
    reps: input.team.reps.map((rep) => [rep, rep.share] as const),
    campaigns: placed,
    arrivals: planArrivals({ start, now }, placed, promo),
    accounts: new AccountPool(CHUNKS_IN_FLIGHT),
    promo,
    newsletter: byKey(placed, 'newsletter'),
    retargeting: byKey(placed, 'retargeting-pricing'),
    wonDeals: 0,
  };
}

/** Writes the world's campaigns with their dates, budget and spend (EUR cents). */
export async function insertCampaigns(db: Db, world: World): Promise<void> {
  await db.insert(campaigns).values(
    world.campaigns.map((c) => ({
      workspaceId: world.workspaceId,
      id: c.id,
      externalId: `demo-${c.key}`,
      name: c.name,
      channel: c.channel,
      type: c.type,
      startsOn: dayOf(c.start),
      endsOn: dayOf(c.end),
      budgetMinor: c.budgetEur * 100,
      spendMinor: Math.round(c.budgetEur * c.spendRatio) * 100,
      currency: 'EUR',
      createdAt: new Date((c.start - 21 * DAY) * 1000),
      updatedAt: new Date(c.end * 1000),
    })),
  );
}
