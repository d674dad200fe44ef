import { solveLinearSystem } from './linear-system.ts';
import { shareOf, type ChannelCredit, type PreparedPaths } from './paths.ts';

/**
 * Markov-chain attribution by removal effect (Anderl et al. 2016), solved exactly.
 *
 * States: start, one per tuple of the last `order` channels touched (shorter tuples at the start of a
 * path), and two absorbing states, conversion and null. Every step of a path is a transition weighted
 * by the path's journeys (conversions + nulls); its last state goes to conversion (weight: conversions)
 * and to null (weight: nulls). Repeats are kept: at order 1 a self-loop does not change any absorption
 * probability; at higher orders it is part of the state.
 *
 * P(conversion) is the absorption probability from start: x = N r with the fundamental matrix
 * N = (I − Q)⁻¹, computed once by Gaussian elimination (no simulation). Removing channel c sends every
 * transition into a state holding c (the set R) to null; then P_{−c} = x_s − N_{s,R} (N_{R,R})⁻¹ x_R
 * (the conversions that pass through R, taken away; Woodbury on the columns into R), a system of |R|
 * unknowns: one state at order 1. Removal effect RE_c = 1 − P_{−c} / P; credit: conversions × RE_c / Σ RE.
 * Value is shared the same way with r weighted by value (expected value per journey), giving REᵛ_c and
 * the total value × REᵛ_c / Σ REᵛ.
 */

export const DEFAULT_MARKOV_ORDER = 1;
/** Transient states the exact solve accepts: the fundamental matrix is dense (order 3 over 12 channels: 967 states, about 1.5 s). */
export const MAX_MARKOV_STATES = 1_000;

/** A model that cannot run on this input within its limits (too many states, channels or an order too high). */
export class AttributionLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttributionLimitError';
  }
}

/** What removing a channel costs: the share of conversions and of value lost. */
export type RemovalEffect = { channel: string; conversions: number; value: number };

export type MarkovAttribution = {
  order: number;
  /** Transient states: start and the channel tuples seen. */
  states: number;
  /** P(conversion) from start, which equals the paths' conversions / (conversions + nulls). */
  conversionProbability: number;
  /** Expected conversion value per journey. */
  valuePerJourney: number;
  removalEffects: RemovalEffect[];
  credits: ChannelCredit[];
};

/** The transient part of the chain, by counts: state 0 is start. */
type Chain = {
  /** The channels each state's tuple holds (none for start). */
  tuples: Int32Array[];
  /** Per state: successor state → journeys. */
  edges: Map<number, number>[];
  /** Per state: journeys leaving it, to anywhere. */
  out: number[];
  conversions: number[];
  value: number[];
};

function addState(chain: Chain, tuple: Int32Array): number {
  chain.tuples.push(tuple);
  chain.edges.push(new Map());
  chain.out.push(0);
  chain.conversions.push(0);
  chain.value.push(0);
  return chain.tuples.length - 1;
}

/** Counts the transitions of every path between tuples of its last `order` channels. */
function buildChain(prepared: PreparedPaths, order: number): Chain {
  const radix = prepared.channels.length + 1;
  if (radix ** order > Number.MAX_SAFE_INTEGER) {
    throw new AttributionLimitError(`an order-${order} Markov chain over ${prepared.channels.length} channels is too large; lower the order`);
  }
  const chain: Chain = { tuples: [], edges: [], out: [], conversions: [], value: [] };
  addState(chain, new Int32Array(0));
  const stateOf = new Map<number, number>();
  for (const path of prepared.paths) {
    const journeys = path.conversions + path.nulls;
    if (journeys === 0) continue;
    let from = 0;
    for (let i = 0; i < path.ids.length; i++) {
      const first = Math.max(0, i - order + 1);
      let key = 0;
      for (let j = first; j <= i; j++) key = key * radix + path.ids[j]! + 1;
      let to = stateOf.get(key);
      if (to === undefined) {
        if (chain.tuples.length > MAX_MARKOV_STATES) {
          throw new AttributionLimitError(`the order-${order} Markov chain has more than ${MAX_MARKOV_STATES} states (${prepared.channels.length} channels); lower the order or group channels`);
        }
        to = addState(chain, path.ids.slice(first, i + 1));
        stateOf.set(key, to);
      }
      chain.edges[from]!.set(to, (chain.edges[from]!.get(to) ?? 0) + journeys);
      chain.out[from]! += journeys;
      from = to;
    }
    chain.out[from]! += journeys;
    chain.conversions[from]! += path.conversions;
    chain.value[from]! += path.value;
  }
  return chain;
}

