import type { DealStatus } from '../../core/funnel/stages.ts';
import { COMPETITOR, DAY, HOUR, INDUSTRY_TABLE, OTHER_COMPETITORS, OTHER_LOSSES, SCRUBCO_LOSS } from './catalog.ts';
import type { Journey } from './journey.ts';
import type { Random } from './random.ts';

/** Every 500th won deal, from the 8th, carries a close date two days before the lead's first touch, as imported CRM data does. */
const ANOMALY_EVERY = 500;
const ANOMALY_FROM = 8;

function monthEndOf(at: number): number {
  const date = new Date(at * 1000);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / 1000;
}

/** Whether a moment falls in the last three days of its (UTC) month. */
function isMonthEnd(at: number): boolean {
  return monthEndOf(at) - at <= 3 * DAY;
}

/** Pulls a close into the last days of a month, as reps do to hit the monthly target (at least a week after the proposal). */
function pushToMonthEnd(random: Random, closeAt: number, notBefore: number): number {
  const target = monthEndOf(closeAt) - random.int(0, 2) * DAY - random.int(3, 14) * HOUR;
  return target >= notBefore + 7 * DAY ? target : pushToMonthEnd(random, monthEndOf(closeAt) + DAY, notBefore);
}

/** The discount: a small one usually, more in the month's last days, matching Scrubco's price when Sales fights for it. */
function discountOf(random: Random, closeAt: number, matchScrubco: boolean): number {
  let rate = random.weighted([[0, 30], [0.03, 25], [0.05, 25], [0.08, 15], [0.1, 5]] as const) + random.between(0, 0.02);
  if (isMonthEnd(closeAt)) rate += random.between(0.06, 0.12);
  if (matchScrubco) rate = Math.max(rate, random.between(0.17, 0.22));
  return Math.round(Math.min(rate, 0.35) * 10_000) / 10_000;
}

function listPriceMinor(j: Journey): { product: string; listMinor: number } {
  const { person } = j.lead;
  const random = j.random;
  const industry = person.account?.industry ?? random.weighted(INDUSTRY_TABLE);
  const product = random.pick(industry.products);
  const size = person.account ? Math.min(4, Math.max(0.5, (person.account.employees / industry.medianEmployees) ** 0.3)) : 0.6;
  const euros = Math.max(500, Math.round(random.logNormal(product.medianEur * size, 0.45) / 100) * 100);
  return { product: product.name, listMinor: euros * 100 };
}

/** The close date as recorded on the deal: true, or (rarely) two days before the lead's first touch. */
function recordedDates(j: Journey, createdAt: number, closedAt: number): { createdAt: number; closedAt: number } {
  const world = j.lead.world;
  world.wonDeals += 1;
  if (world.wonDeals % ANOMALY_EVERY !== ANOMALY_FROM) return { createdAt, closedAt };
  const badClose = j.lead.firstTouchAt - 2 * DAY;
  return { createdAt: badClose - (closedAt - createdAt), closedAt: badClose };
}

type Draft = {
  id: string;
  name: string;
  listMinor: number;
  /** Scrubco is in the deal, undercutting by 20 %. */
  scrubco: boolean;
  /** The rep pulled the close into the last days of a month. */
  pushed: boolean;
  openedAt: number;
  closeAt: number;
};

function draftDeal(j: Journey): Draft {
  const { person } = j.lead;
  const random = j.random;
  const id = random.uuid();
  const { product, listMinor } = listPriceMinor(j);
  const scrubco = random.chance(0.3);
  const pushed = random.chance(0.4);
  const openedAt = j.at;
  const naturalClose = openedAt + random.int(14, 90) * DAY + random.int(0, 9) * HOUR;
  const closeAt = pushed ? pushToMonthEnd(random, naturalClose, openedAt) : naturalClose;
  const name = `${person.company ?? `${person.firstName} ${person.lastName}`} – ${product}`;
  return { id, name, listMinor, scrubco, pushed, openedAt, closeAt };
}

type Outcome = { rate: number; status: DealStatus; stage: string; lossReason: string | null; createdAt: number; closedAt: number | null };

function competitorOf(draft: Draft, lossReason: string | null): string | null {
  if (draft.scrubco) return COMPETITOR;
  return lossReason === null ? null : (OTHER_COMPETITORS[lossReason] ?? null);
}

function pushDeal(j: Journey, draft: Draft, outcome: Outcome): void {
  const { sinks, person, leadId } = j.lead;
  sinks.deals.push({
    id: draft.id,
    name: draft.name,
    accountId: person.account?.id ?? null,
    leadId,
    ownerId: j.owner!.id,
    amountMinor: Math.round(draft.listMinor * (1 - outcome.rate)),
    listAmountMinor: draft.listMinor,
    discountRate: outcome.rate,
    currency: 'EUR',
    status: outcome.status,
    stage: outcome.stage,
    lossReason: outcome.lossReason,
    competitor: competitorOf(draft, outcome.lossReason),
    createdAt: outcome.createdAt,
    closedAt: outcome.closedAt,
    updatedAt: outcome.closedAt ?? outcome.createdAt,
  });
}

/** Won or lost: the win rate depends on the channel (less against Scrubco, a little more when pushed), the lead follows. */
function settle(j: Journey, draft: Draft): void {
  const random = j.random;
  const { winRate } = j.lead.arrival.profile;
  const won = random.chance(Math.min(0.9, winRate * (draft.scrubco ? 0.6 : 1) + (draft.pushed ? 0.1 : 0)));
  const rate = discountOf(random, draft.closeAt, draft.scrubco && won);
  if (won) {
    const dates = recordedDates(j, draft.openedAt, draft.closeAt);
    pushDeal(j, draft, { rate, status: 'won', stage: 'closed_won', lossReason: null, ...dates });
    j.move('customer', draft.closeAt, true, `Won: ${draft.name}`);
    return;
  }
  const lossReason = draft.scrubco ? SCRUBCO_LOSS : random.weighted(OTHER_LOSSES);
  pushDeal(j, draft, { rate, status: 'lost', stage: 'closed_lost', lossReason, createdAt: draft.openedAt, closedAt: draft.closeAt });
  j.move('nurture', draft.closeAt, true, `Lost: ${lossReason}`);
}

/**
 * From opportunity to a deal: a proposal, an on-site demo, a negotiation call, then won, lost,
 * or still open when its close date is yet to come.
 */
export function closeOpportunity(j: Journey): void {
  const random = j.random;
  const draft = draftDeal(j);
  j.activity('email', 'sent', draft.openedAt + random.int(2, 30) * HOUR, 'Proposal sent', draft.id);
  j.activity('meeting', 'held', draft.openedAt + random.int(2, 7) * DAY, 'On-site demo', draft.id);
  if (draft.closeAt > j.lead.world.now) {
    const rate = discountOf(random, j.lead.world.now, false);
    pushDeal(j, draft, { rate, status: 'open', stage: 'negotiation', lossReason: null, createdAt: draft.openedAt, closedAt: null });
    return;
  }
  j.activity('call', 'connected', draft.closeAt - random.int(1, 5) * DAY, 'Negotiation call', draft.id);
  settle(j, draft);
}
