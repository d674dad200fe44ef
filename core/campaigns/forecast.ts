import type { Incoming, ProductKind } from '../schemas/campaigns.ts';
import { dayNumber, dayOf, isoWeek, weekStart } from './days.ts';

/**
 * Demand and stock coverage of a campaign's products. A product sells its weekly baseline
 * (spread evenly over the days) and, during the campaign, the baseline × (1 + uplift): the
 * product's own uplift, else the campaign's. A promo item (a free gift) goes out `perUnit`
 * times per unit of the campaign's products sold during the campaign, on top of its own
 * baseline. Stock on hand plus the deliveries due is drawn down day by day from the first day of
 * the forecast to the campaign's end; the day it goes negative is the day the product runs out.
 */

export type StockProduct = {
  productId: string;
  sku: string;
  name: string;
  kind: ProductKind;
  onHand: number;
  weeklyBaseline: number;
  incoming: readonly Incoming[];
};

export type CampaignLink = { product: StockProduct; upliftPercent: number | null; perUnit: number | null };
export type CampaignWindow = { launchOn: string; endOn: string; upliftPercent: number };

export type WeekForecast = { week: string; weekStart: string; demand: number; arrivals: number; closingStock: number };

export type ProductForecast = Omit<StockProduct, 'incoming'> & {
  upliftPercent: number;
  perUnit: number | null;
  /** Demand over the whole campaign, whole units rounded up: what Operations confirms. */
  campaignDemand: number;
  /** Forecast demand from the first day of the forecast to the end (before and during the campaign). */
  demand: number;
  /** Stock on hand plus the deliveries due by the end. */
  available: number;
  /** The most units missing on any day (0 when the stock lasts). */
  shortfall: number;
  /** Available over demand (1.2 = 120 %); null without demand. */
  coverage: number | null;
  runsOutOn: string | null;
  runsOutWeek: string | null;
  weeks: WeekForecast[];
};

const DEFAULT_PER_UNIT = 1;

/** The uplift that applies to a link: its own, else the campaign's; a promo item has none of its own by default. */
function upliftOf(link: CampaignLink, window: CampaignWindow): number {
  if (link.upliftPercent !== null) return link.upliftPercent;
  return link.product.kind === 'promo_item' ? 0 : window.upliftPercent;
}

/** Units a day of each link during the campaign, in the order of the links. */
function dailyDuringCampaign(links: readonly CampaignLink[], window: CampaignWindow): number[] {
  const own = links.map((link) => (link.product.weeklyBaseline / 7) * (1 + upliftOf(link, window) / 100));
  const productsSold = links.reduce((sum, link, i) => (link.product.kind === 'product' ? sum + own[i]! : sum), 0);
  return links.map((link, i) => (link.product.kind === 'promo_item' ? own[i]! + (link.perUnit ?? DEFAULT_PER_UNIT) * productsSold : own[i]!));
}

function campaignDays(window: CampaignWindow): number {
  return dayNumber(window.endOn) - dayNumber(window.launchOn) + 1;
}

/** Whole units, rounded up (a fraction of a unit still has to be in stock), never below zero. */
function wholeUnits(value: number): number {
  return Math.max(0, Math.ceil(value - 1e-9));
}

/** Demand of each link over the whole campaign, whole units rounded up, in the order of the links. */
export function campaignDemand(links: readonly CampaignLink[], window: CampaignWindow): number[] {
  const days = campaignDays(window);
  return dailyDuringCampaign(links, window).map((daily) => wholeUnits(daily * days));
}

function arrivalsByDay(incoming: readonly Incoming[], first: number, last: number): Map<number, number> {
  const byDay = new Map<number, number>();
  for (const delivery of incoming) {
    const day = dayNumber(delivery.on);
    if (day >= first && day <= last) byDay.set(day, (byDay.get(day) ?? 0) + delivery.quantity);
  }
  return byDay;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function forecastLink(link: CampaignLink, window: CampaignWindow, during: number, total: number, from: string): ProductForecast {
  const { incoming, ...product } = link.product;
  const first = dayNumber(from);
  const launch = dayNumber(window.launchOn);
  const last = dayNumber(window.endOn);
  const before = product.weeklyBaseline / 7;
  const arrivals = arrivalsByDay(incoming, first, last);
  const weeks: WeekForecast[] = [];
  let stock = product.onHand;
  let demand = 0;
  let deepest = 0;
  let runsOutOn: string | null = null;
  for (let day = first; day <= last; day++) {
    const iso = dayOf(day);
    const arriving = arrivals.get(day) ?? 0;
    const sold = day < launch ? before : during;
    stock += arriving - sold;
    demand += sold;
    if (stock < 0 && runsOutOn === null) runsOutOn = iso;
    deepest = Math.min(deepest, stock);
    const start = weekStart(iso);
    const week = weeks.at(-1);
    if (week?.weekStart === start) {
      week.demand += sold;
      week.arrivals += arriving;
      week.closingStock = stock;
    } else {
      weeks.push({ week: isoWeek(iso), weekStart: start, demand: sold, arrivals: arriving, closingStock: stock });
    }
  }
  const available = product.onHand + [...arrivals.values()].reduce((sum, quantity) => sum + quantity, 0);
  return {
    ...product,
    upliftPercent: upliftOf(link, window),
    perUnit: product.kind === 'promo_item' ? (link.perUnit ?? DEFAULT_PER_UNIT) : null,
    campaignDemand: total,
    demand: wholeUnits(demand),
    available,
    shortfall: wholeUnits(-deepest),
    coverage: demand > 0 ? round(available / demand) : null,
    runsOutOn,
    runsOutWeek: runsOutOn ? isoWeek(runsOutOn) : null,
    weeks: weeks.map((week) => ({ ...week, demand: round(week.demand), closingStock: round(week.closingStock) })),
  };
}

/**
 * The forecast of every product and promo item of a campaign from `from` (today) to the
 * campaign's end: demand, stock drawn down day by day, shortfalls and the week they begin.
 */
export function forecastCampaign(links: readonly CampaignLink[], window: CampaignWindow, from: string): ProductForecast[] {
  const during = dailyDuringCampaign(links, window);
  const days = campaignDays(window);
  return links.map((link, i) => forecastLink(link, window, during[i]!, wholeUnits(during[i]! * days), from));
}
