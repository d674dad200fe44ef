import type { FunnelStage } from '../../core/funnel/stages.ts';
import type { BinaryCopy } from '../db/bulk.ts';
import { browsingSpan, drawArrival, utmOf, type Arrival } from './arrival.ts';
import { addHandover } from './handover.ts';
import { live, type Transition } from './journey.ts';
import { drawPerson } from './people.ts';
import { Random } from './random.ts';
import { createSinks, type Sinks } from './sinks.ts';
import { anonymousVisit, TouchLog, touchesAfter, touchesBefore } from './touches.ts';
import type { World } from './world.ts';

/** Rows written per table. */
export type DemoCounts = {
  accounts: number;
  leads: number;
  stageTransitions: number;
  visitors: number;
  touchpoints: number;
  deals: number;
  activities: number;
  handovers: number;
};

/**
 * One chunk of leads with everything hanging off them: table copies in a safe order (rows
 * before the rows pointing at them), in two transactions. The first writes the leads, whose
 * insert updates the funnel rollup, and commits at once: the rollup rows it locks are shared with
 * the chunk written beside it, which would otherwise wait for the whole chunk (measured: chunks
 * serialized, a million leads in over 10 minutes). Its stage transitions mark the leads as demo
 * rows for the clean-up after a failure.
 */
export type Chunk = { transactions: BinaryCopy[][]; counts: DemoCounts };

const LEAD_TABLES = ['accounts', 'leads', 'transitions'] as const satisfies readonly (keyof Sinks)[];

/** For every lead, this many visitors who never identify (job seekers, students, browsers). */
const ANONYMOUS_VISITORS_PER_LEAD = 0.25;
/** Leads generated between two turns of the event loop, so that the previous chunk's writes keep flowing. */
const YIELD_EVERY = 500;

function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** When the lead first reached the stage: the rollup kept on the lead row. */
function firstReached(transitions: readonly Transition[], stage: FunnelStage): number | null {
  for (const t of transitions) if (t.to === stage) return t.at;
  return null;
}

/** One lead: identity, touches before and after, its journey through the funnel, its transitions, its MQL handover. */
function addLead(world: World, random: Random, sinks: Sinks, log: TouchLog, arrival: Arrival): void {
  const id = random.uuid();
  const person = drawPerson(random, world.accounts, sinks.accounts, arrival.persona, arrival.createdAt);
  const span = browsingSpan(arrival, random);
  const trail = touchesBefore(log, random, id, arrival, span);
  const journey = live({ world, random, sinks, leadId: id, arrival, person, firstTouchAt: trail.firstTouchAt }, span > 0 ? 'visitor' : null);
  touchesAfter(log, world, random, trail, journey);
  if (trail.anonymousId) sinks.visitors.push({ anonymousId: trail.anonymousId, leadId: id, firstSeenAt: trail.firstTouchAt, lastSeenAt: trail.lastSeenAt });
  for (const t of journey.transitions) {
    sinks.transitions.push({ id: random.uuid(), leadId: id, fromStage: t.from, toStage: t.to, at: t.at, actorId: t.actorId, reason: t.reason, cause: 'demo' });
  }
  const utm = utmOf(arrival, random);
  sinks.leads.push({
    id,
    email: person.email,
    firstName: person.firstName,
    lastName: person.lastName,
    title: person.title,
    phone: person.phone,
    company: person.company,
    country: person.country,
    accountId: person.account?.id ?? null,
    stage: journey.stage,
    stageChangedAt: journey.at,
    reachedLeadAt: firstReached(journey.transitions, 'lead'),
    reachedMqlAt: firstReached(journey.transitions, 'mql'),
    reachedSalAt: firstReached(journey.transitions, 'sal'),
    reachedSqlAt: firstReached(journey.transitions, 'sql'),
    reachedOpportunityAt: firstReached(journey.transitions, 'opportunity'),
    reachedCustomerAt: firstReached(journey.transitions, 'customer'),
    ownerId: journey.owner?.id ?? null,
    source: arrival.source.source,
    channel: arrival.profile.channel,
    campaignId: arrival.campaign?.id ?? null,
    utmSource: utm.utmSource,
    utmMedium: utm.utmMedium,
    utmCampaign: utm.utmCampaign,
    utmTerm: utm.utmTerm,
    utmContent: utm.utmContent,
    createdAt: arrival.createdAt,
    updatedAt: journey.at,
  });
  addHandover(sinks, world.now, { id, person, arrival, journey });
}

/**
 * Generates chunk `index` of `count`: `size` leads from the chunk's slice of the arrival curve,
 * in arrival order, with their own stream (seed, index), plus anonymous visitors. Its ids share
 * a prefix that grows with the index. Yields now and then so the previous chunk's writes proceed.
 */
export async function buildChunk(world: World, chunk: { index: number; count: number; size: number }): Promise<Chunk> {
  const { index, count, size } = chunk;
  const random = new Random(world.seed, index);
  random.idPrefix = Math.floor(((index + random.next() / 2) / count) * 2 ** 32);
  world.accounts.startChunk();
  const sinks = createSinks(world.workspaceId);
  const log = new TouchLog(sinks, random, index);
  const arrivals = Array.from({ length: size }, () => drawArrival(world, random, (index + random.next()) / count));
  arrivals.sort((a, b) => a.createdAt - b.createdAt);
  for (let i = 0; i < size; i += 1) {
    addLead(world, random, sinks, log, arrivals[i]!);
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToIo();
  }
  const anonymous = Math.round(size * ANONYMOUS_VISITORS_PER_LEAD);
  for (let i = 0; i < anonymous; i += 1) anonymousVisit(log, sinks, world, random, random.pick(arrivals).createdAt);
  return {
    transactions: [
      LEAD_TABLES.map((table) => sinks[table]),
      (Object.keys(sinks) as (keyof Sinks)[]).filter((table) => !(LEAD_TABLES as readonly string[]).includes(table)).map((table) => sinks[table]),
    ].map((batches) => batches.filter((batch) => batch.length > 0).map((batch) => batch.toCopy())),
    counts: {
      accounts: sinks.accounts.length,
      leads: sinks.leads.length,
      stageTransitions: sinks.transitions.length,
      visitors: sinks.visitors.length,
      touchpoints: sinks.touchpoints.length,
      deals: sinks.deals.length,
      activities: sinks.activities.length,
      handovers: sinks.handovers.length,
    },
  };
}

