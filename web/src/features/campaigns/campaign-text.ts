import { ROLE_LABELS } from '../../../../core/permissions.ts';
import type { CampaignState, Offer, OfferKind, ProductKind, ReadinessCondition, StockItemState, Team } from '../../types.ts';
import { formatMoney } from '../../format.ts';

/** How the campaign pages word and colour what the server sends. */

export type Look = { label: string; color: string };

export const STATE_LOOKS: Record<CampaignState, Look> = {
  ready: { label: 'Ready', color: 'teal' },
  blocked: { label: 'Blocked', color: 'red' },
  lapsed: { label: 'Never launched', color: 'gray' },
  scheduled: { label: 'Scheduled', color: 'blue' },
  overridden: { label: 'Scheduled by override', color: 'orange' },
  live: { label: 'Live', color: 'green' },
  ended: { label: 'Ended', color: 'gray' },
};

export const CONDITION_LABELS: Record<ReadinessCondition, string> = {
  stock: 'Stock',
  briefing: 'Sales briefing',
  approvals: 'Offer approval',
  notice: 'Notice to Sales',
};

/** What a blocking condition lacks, in a few words (a calendar chip). */
export const BLOCKER_SHORT: Record<ReadinessCondition, string> = {
  stock: 'stock not confirmed',
  briefing: 'briefing not acknowledged',
  approvals: 'offer not approved',
  notice: 'notice too short',
};

export const STOCK_STATE_LOOKS: Record<StockItemState, Look> = {
  confirmed: { label: 'Confirmed', color: 'teal' },
  shortfall_accepted: { label: 'Shortfall accepted', color: 'orange' },
  unconfirmed: { label: 'Not confirmed', color: 'red' },
  outdated: { label: 'Confirmed for other terms', color: 'yellow' },
};

export const OFFER_KIND_LABELS: Record<OfferKind, string> = {
  none: 'No offer',
  discount: 'Discount',
  bundle: 'Bundle',
  free_gift: 'Free gift',
};

export const PRODUCT_KIND_LABELS: Record<ProductKind, string> = {
  product: 'Product',
  promo_item: 'Promo item',
};

export const TEAM_LABELS: Record<Team, string> = {
  marketing: 'Marketing',
  sales: 'Sales',
  operations: 'Operations',
  finance: 'Finance',
  management: 'Management',
};

export const APPROVER_LABELS = {
  marketing_lead: ROLE_LABELS.marketing_lead,
  sales_manager: ROLE_LABELS.sales_manager,
  finance: ROLE_LABELS.finance,
} as const;

/** The badge of a campaign: its state, and for a blocked draft the first thing missing. */
export function stateLabel(state: CampaignState, blockers: readonly ReadinessCondition[] = []): string {
  const first = blockers[0];
  return state === 'blocked' && first ? `Blocked: ${BLOCKER_SHORT[first]}` : STATE_LOOKS[state].label;
}

/** "Free gift · €12.99 · 10 % off": the offer in one line. */
export function offerSummary(offer: Offer, currency: string): string {
  if (offer.kind === 'none') return OFFER_KIND_LABELS.none;
  return [
    OFFER_KIND_LABELS[offer.kind],
    offer.discountPercent !== null ? `${formatNumber(offer.discountPercent)} % off` : null,
    offer.priceMinor !== null ? formatMoney(offer.priceMinor, currency) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function formatNumber(value: number, digits = 1): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(value);
}

/** "+40 %", "−10 %", "0 %". */
export function formatUplift(percent: number): string {
  if (percent === 0) return '0 %';
  return `${percent > 0 ? '+' : '−'}${formatNumber(Math.abs(percent))} %`;
}

/** "14 Dec – 27 Dec 2026" for two days; one day alone when they are the same. */
export function formatDayRange(from: string, to: string): string {
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  if (from === to) return format.format(start);
  return format.formatRange(start, end);
}
