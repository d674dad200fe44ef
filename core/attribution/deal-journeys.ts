import { NO_CAMPAIGN, type AttributionUnit, type Journey, type Touch } from './journeys.ts';

/**
 * A workspace's deals as journeys: for each conversion (a deal created, or won), the touches of its
 * lead within the lookback window before it, with lead creation and opportunity creation marked on
 * the nearest touches (W-shaped); and the two plain tallies beside the models: sourced (where the
 * lead came from) and influenced (every channel or campaign touched in the window).
 */

/** The channel of a touch that has none and whose campaign has none either. */
export const UNKNOWN_CHANNEL = 'direct/unknown';

export const SOURCING_RULES = ['lead_source', 'first_touch'] as const;
/** Sourced by the lead's recorded channel and campaign, or by the first touch in the window (the lead's record when there is none). */
export type SourcingRule = (typeof SOURCING_RULES)[number];

/** A touch as the server loads it. `isInfluence`: its type counts as influence under the credit policy. */
export type DealTouch = Touch & { campaign: string | null; isInfluence: boolean };

export type DealConversion = {
  /** The conversion moment (epoch ms): the deal's creation (pipeline) or close (revenue). */
  at: number;
  /** The deal's amount. */
  value: number;
  leadCreatedAt: number | null;
  opportunityCreatedAt: number;
  /** The lead's touches in time order (any window; those outside the lookback are left out here). */
  touches: readonly DealTouch[];
  /** The lead's recorded channel and campaign. */
  source: { channel: string; campaign: string | null };
};

/** A conversion and its touches within the lookback window. */
export type WindowedConversion = { conversion: DealConversion; touches: readonly DealTouch[] };

export type Tally = { count: number; value: number };
export type SourcedInfluenced = { sourced: Tally; influenced: Tally };

const DAY_MS = 86_400_000;

/** The first index whose touch is at or after `at` (touches in time order). */
function firstAtOrAfter(touches: readonly Touch[], at: number): number {
  let low = 0;
  let high = touches.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (touches[middle]!.at < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The touches (in time order) at or after `from` and before `to`. */
export function touchesBetween<T extends Touch>(touches: readonly T[], from: number, to: number): readonly T[] {
  return touches.slice(firstAtOrAfter(touches, from), firstAtOrAfter(touches, to));
}

/** The touches from `lookbackDays` before the conversion up to it, both ends included. */
export function withinLookback(conversion: DealConversion, lookbackDays: number): WindowedConversion {
  const { touches, at } = conversion;
  return { conversion, touches: touchesBetween(touches, at - lookbackDays * DAY_MS, at + 1) };
}

/** The index of the touch nearest in time to `at` (the earlier one on a tie). */
function nearestTouch(touches: readonly Touch[], at: number): number {
  const after = firstAtOrAfter(touches, at);
  if (after === 0) return 0;
  if (after === touches.length) return touches.length - 1;
  return at - touches[after - 1]!.at <= touches[after]!.at - at ? after - 1 : after;
}

/** The journey the models read: its touches, the lead and opportunity creation marked on the nearest ones. */
export function conversionJourney(windowed: WindowedConversion): Journey {
  const { conversion, touches } = windowed;
  if (touches.length === 0) return { touches, convertedAt: conversion.at, value: conversion.value };
  const lead = conversion.leadCreatedAt === null ? -1 : nearestTouch(touches, conversion.leadCreatedAt);
  const opportunity = nearestTouch(touches, conversion.opportunityCreatedAt);
  const marked: Touch[] = touches.slice();
  for (const index of new Set([lead, opportunity])) {
    if (index < 0) continue;
    const { at, channel, campaign } = touches[index]!;
    marked[index] = { at, channel, campaign, isLeadCreation: index === lead, isOpportunityCreation: index === opportunity };
  }
  return { touches: marked, convertedAt: conversion.at, value: conversion.value };
}

/** What a touch or a source is counted under: its channel, or its campaign. */
function unitLabel(unit: AttributionUnit, item: { channel: string; campaign: string | null }): string {
  return unit === 'channel' ? item.channel : (item.campaign ?? NO_CAMPAIGN);
}

function add(tallies: Map<string, SourcedInfluenced>, label: string, kind: keyof SourcedInfluenced, value: number): void {
  let tally = tallies.get(label);
  if (!tally) {
    tally = { sourced: { count: 0, value: 0 }, influenced: { count: 0, value: 0 } };
    tallies.set(label, tally);
  }
  tally[kind].count += 1;
  tally[kind].value += value;
}

/**
 * Sourced and influenced, per channel or campaign: each conversion is sourced by exactly one (so the
 * sourced counts sum to the conversions), and influences every channel or campaign that has a touch of
 * an influencing type within its window, once each, for its whole value. Touches without a campaign
 * influence no campaign.
 */
export function sourcedAndInfluenced(conversions: readonly WindowedConversion[], unit: AttributionUnit, rule: SourcingRule): Map<string, SourcedInfluenced> {
  const tallies = new Map<string, SourcedInfluenced>();
  const influencers: string[] = [];
  for (const { conversion, touches } of conversions) {
    const source = rule === 'first_touch' && touches.length > 0 ? touches[0]! : conversion.source;
    add(tallies, unitLabel(unit, source), 'sourced', conversion.value);
    influencers.length = 0;
    for (const touch of touches) {
      if (!touch.isInfluence || (unit === 'campaign' && touch.campaign === null)) continue;
      const label = unitLabel(unit, touch);
      if (!influencers.includes(label)) influencers.push(label);
    }
    for (const label of influencers) add(tallies, label, 'influenced', conversion.value);
  }
  return tallies;
}