/** The fundamental matrix N = (I − Q)⁻¹ (expected visits of j from i), n×n row-major. */
function fundamentalMatrix(chain: Chain): Float64Array {
  const n = chain.tuples.length;
  const a = new Float64Array(n * n);
  const identity = new Float64Array(n * n);
  for (let s = 0; s < n; s++) {
    const out = chain.out[s]!;
    a[s * n + s] = 1;
    identity[s * n + s] = 1;
    for (const [t, journeys] of chain.edges[s]!) a[s * n + t]! -= journeys / out;
  }
  return solveLinearSystem(a, identity, n, n);
}

/** x = N r for r = the conversion and the value reward of each state: absorption from each state, n×2. */
function absorption(chain: Chain, fundamental: Float64Array): Float64Array {
  const n = chain.tuples.length;
  const absorbed = new Float64Array(n * 2);
  for (let j = 0; j < n; j++) {
    if (chain.conversions[j] === 0 && chain.value[j] === 0) continue;
    const conversions = chain.conversions[j]! / chain.out[j]!;
    const value = chain.value[j]! / chain.out[j]!;
    for (let i = 0; i < n; i++) {
      absorbed[i * 2]! += fundamental[i * n + j]! * conversions;
      absorbed[i * 2 + 1]! += fundamental[i * n + j]! * value;
    }
  }
  return absorbed;
}

type Absorbed = { conversions: number; value: number };

/**
 * Absorption from start once the states R are removed: x_s − N_{s,R} (N_{R,R})⁻¹ x_R, that is, P minus
 * the probability of reaching R and converting from there (Woodbury on the columns into R).
 */
function absorptionWithout(removed: number[], n: number, fundamental: Float64Array, absorbed: Float64Array): Absorbed {
  const r = removed.length;
  const block = new Float64Array(r * r);
  const rhs = new Float64Array(r * 2);
  removed.forEach((i, row) => {
    removed.forEach((j, column) => (block[row * r + column] = fundamental[i * n + j]!));
    rhs[row * 2] = absorbed[i * 2]!;
    rhs[row * 2 + 1] = absorbed[i * 2 + 1]!;
  });
  const y = solveLinearSystem(block, rhs, r, 2);
  let conversions = absorbed[0]!;
  let value = absorbed[1]!;
  // Row 0 of N is start: N_{s,j} = fundamental[j].
  removed.forEach((j, row) => {
    conversions -= fundamental[j]! * y[row * 2]!;
    value -= fundamental[j]! * y[row * 2 + 1]!;
  });
  return { conversions, value };
}

/** For each channel, the states whose tuple holds it. */
function statesByChannel(chain: Chain, channels: number): number[][] {
  const holding = Array.from({ length: channels }, () => [] as number[]);
  chain.tuples.forEach((tuple, state) => {
    for (const channel of new Set(tuple)) holding[channel]!.push(state);
  });
  return holding;
}

/** 1 − after / before, never below 0 (rounding), 0 when there was nothing to lose. */
function lost(before: number, after: number): number {
  return before > 0 ? Math.max(0, 1 - after / before) : 0;
}

/** Removal effects of every channel and the credit they give, for a Markov chain of the given order. */
export function markovAttribution(prepared: PreparedPaths, order = DEFAULT_MARKOV_ORDER): MarkovAttribution {
  if (!Number.isInteger(order) || order < 1) throw new RangeError(`the Markov order must be a whole number from 1, found ${order}`);
  const chain = buildChain(prepared, order);
  const n = chain.tuples.length;
  const fundamental = fundamentalMatrix(chain);
  const absorbed = absorption(chain, fundamental);
  const base = { conversions: absorbed[0]!, value: absorbed[1]! };
  const removalEffects = statesByChannel(chain, prepared.channels.length).map((states, id) => {
    const after = states.length === 0 ? base : absorptionWithout(states, n, fundamental, absorbed);
    return { channel: prepared.channels[id]!, conversions: lost(base.conversions, after.conversions), value: lost(base.value, after.value) };
  });
  const sum = removalEffects.reduce((acc, re) => ({ conversions: acc.conversions + re.conversions, value: acc.value + re.value }), { conversions: 0, value: 0 });
  const credits = removalEffects.map((re) => ({
    channel: re.channel,
    conversions: prepared.touched.conversions * shareOf(re.conversions, sum.conversions),
    value: prepared.touched.value * shareOf(re.value, sum.value),
  }));
  return { order, states: chain.tuples.length, conversionProbability: base.conversions, valuePerJourney: base.value, removalEffects, credits };
}
