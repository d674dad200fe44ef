/**
 * Additive LMDI-I (log-mean Divisia index, Ang 2004; Ang 2005 "The LMDI approach to decomposition
 * analysis: a practical guide"). For V = Π_k x_k going from V⁰ to Vᵀ, the effect of factor k is
 *
 *   ΔV_k = L(Vᵀ, V⁰) · ln(x_kᵀ / x_k⁰),   L(a, b) = (a − b) / (ln a − ln b),  L(a, a) = a,
 *
 * and Σ_k ΔV_k = L · ln(Vᵀ / V⁰) = Vᵀ − V⁰ exactly: no residual, and each effect depends only on its own
 * factor, so the order of the factors does not matter.
 *
 * Zeros take the analytic limits (Ang & Liu 2007, "Handling zero values in the LMDI decomposition
 * approach"): replace each zero by δ and let δ → 0. With V⁰ = 0 < Vᵀ, the factors zero in the base share
 * Vᵀ evenly and the others get 0 (one zero factor takes all of Vᵀ); with Vᵀ = 0 < V⁰, the factors zero
 * in the current period share −V⁰; with both zero every effect is 0 (L(δ, δ)·ln(…) → 0).
 */

/** The logarithmic mean of two positive numbers; log1p keeps it exact when they are close. */
export function logMean(a: number, b: number): number {
  return a === b ? a : (a - b) / Math.log1p((a - b) / b);
}

/** The share of `total` each factor at zero gets: total / (number of zeros), the others 0. */
function splitOverZeros(factors: readonly number[], total: number): number[] {
  const zeros = factors.filter((x) => x === 0).length;
  return factors.map((x) => (x === 0 ? total / zeros : 0));
}

/** Π x_k. */
export function product(factors: readonly number[]): number {
  return factors.reduce((acc, x) => acc * x, 1);
}

/** Each factor's additive effect on the change of their product from `base` to `current`; the effects sum to the change. */
export function lmdiEffects(base: readonly number[], current: readonly number[]): number[] {
  if (base.length !== current.length) throw new RangeError(`base has ${base.length} factors, current has ${current.length}`);
  for (const x of [...base, ...current]) if (!(Number.isFinite(x) && x >= 0)) throw new RangeError(`factors must be non-negative numbers, found ${x}`);
  const isBaseZero = base.includes(0);
  const isCurrentZero = current.includes(0);
  if (isBaseZero && isCurrentZero) return base.map(() => 0);
  if (isBaseZero) return splitOverZeros(base, product(current));
  if (isCurrentZero) return splitOverZeros(current, -product(base));
  const weight = logMean(product(current), product(base));
  return base.map((x, k) => weight * Math.log(current[k]! / x));
}
