import { rate } from '../funnel/metrics.ts';

/**
 * A campaign's economics over a period: its spend in the period, return on it, and cost per MQL, SQL
 * and won customer. Every ratio with nothing to divide by is null, never NaN or Infinity.
 */

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * The part of a campaign's spend that falls in the period [from, to): spend is spread evenly over the
 * campaign's days, from `startsOn` to `endsOn` included. A campaign without both dates counts whole.
 */
export function spendInPeriod(spendMinor: number, campaign: { startsOn: string | null; endsOn: string | null }, period: { from: string; to: string }): number {
  if (!campaign.startsOn || !campaign.endsOn) return spendMinor;
  const start = dayNumber(campaign.startsOn);
  const end = dayNumber(campaign.endsOn) + 1;
  const overlap = Math.max(0, Math.min(end, dayNumber(period.to)) - Math.max(start, dayNumber(period.from)));
  return Math.round((spendMinor * overlap) / (end - start));
}

/** (revenue − spend) / spend; null without spend. */
export function returnOnSpend(revenueMinor: number, spendMinor: number): number | null {
  return rate(revenueMinor - spendMinor, spendMinor);
}

/** Spend per one of something (an MQL, an SQL, a won customer); null when there was none. */
export function costPer(spendMinor: number, count: number): number | null {
  return rate(spendMinor, count);
}
