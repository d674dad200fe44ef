/**
 * Offers that compete: two campaigns with an offer on the same product, or on the same audience
 * segment, on some same day. Found per product and per segment with a sweep over the campaigns
 * sorted by launch, so the work grows with the overlaps, not with every pair of campaigns.
 */

export type OfferWindow = {
  id: string;
  name: string;
  launchOn: string;
  endOn: string;
  productIds: readonly string[];
  segments: readonly string[];
};

export type Overlap = {
  /** The earlier launch first. */
  campaigns: [{ id: string; name: string }, { id: string; name: string }];
  /** The days both run, inclusive. */
  from: string;
  to: string;
  productIds: string[];
  segments: string[];
};

/** Segments match whatever their case and surrounding spaces. */
function segmentKey(segment: string): string {
  return segment.trim().toLowerCase();
}

function byLaunch(a: OfferWindow, b: OfferWindow): number {
  return a.launchOn.localeCompare(b.launchOn) || a.id.localeCompare(b.id);
}

type Shared = { kind: 'product' | 'segment'; value: string };

/** Campaigns grouped by what they share: each product id, each segment. */
function groupByShared(campaigns: readonly OfferWindow[]): Map<string, { shared: Shared; members: OfferWindow[] }> {
  const groups = new Map<string, { shared: Shared; members: OfferWindow[] }>();
  const add = (key: string, shared: Shared, campaign: OfferWindow) => {
    const group = groups.get(key) ?? { shared, members: [] };
    group.members.push(campaign);
    groups.set(key, group);
  };
  for (const campaign of campaigns) {
    for (const productId of new Set(campaign.productIds)) add(`p:${productId}`, { kind: 'product', value: productId }, campaign);
    const segments = new Map(campaign.segments.map((segment) => [segmentKey(segment), segment.trim()]));
    for (const [key, segment] of segments) add(`s:${key}`, { kind: 'segment', value: segment }, campaign);
  }
  return groups;
}

/** Every pair of offers that share a product or a segment on at least one day, earliest first. */
export function findOverlaps(campaigns: readonly OfferWindow[]): Overlap[] {
  const pairs = new Map<string, Overlap>();
  for (const { shared, members } of groupByShared(campaigns).values()) {
    members.sort(byLaunch);
    let running: OfferWindow[] = [];
    for (const campaign of members) {
      running = running.filter((other) => other.endOn >= campaign.launchOn);
      for (const other of running) {
        const key = `${other.id}|${campaign.id}`;
        const overlap = pairs.get(key) ?? {
          campaigns: [{ id: other.id, name: other.name }, { id: campaign.id, name: campaign.name }],
          from: campaign.launchOn,
          to: other.endOn < campaign.endOn ? other.endOn : campaign.endOn,
          productIds: [],
          segments: [],
        };
        (shared.kind === 'product' ? overlap.productIds : overlap.segments).push(shared.value);
        pairs.set(key, overlap);
      }
      running.push(campaign);
    }
  }
  return [...pairs.values()].sort(
    (a, b) => a.from.localeCompare(b.from) || a.campaigns[0].name.localeCompare(b.campaigns[0].name) || a.campaigns[1].name.localeCompare(b.campaigns[1].name),
  );
}
