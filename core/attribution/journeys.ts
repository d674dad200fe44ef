import type { AttributionPath } from './paths.ts';

/**
 * Journeys as the server builds them from the database (one per lead, timestamped touches), turned
 * into the paths every model reads: times become ages before the conversion (time decay), lead and
 * opportunity marks become touch indices (W-shaped).
 */

/** One touchpoint. `at` is epoch milliseconds. */
export type Touch = {
  channel: string;
  campaign?: string | null;
  at: number;
  isLeadCreation?: boolean;
  isOpportunityCreation?: boolean;
};

/** One person's touches and whether (when) they converted, with the conversion's value. */
export type Journey = { touches: readonly Touch[]; convertedAt: number | null; value?: number };

/** What a touch is credited to: its channel, or its campaign. */
export type AttributionUnit = 'channel' | 'campaign';

/** The label touches without a campaign share when attributing by campaign. */
export const NO_CAMPAIGN = '(no campaign)';

const DAY_MS = 86_400_000;

function byTime(a: Touch, b: Touch): number {
  return a.at - b.at;
}

function isSorted(touches: readonly Touch[]): boolean {
  for (let i = 1; i < touches.length; i++) if (touches[i]!.at < touches[i - 1]!.at) return false;
  return true;
}

/** The index of the first touch with the mark, if any. */
function markedTouch(touches: readonly Touch[], isMarked: (touch: Touch) => boolean | undefined): number | undefined {
  const index = touches.findIndex((touch) => isMarked(touch) === true);
  return index < 0 ? undefined : index;
}

/**
 * One path per journey, touches in time order. A converted journey keeps only the touches at or before
 * its conversion (later ones cannot have caused it) and counts one conversion of its value; any other
 * journey counts one null. A journey with no touch before its conversion is a conversion with no touch.
 */
export function journeysToPaths(journeys: readonly Journey[], unit: AttributionUnit = 'channel'): AttributionPath[] {
  const label = unit === 'channel' ? (touch: Touch) => touch.channel : (touch: Touch) => touch.campaign ?? NO_CAMPAIGN;
  return journeys.map((journey) => {
    const sorted = isSorted(journey.touches) ? journey.touches : [...journey.touches].sort(byTime);
    if (journey.convertedAt === null) return { channels: sorted.map(label), conversions: 0, value: 0, nulls: 1 };
    const convertedAt = journey.convertedAt;
    const touches = sorted.filter((touch) => touch.at <= convertedAt);
    return {
      channels: touches.map(label),
      conversions: 1,
      value: journey.value ?? 0,
      nulls: 0,
      ageDays: touches.map((touch) => (convertedAt - touch.at) / DAY_MS),
      leadTouch: markedTouch(touches, (touch) => touch.isLeadCreation),
      opportunityTouch: markedTouch(touches, (touch) => touch.isOpportunityCreation),
    };
  });
}
