import { COMPETITOR, DAY, HOUR, INDUSTRY_TABLE, OTHER_LOSSES, SCRUBCO_LOSS } from './catalog.ts';
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
export function isMonthEnd(at: number): boolean {
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

/**
 * From opportunity to a closed (or still open) deal: a site demo, a proposal, a negotiation
 * call; the win rate depends on the channel; Scrubco undercuts by 20 % on some deals.
 */
export function closeOpportunity(j: Journey): void {
  const { sinks, leadId, person, arrival, world } = j.lead;
  const random = j.random;
  const openedAt = j.at;
  const dealId = random.uuid();
  const { product, listMinor } = listPriceMinor(j);
  const name = `${person.company ?? `${person.firstName} ${person.lastName}`} – ${product}`;
  const scrubco = random.chance(0.3);
  const pushed = random.chance(0.4);
  const naturalClose = openedAt + random.int(14, 90) * DAY + random.int(0, 9) * HOUR;
  const closeAt = pushed ? pushToMonthEnd(random, naturalClose, openedAt) : naturalClose;
  j.activity('email', 'sent', openedAt + random.int(2, 30) * HOUR, 'Proposal sent', dealId);
  j.activity('meeting', 'held', openedAt + random.int(2, 7) * DAY, 'On-site demo', dealId);
  const base = { id: dealId, name, accountId: person.account?.id ?? null, leadId, ownerId: j.owner!.id, listAmountMinor: listMinor, currency: 'EUR' };
  if (closeAt > world.now) {
    const rate = discountOf(random, world.now, false);
    sinks.deals.push({ ...base, amountMinor: Math.round(listMinor * (1 - rate)), discountRate: rate, status: 'open', stage: 'negotiation', lossReason: null, competitor: null, createdAt: openedAt, closedAt: null, updatedAt: openedAt });
    return;
  }
  j.activity('call', 'connected', closeAt - random.int(1, 5) * DAY, 'Negotiation call', dealId);
  const won = random.chance(Math.min(0.9, arrival.profile.winRate * (scrubco ? 0.6 : 1) + (pushed ? 0.1 : 0)));
  const rate = discountOf(random, closeAt, scrubco && won);
  const loss = won ? null : scrubco ? { reason: SCRUBCO_LOSS, competitor: COMPETITOR } : random.weighted(OTHER_LOSSES);
  const dates = won ? recordedDates(j, openedAt, closeAt) : { createdAt: openedAt, closedAt: closeAt };
  sinks.deals.push({
    ...base,
    amountMinor: Math.round(listMinor * (1 - rate)),
    discountRate: rate,
    status: won ? 'won' : 'lost',
    stage: won ? 'closed_won' : 'closed_lost',
    lossReason: loss?.reason ?? null,
    competitor: loss?.competitor ?? (scrubco ? COMPETITOR : null),
    ...dates,
    updatedAt: dates.closedAt,
  });
  j.move(won ? 'customer' : 'nurture', closeAt, true, won ? `Won: ${name}` : `Lost: ${loss!.reason}`);
}
