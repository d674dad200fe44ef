import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePathFile } from './path-file.ts';
import { preparePaths, type AttributionPath } from './paths.ts';
import { shapleyAttribution } from './shapley.ts';

const DATA_CSV = new URL('../../../shared/data/channel-attribution/Data.csv', import.meta.url);

/**
 * Shapley values straight from the definition, by enumerating every coalition:
 * φ_i = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S)), v(S) = conversions of the paths whose channel set ⊆ S.
 */
function bruteForceShapley(paths: AttributionPath[]): Map<string, number> {
  const players = [...new Set(paths.flatMap((p) => p.channels))];
  const n = players.length;
  const bit = new Map(players.map((p, i) => [p, 1 << i]));
  const exact = new Float64Array(1 << n);
  for (const path of paths) exact[path.channels.reduce((mask, c) => mask | bit.get(c)!, 0)]! += path.conversions;
  const worth = new Float64Array(1 << n);
  for (let s = 0; s < 1 << n; s++) {
    for (let t = s; ; t = (t - 1) & s) {
      worth[s]! += exact[t]!;
      if (t === 0) break;
    }
  }
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const popcount = (x: number) => x.toString(2).replaceAll('0', '').length;
  return new Map(
    players.map((player, i) => {
      let value = 0;
      for (let s = 0; s < 1 << n; s++) {
        if (s & (1 << i)) continue;
        const size = popcount(s);
        value += ((factorial(size) * factorial(n - size - 1)) / factorial(n)) * (worth[s | (1 << i)]! - worth[s]!);
      }
      return [player, value];
    }),
  );
}

const conversionsOf = (paths: AttributionPath[]) => new Map(shapleyAttribution(preparePaths(paths)).map((c) => [c.channel, c.conversions]));

describe('Shapley value over channel sets', () => {
  const small: AttributionPath[] = [
    { channels: ['a'], conversions: 6, value: 60, nulls: 4 },
    { channels: ['a', 'b', 'a'], conversions: 4, value: 40, nulls: 1 },
    { channels: ['b', 'c'], conversions: 2, value: 20, nulls: 0 },
    { channels: ['d'], conversions: 0, value: 0, nulls: 9 },
  ];

  it('equals the definition enumerated over every coalition (hand case and Data.csv)', () => {
    const data = parsePathFile(fs.readFileSync(DATA_CSV, 'utf8'));
    for (const paths of [small, data]) {
      const expected = bruteForceShapley(paths);
      for (const [channel, conversions] of conversionsOf(paths)) expect(conversions).toBeCloseTo(expected.get(channel)!, 8);
    }
  });

  it('ignores order and repeats: "a > b > a" is the coalition {a, b}', () => {
    expect(Object.fromEntries(conversionsOf(small))).toEqual({ a: 8, b: 3, c: 1, d: 0 });
  });

  it('is efficient (shares out every conversion and all value), symmetric, and gives a null player nothing', () => {
    const credits = shapleyAttribution(preparePaths(small));
    expect(credits.reduce((s, c) => s + c.conversions, 0)).toBe(12);
    expect(credits.reduce((s, c) => s + c.value, 0)).toBe(120);
    const twins = conversionsOf([{ channels: ['x', 'y'], conversions: 5, value: 0, nulls: 0 }, { channels: ['y', 'x', 'z'], conversions: 3, value: 0, nulls: 0 }]);
    expect(twins.get('x')).toBe(twins.get('y'));
    expect(conversionsOf(small).get('d')).toBe(0);
  });
});
