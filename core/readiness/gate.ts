import { ROLE_LABELS } from '../permissions.ts';
import { addDays, daysBetween } from '../campaigns/days.ts';
import type { ApprovalRole, CampaignSettings, CampaignStatus, Offer, ProductKind, StockDecision } from '../schemas/campaigns.ts';
import { localDay } from '../sla/business-time.ts';

/**
 * The launch gate: a campaign may be scheduled only when
 * (a) Operations confirmed stock for the forecast demand of every product and promo item, or
 *     accepted a shortfall with a reason (a confirmation of other dates or of a smaller demand
 *     no longer counts);
 * (b) the sales briefing is published as the campaign stands now, and every affected rep
 *     acknowledged that version (themselves, or a manager for them);
 * (c) an offer with a price or a discount is approved, for those terms, by a marketing lead and
 *     a sales manager, and by Finance when the discount is above the workspace's threshold;
 * (d) Sales was briefed at least the workspace's minimum notice before the announcement (or the
 *     launch, without one): counted from the briefing's first publication.
 * Every condition says who did what and when. Pure: the caller loads the facts and gives today.
 */

export const READINESS_CONDITIONS = ['stock', 'briefing', 'approvals', 'notice'] as const;
export type ReadinessCondition = (typeof READINESS_CONDITIONS)[number];

/** Who did something, and when. */
export type Stamp = { userId: string | null; name: string | null; at: Date };
export type RepRef = { userId: string; name: string };

export type StockConfirmation = Stamp & { decision: StockDecision; reason: string | null; launchOn: string; endOn: string; demand: number };
export type StockItemInput = { productId: string; sku: string; name: string; kind: ProductKind; demand: number; confirmation: StockConfirmation | null };
export type GivenApproval = Stamp & { role: ApprovalRole; termsKey: string; note: string | null };
export type Acknowledgement = Stamp & { isOnBehalf: boolean };

export type ReadinessInput = {
  /** Today in the workspace's time zone, and that zone (to date the briefing's publication). */
  today: string;
  timeZone: string;
  launchOn: string;
  endOn: string;
  announceOn: string | null;
  offer: Offer;
  policy: CampaignSettings;
  stock: readonly StockItemInput[];
  /** The key of the offer's terms as they stand (offer, dates, products) and the latest approval of each role. */
  approvals: { termsKey: string; given: readonly GivenApproval[] };
  /** The key of the briefing's content as it stands, its latest published version, and its first publication. */
  briefing: { contentKey: string; latest: (Stamp & { version: number; contentKey: string }) | null; first: Stamp | null };
  /** The affected reps, and the acknowledgements of the latest published version by rep. */
  reps: readonly RepRef[];
  acknowledgements: ReadonlyMap<string, Acknowledgement>;
};

export type StockItemState = StockDecision | 'unconfirmed' | 'outdated';

export type StockReport = {
  met: boolean;
  summary: string;
  items: { productId: string; sku: string; name: string; kind: ProductKind; demand: number; state: StockItemState; confirmation: StockConfirmation | null }[];
};

export type BriefingReport = {
  met: boolean;
  summary: string;
  version: number | null;
  published: Stamp | null;
  /** The published version is the campaign as it stands now. */
  isCurrent: boolean;
  expected: number;
  acknowledged: number;
  /** The affected reps who have not acknowledged the latest version (all of them before one is published). */
  missing: RepRef[];
};

export type ApprovalsReport = {
  met: boolean;
  summary: string;
  /** The offer has a price or a discount. */
  isNeeded: boolean;
  required: ApprovalRole[];
  missing: ApprovalRole[];
  /** The approvals that hold for the offer's terms as they stand. */
  given: GivenApproval[];
};

export type NoticeReport = {
  met: boolean;
  summary: string;
  minNoticeDays: number;
  /** What the notice is counted to: the announcement, else the launch. */
  countedTo: 'announcement' | 'launch';
  countedToOn: string;
  /** The last day to brief Sales. */
  deadline: string;
  briefed: Stamp | null;
  briefedOn: string | null;
  noticeDays: number | null;
};

