import { lmdiEffects, product } from './lmdi.ts';

/**
 * The revenue bridge: why revenue differs from the target (or the previous period), split exactly into
 * the funnel's seven levers, per segment (channel) and in total, each labelled with the team that owns it.
 *
 * A segment's revenue in a period is the product
 *
 *   revenue = leads × mqlRate × acceptanceRate × opportunityRate × winRate × avgDealSize × (1 − discount)
 *
 * leads            new leads of the segment in the period
 * mqlRate          MQLs / leads
 * acceptanceRate   SQLs / MQLs (the MQLs Sales accepted)
 * opportunityRate  opportunities / SQLs
 * winRate          won deals / opportunities
 * avgDealSize      list amount per won deal
 * discount         1 − revenue / list amount of the won deals (the list-weighted average discount)
 *
 * which telescopes to the revenue. The gap is decomposed by additive LMDI-I per segment (`lmdi.ts`), so
 * the effects sum to the gap with no residual, whatever the order of the factors.
 *
 * A rate whose base is zero (no MQLs, so no acceptance rate) is null and takes the other period's value,
 * so the change is laid on the factor that actually went to or from zero; a segment missing from a
 * period counts as zero leads with every rate null: a channel that appears or disappears is all lead
 * volume. A rate null in both periods counts as 0 (no revenue is invented). A zero target (or base) is
 * well defined: each segment's revenue goes to the factors that were zero in the base, evenly.
 */

export const BRIDGE_FACTORS = ['leads', 'mqlRate', 'acceptanceRate', 'opportunityRate', 'winRate', 'avgDealSize', 'discount'] as const;
export type BridgeFactor = (typeof BRIDGE_FACTORS)[number];

export const TEAMS = ['marketing', 'shared', 'sales'] as const;
export type Team = (typeof TEAMS)[number];

/**
 * Who owns each lever. Lead volume and MQL rate: Marketing. Acceptance: shared, because it measures
 * both the MQLs' quality and Sales' follow-up against the definition both teams signed. From the
 * opportunity on (opportunity rate, win rate, deal size, discount): Sales.
 */
export const FACTOR_TEAMS: Record<BridgeFactor, Team> = {
  leads: 'marketing',
  mqlRate: 'marketing',
  acceptanceRate: 'shared',
  opportunityRate: 'sales',
  winRate: 'sales',
  avgDealSize: 'sales',
  discount: 'sales',
};

type RateFactor = Exclude<BridgeFactor, 'leads'>;

/** One segment in one period. Rates and discount are in [0, 1]; a rate is null when its base is zero. */
export type SegmentFactors = { segment: string; leads: number } & Record<RateFactor, number | null>;

export type FactorEffect = { factor: BridgeFactor; team: Team; effect: number };

export type SegmentBridge = { segment: string; base: number; current: number; gap: number; effects: FactorEffect[] };

/** Ready for a waterfall: start at `base`, one step per entry of `effects` (in BRIDGE_FACTORS order), end at `current`. */
export type RevenueBridge = {
  base: number;
  current: number;
  gap: number;
  effects: FactorEffect[];
  teams: Record<Team, number>;
  segments: SegmentBridge[];
};

/** A segment absent from a period: no leads, no rates. */
function absent(segment: string): SegmentFactors {
  return { segment, leads: 0, mqlRate: null, acceptanceRate: null, opportunityRate: null, winRate: null, avgDealSize: null, discount: null };
}

/** The number a factor multiplies revenue by (discount d multiplies by 1 − d); null when unknown. */
function multiplier(factors: SegmentFactors, factor: BridgeFactor): number | null {
  const value = factors[factor];
  return factor === 'discount' && value !== null ? 1 - value : value;
}

/** Both periods' multipliers, each unknown one taken from the other period (0 when unknown in both). */
function pairedMultipliers(base: SegmentFactors, current: SegmentFactors): { base: number[]; current: number[] } {
  const pairs = BRIDGE_FACTORS.map((factor) => {
    const before = multiplier(base, factor);
    const after = multiplier(current, factor);
    return [before ?? after ?? 0, after ?? before ?? 0] as const;
  });
  return { base: pairs.map(([before]) => before), current: pairs.map(([, after]) => after) };
}

/** The segments of a period by name; a name given twice is an error. */
function bySegment(segments: readonly SegmentFactors[], period: string): Map<string, SegmentFactors> {
  const map = new Map<string, SegmentFactors>();
  for (const factors of segments) {
    if (map.has(factors.segment)) throw new RangeError(`segment "${factors.segment}" appears twice in the ${period} period`);
    map.set(factors.segment, factors);
  }
  return map;
}

function labelled(effects: readonly number[]): FactorEffect[] {
  return BRIDGE_FACTORS.map((factor, k) => ({ factor, team: FACTOR_TEAMS[factor], effect: effects[k]! }));
}

/** One segment's bridge from its base to its current factors. */
function segmentBridge(segment: string, base: SegmentFactors, current: SegmentFactors): SegmentBridge {
  const multipliers = pairedMultipliers(base, current);
  const before = product(multipliers.base);
  const after = product(multipliers.current);
  return { segment, base: before, current: after, gap: after - before, effects: labelled(lmdiEffects(multipliers.base, multipliers.current)) };
}

/** The revenue bridge from the base period (target or previous) to the current one, per segment and in total. */
export function revenueBridge(periods: { base: readonly SegmentFactors[]; current: readonly SegmentFactors[] }): RevenueBridge {
  const base = bySegment(periods.base, 'base');
  const current = bySegment(periods.current, 'current');
  const names = [...new Set([...base.keys(), ...current.keys()])];
  const segments = names.map((name) => segmentBridge(name, base.get(name) ?? absent(name), current.get(name) ?? absent(name)));
  const totals = BRIDGE_FACTORS.map((_, k) => segments.reduce((sum, s) => sum + s.effects[k]!.effect, 0));
  const effects = labelled(totals);
  const teams = Object.fromEntries(TEAMS.map((team) => [team, effects.filter((e) => e.team === team).reduce((sum, e) => sum + e.effect, 0)])) as Record<Team, number>;
  const before = segments.reduce((sum, s) => sum + s.base, 0);
  const after = segments.reduce((sum, s) => sum + s.current, 0);
  return { base: before, current: after, gap: after - before, effects, teams, segments };
}
