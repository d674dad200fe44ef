import type { ActivityType, LeadStage, SideStage } from '../../core/funnel/stages.ts';
import type { RejectionReason } from '../../core/schemas/sla.ts';
import type { Arrival } from './arrival.ts';
import { DAY, DISQUALIFY_REASONS, HOUR, NO_PROJECT, REJECTION_CODES, WRONG_CONTACT, type Persona } from './catalog.ts';
import { closeOpportunity } from './deal.ts';
import type { Person } from './people.ts';
import type { Random } from './random.ts';
import type { Sinks } from './sinks.ts';
import type { Rep } from './team.ts';
import type { World } from './world.ts';

const MINUTE = 60;

/** `rejection`: the SLA's reason code when the rep turned the MQL away at the handover. */
export type Transition = { from: LeadStage | null; to: LeadStage; at: number; actorId: string | null; reason: string; rejection: RejectionReason | null };

/** One lead as the generator walks it down the funnel. */
type LeadContext = {
  world: World;
  random: Random;
  sinks: Sinks;
  leadId: string;
  arrival: Arrival;
  person: Person;
  /** The earliest touchpoint of the lead (the bad close dates are set relative to it). */
  firstTouchAt: number;
};

const CREATED_REASONS: Record<string, string> = {
  event: 'Badge scanned at the booth',
  webinar: 'Registered for the webinar',
  partner: 'Registered by a distributor',
  referral: 'Referred by a customer',
};

const MQL_CHANCE: Record<Persona, number> = { buyer: 0.62, job_seeker: 0.35, student: 0.2, browser: 0.14 };

/** The stage history of one lead, its owner, and the sales activities logged on it; nothing is recorded after now. */
export class Journey {
  readonly transitions: Transition[] = [];
  stage: LeadStage = 'lead';
  at: number;
  owner: Rep | null = null;
  /** When meetings were held (they are touchpoints too). */
  readonly meetings: number[] = [];
  /** When the owner's calls, emails and meetings happened, in the order logged: the SLA's contact attempts. */
  readonly contacts: number[] = [];

  constructor(
    readonly lead: LeadContext,
    from: 'visitor' | null,
  ) {
    const { arrival } = lead;
    this.at = arrival.createdAt;
    const reason = arrival.promo ? 'Claimed the free washing basin offer' : (CREATED_REASONS[arrival.profile.channel] ?? 'Submitted the contact form');
    this.transitions.push({ from, to: 'lead', at: this.at, actorId: null, reason, rejection: null });
  }

  get random(): Random {
    return this.lead.random;
  }

  get persona(): Persona {
    return this.lead.arrival.persona;
  }

  /** Moves to a stage `at`, done by the owner or by the system; refused (false) when `at` is still in the future. */
  move(to: LeadStage, at: number, byOwner: boolean, reason: string, rejection: RejectionReason | null = null): boolean {
    if (at > this.lead.world.now) return false;
    this.transitions.push({ from: this.stage, to, at, actorId: byOwner ? (this.owner?.id ?? null) : null, reason, rejection });
    this.stage = to;
    this.at = at;
    return true;
  }

  /** Logs a call, email or meeting by the owner; refused (false) when `at` is still in the future. */
  activity(type: ActivityType, outcome: string, at: number, notes: string | null = null, dealId: string | null = null): boolean {
    if (at > this.lead.world.now) return false;
    const { sinks, random, leadId } = this.lead;
    sinks.activities.push({ id: random.uuid(), leadId, dealId, type, outcome, notes, actorId: this.owner!.id, occurredAt: at, createdAt: at });
    if (type === 'meeting' && outcome === 'held') this.meetings.push(at);
    this.contacts.push(at);
    return true;
  }
}

/** Moves the lead to a side stage (nurture, recycled, disqualified), by its owner unless said otherwise; the journey ends there. */
function sideline(j: Journey, to: SideStage, at: number, reason: string, byOwner = true): false {
  j.move(to, at, byOwner, reason);
  return false;
}

/** The rep turns the MQL away at the handover, with the reason code the SLA ledger counts; the journey ends there. */
function reject(j: Journey, to: 'disqualified' | 'nurture', at: number, reason: string, code: RejectionReason): false {
  j.move(to, at, true, reason, code);
  return false;
}

/** Marketing's scoring: an engaged lead becomes an MQL and is routed to a rep; the rest may drift to nurture. */
function qualify(j: Journey): boolean {
  const random = j.random;
  const chance = j.lead.arrival.promo ? Math.max(0.55, MQL_CHANCE[j.persona]) : MQL_CHANCE[j.persona];
  if (!random.chance(chance)) {
    if (random.chance(0.5)) sideline(j, 'nurture', j.at + random.int(20, 60) * DAY, 'No engagement for 30 days – moved to nurture', false);
    return false;
  }
  if (!j.move('mql', j.at + MINUTE * 10 + Math.round(random.exponential(3 * DAY)), false, 'Lead score reached the MQL threshold')) return false;
  j.owner = random.weighted(j.lead.world.reps);
  return true;
}