export type ReadinessReport = {
  ready: boolean;
  conditions: { stock: StockReport; briefing: BriefingReport; approvals: ApprovalsReport; notice: NoticeReport };
  blockers: { condition: ReadinessCondition; message: string }[];
};

const NAMED = 5;

/** 'DET-5L, BASIN-1 and 3 more' */
function listOf(names: readonly string[]): string {
  const shown = names.slice(0, NAMED).join(', ');
  return names.length > NAMED ? `${shown} and ${names.length - NAMED} more` : shown;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function stateOf(item: StockItemInput, input: ReadinessInput): StockItemState {
  const confirmation = item.confirmation;
  if (!confirmation) return 'unconfirmed';
  const isSameWindow = confirmation.launchOn === input.launchOn && confirmation.endOn === input.endOn;
  return isSameWindow && confirmation.demand >= item.demand ? confirmation.decision : 'outdated';
}

function stockReport(input: ReadinessInput): StockReport {
  // Written out field by field: spread, hundreds of items became slow dictionary objects, several times the memory.
  const items = input.stock.map((item) => {
    const { productId, sku, name, kind, demand, confirmation } = item;
    return { productId, sku, name, kind, demand, confirmation, state: stateOf(item, input) };
  });
  const open = items.filter((item) => item.state === 'unconfirmed' || item.state === 'outdated');
  const accepted = items.filter((item) => item.state === 'shortfall_accepted').length;
  const outdated = open.filter((item) => item.state === 'outdated').length;
  let summary: string;
  if (items.length === 0) summary = 'No products or promo items to stock.';
  else if (open.length === 0) {
    summary = `Operations confirmed stock for all ${plural(items.length, 'product and promo item', 'products and promo items')}${accepted > 0 ? ` (${plural(accepted, 'shortfall')} accepted)` : ''}.`;
  } else {
    summary =
      `Operations has not confirmed stock for ${open.length} of ${plural(items.length, 'product and promo item', 'products and promo items')}: ${listOf(open.map((item) => item.sku))}` +
      (outdated > 0 ? ` (${outdated} confirmed for other dates or a smaller demand).` : '.');
  }
  return { met: open.length === 0, summary, items };
}

function briefingReport(input: ReadinessInput): BriefingReport {
  const { latest } = input.briefing;
  const { reps, acknowledgements } = input;
  const missing = latest ? reps.filter((rep) => !acknowledgements.has(rep.userId)) : [...reps];
  const isCurrent = latest !== null && latest.contentKey === input.briefing.contentKey;
  const base = {
    version: latest?.version ?? null,
    published: latest ? { userId: latest.userId, name: latest.name, at: latest.at } : null,
    isCurrent,
    expected: reps.length,
    acknowledged: reps.length - missing.length,
    missing,
  };
  if (!latest) return { ...base, met: false, summary: 'The sales briefing is not published.' };
  const day = localDay(input.timeZone, latest.at);
  if (!isCurrent) {
    return { ...base, met: false, summary: `The campaign changed since briefing v${latest.version} was published on ${day}: publish it again.` };
  }
  if (missing.length > 0) {
    return { ...base, met: false, summary: `${missing.length} of ${plural(reps.length, 'rep')} have not acknowledged briefing v${latest.version}: ${listOf(missing.map((rep) => rep.name))}.` };
  }
  const summary = reps.length === 0 ? `Briefing v${latest.version} is published; there are no sales reps to brief.` : `All ${plural(reps.length, 'rep')} acknowledged briefing v${latest.version}.`;
  return { ...base, met: true, summary };
}

/** The roles whose approval the offer needs: none without a price or discount; Finance above the threshold. */
export function requiredApprovals(offer: Offer, policy: CampaignSettings): ApprovalRole[] {
  const isPriced = (offer.discountPercent ?? 0) > 0 || offer.priceMinor !== null;
  if (!isPriced) return [];
  const isAboveThreshold = (offer.discountPercent ?? 0) > policy.financeApprovalAbovePercent;
  return isAboveThreshold ? ['marketing_lead', 'sales_manager', 'finance'] : ['marketing_lead', 'sales_manager'];
}

function approvalsReport(input: ReadinessInput): ApprovalsReport {
  const required = requiredApprovals(input.offer, input.policy);
  const given = input.approvals.given.filter((approval) => approval.termsKey === input.approvals.termsKey);
  const missing = required.filter((role) => !given.some((approval) => approval.role === role));
  const base = { isNeeded: required.length > 0, required, missing, given };
  if (required.length === 0) return { ...base, met: true, summary: 'The offer has no price or discount: no approval needed.' };
  if (missing.length > 0) {
    const names = missing.map((role) => (role === 'finance' ? `Finance (the discount is above ${input.policy.financeApprovalAbovePercent} %)` : ROLE_LABELS[role]));
    return { ...base, met: false, summary: `The offer's price or discount awaits approval by: ${names.join(', ')}.` };
  }
  const by = required.map((role) => given.find((approval) => approval.role === role)!).map((approval) => `${approval.name ?? 'someone'} (${ROLE_LABELS[approval.role]})`);
  return { ...base, met: true, summary: `The offer is approved by ${by.join(', ')}.` };
}

function noticeReport(input: ReadinessInput): NoticeReport {
  const min = input.policy.minNoticeDays;
  const countedTo = input.announceOn ? 'announcement' : 'launch';
  const countedToOn = input.announceOn ?? input.launchOn;
  const deadline = addDays(countedToOn, -min);
  const briefed = input.briefing.first;
  const base = { minNoticeDays: min, countedTo, countedToOn, deadline, briefed } as const;
  if (!briefed) {
    const summary =
      input.today <= deadline
        ? `Publish the sales briefing by ${deadline}, ${plural(min, 'day')} before the ${countedTo} on ${countedToOn}.`
        : `The ${plural(min, 'day')}' notice before the ${countedTo} on ${countedToOn} can no longer be given: move the ${countedTo} to ${addDays(input.today, min)} or later.`;
    return { ...base, briefedOn: null, noticeDays: null, met: false, summary };
  }
  const briefedOn = localDay(input.timeZone, briefed.at);
  const noticeDays = daysBetween(briefedOn, countedToOn);
  const met = noticeDays >= min;
  const who = briefed.name ? ` by ${briefed.name}` : '';
  const summary = met
    ? `Sales was briefed on ${briefedOn}${who}, ${plural(noticeDays, 'day')} before the ${countedTo} (at least ${min}).`
    : `Sales was briefed on ${briefedOn}${who}, only ${plural(noticeDays, 'day')} before the ${countedTo}; at least ${min} are needed: move the ${countedTo} to ${addDays(briefedOn, min)} or later.`;
  return { ...base, briefedOn, noticeDays, met, summary };
}

/** Evaluates the four conditions of the launch gate; the campaign is ready when all are met. */
export function evaluateReadiness(input: ReadinessInput): ReadinessReport {
  const conditions = { stock: stockReport(input), briefing: briefingReport(input), approvals: approvalsReport(input), notice: noticeReport(input) };
  const blockers = READINESS_CONDITIONS.filter((name) => !conditions[name].met).map((name) => ({ condition: name, message: conditions[name].summary }));
  return { ready: blockers.length === 0, conditions, blockers };
}

/** Where a campaign stands, for the calendar: its status, and for a draft whether it could be scheduled. */
export const CAMPAIGN_STATES = ['ready', 'blocked', 'lapsed', 'scheduled', 'overridden', 'live', 'ended'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/**
 * A draft is ready or blocked by the gate, or lapsed when its launch day passed unscheduled; a
 * campaign scheduled by an admin's override says so.
 */
export function campaignState(campaign: { status: CampaignStatus; launchOn: string; isOverridden: boolean }, today: string, isReady: boolean): CampaignState {
  if (campaign.status === 'scheduled') return campaign.isOverridden ? 'overridden' : 'scheduled';
  if (campaign.status !== 'draft') return campaign.status;
  if (campaign.launchOn < today) return 'lapsed';
  return isReady ? 'ready' : 'blocked';
}
