import { describe, expect, it } from 'vitest';
import { lmdiEffects, logMean, product } from './lmdi.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('LMDI-I', () => {
  it('splits a hand-computed two-factor change: 1·1 → 2·4 gives 7/3 and 14/3', () => {
    // L(8, 1) = 7 / ln 8; effects 7·ln2/ln8 = 7/3 and 7·ln4/ln8 = 14/3.
    const [a, b] = lmdiEffects([1, 1], [2, 4]);
    expect(a).toBeCloseTo(7 / 3, 12);
    expect(b).toBeCloseTo(14 / 3, 12);
    const [x, y] = lmdiEffects([10, 2], [15, 3]);
    expect(x).toBeCloseTo(12.5, 12);
    expect(y).toBeCloseTo(12.5, 12);
  });

  it('sums exactly to the change, and does not depend on the order of the factors', () => {
    const base = [1200, 0.31, 0.62, 0.48, 0.22, 11_800, 0.91];
    const current = [1500, 0.27, 0.7, 0.45, 0.26, 10_900, 0.86];
    const effects = lmdiEffects(base, current);
    const gap = product(current) - product(base);
    expect(Math.abs(sum(effects) - gap)).toBeLessThan(1e-9 * Math.abs(gap));
    const order = [6, 2, 0, 5, 1, 4, 3];
    const permuted = lmdiEffects(order.map((k) => base[k]!), order.map((k) => current[k]!));
    order.forEach((k, i) => expect(permuted[i]).toBeCloseTo(effects[k]!, 9));
  });

  it('takes the analytic limits at zero: appearing, disappearing, a factor zero in one period, both zero', () => {
    expect(lmdiEffects([0, 0.5, 10], [100, 0.5, 10])).toEqual([500, 0, 0]);
    expect(lmdiEffects([100, 0.5, 10], [100, 0, 12])).toEqual([0, -500, 0]);
    expect(lmdiEffects([0, 0, 10], [100, 0.5, 10])).toEqual([250, 250, 0]);
    expect(lmdiEffects([0, 0.5, 10], [100, 0, 10])).toEqual([0, 0, 0]);
  });

  it('agrees with the limit it stands for: a zero replaced by a tiny δ', () => {
    const limit = lmdiEffects([100, 0, 12], [120, 0.4, 10]);
    const near = lmdiEffects([100, 1e-200, 12], [120, 0.4, 10]);
    const total = 120 * 0.4 * 10;
    expect(limit).toEqual([0, total, 0]);
    expect(near[1]! / total).toBeGreaterThan(0.99);
  });

  it('has a log mean that is exact for equal and close numbers', () => {
    expect(logMean(5, 5)).toBe(5);
    expect(logMean(1 + 1e-12, 1)).toBeCloseTo(1 + 5e-13, 15);
    expect(logMean(Math.E, 1)).toBeCloseTo(Math.E - 1, 14);
  });

  it('refuses negative or missing factors', () => {
    expect(() => lmdiEffects([1, -1], [1, 1])).toThrow('factors must be non-negative numbers, found -1');
    expect(() => lmdiEffects([1], [1, 1])).toThrow('base has 1 factors, current has 2');
  });
});