/** How long the rep takes to make the first attempt after the handover. */
function firstDelay(rep: Rep, random: Random): number {
  if (rep.followUp === 'fast') return 10 * MINUTE + Math.round(random.exponential(1.5 * HOUR));
  if (rep.followUp === 'steady') return HOUR + Math.round(random.exponential(10 * HOUR));
  return 3 * DAY + Math.round(random.exponential(7 * DAY));
}

type Outreach = { reachedAt: number | null; attempts: number; ongoing: boolean };

/** The rep's contact attempts after the handover: when the lead was reached (or null), how many attempts, whether some are still to come. */
function followUp(j: Journey): Outreach {
  const random = j.random;
  const owner = j.owner!;
  const attempts = owner.followUp === 'never' ? (random.chance(0.07) ? 1 : 0) : random.int(1, 4);
  let at = j.at + firstDelay(owner, random);
  for (let i = 0; i < attempts; i += 1) {
    const type = random.chance(0.7) ? 'call' : 'email';
    const reached = random.chance(type === 'call' ? 0.45 : 0.3);
    const outcome = reached ? (type === 'call' ? 'connected' : 'replied') : type === 'call' ? random.pick(['no_answer', 'voicemail']) : 'sent';
    if (!j.activity(type, outcome, at)) return { reachedAt: null, attempts: i, ongoing: true };
    if (reached) return { reachedAt: at, attempts: i + 1, ongoing: false };
    at += random.int(20, 72) * HOUR;
  }
  return { reachedAt: null, attempts, ongoing: false };
}

/** The rep's verdict after the first conversation (or the SLA's when nobody called): accepted as SAL, or not. */
function handover(j: Journey): boolean {
  const random = j.random;
  const persona = j.persona;
  const { reachedAt, attempts, ongoing } = followUp(j);
  if (reachedAt === null) {
    if (ongoing) return false;
    if (attempts === 0) return sideline(j, 'recycled', j.at + random.int(14, 30) * DAY, 'No contact within the SLA – returned to marketing', false);
    return sideline(j, 'recycled', j.contacts[j.contacts.length - 1]! + 2 * DAY, `Unreachable after ${attempts} attempts`);
  }
  const decidedAt = reachedAt + random.int(5, 240) * MINUTE;
  if (persona !== 'buyer' && random.chance(0.9)) return reject(j, 'disqualified', decidedAt, DISQUALIFY_REASONS[persona], REJECTION_CODES[persona]);
  if (persona === 'buyer') {
    // A quarter of the buyers go back to nurture: most without a project, a few were the wrong person.
    const roll = random.next();
    if (roll < 0.25) {
      const why = roll < 0.05 ? WRONG_CONTACT : NO_PROJECT;
      return reject(j, 'nurture', decidedAt, why.reason, why.code);
    }
  }
  return j.move('sal', decidedAt, true, 'Accepted after the first conversation');
}

/** A recycled lead that comes back once, re-scored as an MQL, for the same rep. */
function reengage(j: Journey): boolean {
  if (j.stage !== 'recycled' || !j.random.chance(0.2)) return false;
  return j.move('mql', j.at + j.random.int(30, 120) * DAY, false, 'Re-engaged: downloaded the buyer guide');
}

/** The discovery meeting decides SQL: only real buyers with budget pass. */
function discover(j: Journey): boolean {
  const random = j.random;
  const meetAt = j.at + random.int(1, 10) * DAY + random.int(0, 8) * HOUR;
  const held = random.chance(0.85);
  if (!j.activity('meeting', held ? 'held' : 'no_show', meetAt, 'Discovery meeting')) return false;
  const persona = j.persona;
  if (persona !== 'buyer') return sideline(j, 'disqualified', meetAt + 2 * HOUR, `Discovery: ${DISQUALIFY_REASONS[persona]}`);
  if (!held) return sideline(j, 'nurture', meetAt + DAY, 'Missed the discovery meeting – back to nurture');
  if (!random.chance(0.72)) return sideline(j, 'nurture', meetAt + DAY, 'No budget before next year');
  return j.move('sql', meetAt + random.int(2, 48) * HOUR, true, 'Budget, need and timeline confirmed');
}

/** After a good discovery, most buyers ask for a proposal: the opportunity. */
function propose(j: Journey): boolean {
  const at = j.at + j.random.int(2, 14) * DAY;
  if (!j.random.chance(0.8)) return sideline(j, 'nurture', at, 'Decided to wait – re-contact next quarter');
  return j.move('opportunity', at, true, 'Proposal requested');
}

/** Walks one lead down the funnel from its arrival, with realistic drop-off and timing. */
export function live(lead: LeadContext, from: 'visitor' | null): Journey {
  const j = new Journey(lead, from);
  if (!qualify(j)) return j;
  const accepted = handover(j) || (reengage(j) && handover(j));
  if (accepted && discover(j) && propose(j)) closeOpportunity(j);
  return j;
}
