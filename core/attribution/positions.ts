import { credit, emptyLedger, ledgerCredits, type ChannelCredit, type IndexedPath, type PreparedPaths } from './paths.ts';

/**
 * Rule-based models: each converting path's conversions and value are split over its touches by
 * position (first, last, linear, U-shaped, W-shaped) or by age (time decay). Every touch counts,
 * repeats included, so a channel touched twice on a path gets two shares.
 */

export const POSITION_MODELS = ['first_touch', 'last_touch', 'linear', 'time_decay', 'u_shaped', 'w_shaped'] as const;
export type PositionModel = (typeof POSITION_MODELS)[number];

export const DEFAULT_HALF_LIFE_DAYS = 7;
export const DEFAULT_STEP_DAYS = 1;

/** halfLifeDays: a touch this much older than another gets half its weight. stepDays: the age gap between touches of a path without times. */
export type PositionOptions = { halfLifeDays: number; stepDays: number };

type Role = 'first' | 'lead' | 'opportunity' | 'last';
/** Shares held by touches with a role, and the rest, spread evenly over the touches holding none. */
type RoleShares = { roles: readonly (readonly [Role, number])[]; rest: number };

const ROLE_SHARES: Record<Exclude<PositionModel, 'time_decay'>, RoleShares> = {
  first_touch: { roles: [['first', 1]], rest: 0 },
  last_touch: { roles: [['last', 1]], rest: 0 },
  linear: { roles: [], rest: 1 },
  u_shaped: { roles: [['first', 0.4], ['last', 0.4]], rest: 0.2 },
  w_shaped: { roles: [['first', 0.3], ['lead', 0.3], ['opportunity', 0.3]], rest: 0.1 },
};

/** The touch holding a role: lead and opportunity creation fall back to the first and last touch when the path has no mark. */
function roleTouch(role: Role, path: IndexedPath): number {
  const last = path.ids.length - 1;
  if (role === 'first') return 0;
  if (role === 'last') return last;
  if (role === 'lead') return path.leadTouch ?? 0;
  return path.opportunityTouch ?? last;
}

/** Scratch space for one path's weights, and a mark per touch holding a role. */
type Scratch = { weights: Float64Array; isHolder: Uint8Array };

/**
 * Role shares: a touch holding several roles gets each role's share; the rest goes evenly to the
 * touches holding none; when every touch holds a role, the shares are scaled up to sum to 1
 * (U-shaped on two touches: 50/50; on one touch: 100%).
 */
function roleWeights(shares: RoleShares, path: IndexedPath, { weights, isHolder }: Scratch): void {
  const n = path.ids.length;
  let holders = 0;
  let held = 0;
  for (const [role] of shares.roles) {
    const touch = roleTouch(role, path);
    if (isHolder[touch] === 0) holders++;
    isHolder[touch] = 1;
  }
  const others = n - holders;
  const restShare = others > 0 ? shares.rest / others : 0;
  for (let i = 0; i < n; i++) weights[i] = isHolder[i] === 1 ? 0 : restShare;
  for (const [role, share] of shares.roles) {
    const touch = roleTouch(role, path);
    weights[touch]! += share;
    held += share;
    isHolder[touch] = 0;
  }
  const total = held + restShare * others;
  if (total !== 1) for (let i = 0; i < n; i++) weights[i]! /= total;
}

/**
 * Time decay: weight 2^(−age / halfLife), age in days before the conversion. Ages are taken relative
 * to the youngest touch (the shares do not change), so very old touches never underflow to 0/0.
 */
function decayWeights(path: IndexedPath, options: PositionOptions, { weights }: Scratch): void {
  const n = path.ids.length;
  let youngest = Infinity;
  for (let i = 0; i < n; i++) {
    weights[i] = path.ageDays ? path.ageDays[i]! : (n - 1 - i) * options.stepDays;
    youngest = Math.min(youngest, weights[i]!);
  }
  const rate = Math.LN2 / options.halfLifeDays;
  let total = 0;
  for (let i = 0; i < n; i++) {
    weights[i] = Math.exp((youngest - weights[i]!) * rate);
    total += weights[i]!;
  }
  for (let i = 0; i < n; i++) weights[i]! /= total;
}

/** Writes each touch's share of the path's conversion into weights[0..n); the shares sum to 1. */
function touchWeights(model: PositionModel, path: IndexedPath, options: PositionOptions, scratch: Scratch): void {
  if (model === 'time_decay') decayWeights(path, options, scratch);
  else roleWeights(ROLE_SHARES[model], path, scratch);
}

/** Credit per channel under a rule-based model: Σ over paths of conversions (value) × the touch's share. */
export function positionAttribution(prepared: PreparedPaths, model: PositionModel, options: PositionOptions): ChannelCredit[] {
  const ledger = emptyLedger(prepared);
  const longest = prepared.paths.reduce((max, path) => Math.max(max, path.ids.length), 0);
  const scratch = { weights: new Float64Array(longest), isHolder: new Uint8Array(longest) };
  for (const path of prepared.paths) {
    if (path.conversions === 0 && path.value === 0) continue;
    touchWeights(model, path, options, scratch);
    for (let i = 0; i < path.ids.length; i++) if (scratch.weights[i] !== 0) credit(ledger, path.ids[i]!, path, scratch.weights[i]!);
  }
  return ledgerCredits(prepared, ledger);
}
