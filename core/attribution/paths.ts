/**
 * The input every attribution model shares: channel paths with their outcomes. One path is either an
 * aggregated row of a path file (many journeys with the same channels, no times) or one journey built
 * from timestamped touches (`journeys.ts`). Channel names are interned to small integers once, so the
 * models loop over typed arrays, whatever the number of touches.
 */

/** A sequence of channels and what came of it. */
export type AttributionPath = {
  /** Channels in the order they were touched; repeats kept. Empty: conversions with no touch (reported, never credited). */
  channels: readonly string[];
  /** Journeys that converted after this path. */
  conversions: number;
  /** Total value of those conversions. */
  value: number;
  /** Journeys that ended without converting after this path. */
  nulls: number;
  /** Days between each touch and the conversion (one per channel); absent: touches one `stepDays` apart, the last at 0. */
  ageDays?: readonly number[];
  /** Index of the touch that created the lead (W-shaped); absent: the first touch. */
  leadTouch?: number;
  /** Index of the touch that created the opportunity (W-shaped); absent: the last touch. */
  opportunityTouch?: number;
};

/** Conversions, value and nulls summed over paths. */
export type Outcomes = { paths: number; conversions: number; value: number; nulls: number };

/** A path whose channels are indices into `PreparedPaths.channels`. */
export type IndexedPath = Omit<AttributionPath, 'channels'> & { ids: Int32Array };

/** Paths checked and interned, ready for any model. */
export type PreparedPaths = {
  /** Every channel seen, in order of first appearance. */
  channels: string[];
  /** Paths with at least one touch. */
  paths: IndexedPath[];
  /** Everything, touched or not. */
  totals: Outcomes;
  /** The paths with at least one touch: what the models share out. */
  touched: Outcomes;
  /** Paths with no touch: their conversions and value are left out of every model. */
  unattributed: Outcomes;
};

/** Input the models cannot use: says which path and which field. */
export class AttributionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttributionInputError';
  }
}

function emptyOutcomes(): Outcomes {
  return { paths: 0, conversions: 0, value: 0, nulls: 0 };
}

function addOutcomes(into: Outcomes, path: AttributionPath): void {
  into.paths += 1;
  into.conversions += path.conversions;
  into.value += path.value;
  into.nulls += path.nulls;
}

function isCount(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}

/** Throws unless the path's numbers are finite and non-negative and its optional arrays fit its channels. */
function checkPath(path: AttributionPath, index: number): void {
  for (const field of ['conversions', 'value', 'nulls'] as const) {
    if (!isCount(path[field])) throw new AttributionInputError(`path ${index + 1}: ${field} must be a non-negative number, found ${path[field]}`);
  }
  if (path.ageDays && (path.ageDays.length !== path.channels.length || !path.ageDays.every(isCount))) {
    throw new AttributionInputError(`path ${index + 1}: ageDays must hold one non-negative number per channel`);
  }
  for (const field of ['leadTouch', 'opportunityTouch'] as const) {
    const touch = path[field];
    if (touch !== undefined && !(Number.isInteger(touch) && touch >= 0 && touch < path.channels.length)) {
      throw new AttributionInputError(`path ${index + 1}: ${field} must be the index of one of its ${path.channels.length} touches`);
    }
  }
}

/** Checks the paths, interns their channels, and sets the touchless ones aside. */
export function preparePaths(paths: readonly AttributionPath[]): PreparedPaths {
  const idOf = new Map<string, number>();
  const channels: string[] = [];
  const indexed: IndexedPath[] = [];
  const totals = emptyOutcomes();
  const touched = emptyOutcomes();
  const unattributed = emptyOutcomes();
  paths.forEach((path, index) => {
    checkPath(path, index);
    addOutcomes(totals, path);
    if (path.channels.length === 0) return addOutcomes(unattributed, path);
    addOutcomes(touched, path);
    const ids = new Int32Array(path.channels.length);
    path.channels.forEach((channel, i) => {
      let id = idOf.get(channel);
      if (id === undefined) {
        id = channels.length;
        idOf.set(channel, id);
        channels.push(channel);
      }
      ids[i] = id;
    });
    const { conversions, value, nulls, ageDays, leadTouch, opportunityTouch } = path;
    indexed.push({ ids, conversions, value, nulls, ageDays, leadTouch, opportunityTouch });
  });
  return { channels, paths: indexed, totals, touched, unattributed };
}

/** Conversions and value attributed to one channel by one model. */
export type ChannelCredit = { channel: string; conversions: number; value: number };

/** Credit being summed per channel id: conversions at 2i, value at 2i + 1. */
export type CreditLedger = Float64Array;

export function emptyLedger(prepared: PreparedPaths): CreditLedger {
  return new Float64Array(prepared.channels.length * 2);
}

/** Gives one channel a share of a path's conversions and value. */
export function credit(ledger: CreditLedger, id: number, path: IndexedPath, share: number): void {
  ledger[2 * id]! += path.conversions * share;
  ledger[2 * id + 1]! += path.value * share;
}

/** The ledger as one line per channel, in the order the channels were first seen. */
export function ledgerCredits(prepared: PreparedPaths, ledger: CreditLedger): ChannelCredit[] {
  return prepared.channels.map((channel, id) => ({ channel, conversions: ledger[2 * id]!, value: ledger[2 * id + 1]! }));
}

/** part / whole, or 0 when there is nothing to share (never NaN). */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
