import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AttributionLimitError, MAX_MARKOV_STATES, markovAttribution } from './markov.ts';
import { parsePathFile } from './path-file.ts';
import { preparePaths, type AttributionPath } from './paths.ts';

const DATA_CSV = new URL('../../../shared/data/channel-attribution/Data.csv', import.meta.url);
const dataPaths = () => parsePathFile(fs.readFileSync(DATA_CSV, 'utf8'));

/**
 * A second, deliberately plain computation: transition probabilities keyed by state name, and the
 * absorption probability by fixed-point iteration x ← r + Q x on the graph with the channel removed
 * (transitions into it dropped), until nothing changes.
 */
function iteratedRemovalEffects(paths: AttributionPath[], order: number): Map<string, number> {
  const counts = new Map<string, Map<string, number>>();
  const add = (from: string, to: string, n: number) => {
    const row = counts.get(from) ?? new Map<string, number>();
    row.set(to, (row.get(to) ?? 0) + n);
    counts.set(from, row);
  };
  for (const path of paths) {
    let state = '(start)';
    path.channels.forEach((_, i) => {
      const next = path.channels.slice(Math.max(0, i - order + 1), i + 1).join(' > ');
      add(state, next, path.conversions + path.nulls);
      state = next;
    });
    add(state, '(conversion)', path.conversions);
    add(state, '(null)', path.nulls);
  }
  const conversionProbability = (removed: string | null): number => {
    const isGone = (state: string) => removed !== null && state.split(' > ').includes(removed);
    const x = new Map<string, number>([['(conversion)', 1]]);
    for (let sweep = 0; sweep < 100_000; sweep++) {
      let change = 0;
      for (const [from, row] of counts) {
        if (isGone(from)) continue;
        const total = [...row.values()].reduce((a, b) => a + b, 0);
        let next = 0;
        for (const [to, n] of row) if (!isGone(to)) next += (n / total) * (x.get(to) ?? 0);
        change = Math.max(change, Math.abs(next - (x.get(from) ?? 0)));
        x.set(from, next);
      }
      if (change === 0) break;
    }
    return x.get('(start)')!;
  };
  const base = conversionProbability(null);
  const channels = new Set(paths.flatMap((p) => p.channels));
  return new Map([...channels].map((c) => [c, 1 - conversionProbability(c) / base]));
}

describe('Markov removal effects', () => {
  // start→A 2, start→B 2; A→B 1, A→null 1; B→conversion 2, B→null 1.
  const small: AttributionPath[] = [
    { channels: ['A', 'B'], conversions: 1, value: 10, nulls: 0 },
    { channels: ['A'], conversions: 0, value: 0, nulls: 1 },
    { channels: ['B'], conversions: 1, value: 20, nulls: 1 },
  ];

  it('solves a hand-computed chain: P = 1/2, removing A leaves 1/3, removing B leaves 0', () => {
    const result = markovAttribution(preparePaths(small));
    expect(result.conversionProbability).toBeCloseTo(0.5, 14);
    expect(result.valuePerJourney).toBeCloseTo(7.5, 14);
    expect(result.removalEffects.map((re) => [re.channel, re.conversions])).toEqual([
      ['A', expect.closeTo(1 / 3, 14)],
      ['B', expect.closeTo(1, 14)],
    ]);
    expect(result.credits).toEqual([
      { channel: 'A', conversions: expect.closeTo(0.5, 12), value: expect.closeTo(7.5, 12) },
      { channel: 'B', conversions: expect.closeTo(1.5, 12), value: expect.closeTo(22.5, 12) },
    ]);
  });

  it('matches an independent iterative solve on Data.csv at orders 1 and 2', () => {
    const paths = dataPaths();
    for (const order of [1, 2]) {
      const expected = iteratedRemovalEffects(paths, order);
      const result = markovAttribution(preparePaths(paths), order);
      for (const re of result.removalEffects) expect(re.conversions).toBeCloseTo(expected.get(re.channel)!, 10);
    }
  });

  it('gives Data.csv the credit numpy.linalg.solve gives on the same chain (order 1)', () => {
    // Computed separately with numpy: removal by dropping the channel's state and solving (I − Q)x = r.
    const expected: Record<string, [number, number]> = {
      alpha: [5344.947682085159, 18799.170626191557],
      beta: [2527.352166520389, 9687.8092160907],
      eta: [3340.8474015008696, 12991.73666669545],
      iota: [3884.6147018750908, 14978.437288395487],
      mi: [1.7224245562828413, 5.444508859282509],
      zeta: [381.0625527580881, 1468.7030148398742],
    };
    const result = markovAttribution(preparePaths(dataPaths()));
    for (const credit of result.credits.filter((c) => c.channel in expected)) {
      expect(credit.conversions).toBeCloseTo(expected[credit.channel]![0], 6);
      expect(credit.value).toBeCloseTo(expected[credit.channel]![1], 6);
    }
  });

  it('has P(conversion) = conversions / journeys and shares out exactly the conversions and value', () => {
    const prepared = preparePaths(dataPaths());
    for (const order of [1, 2]) {
      const result = markovAttribution(prepared, order);
      const { conversions, value, nulls } = prepared.touched;
      expect(result.conversionProbability).toBeCloseTo(conversions / (conversions + nulls), 12);
      expect(result.valuePerJourney).toBeCloseTo(value / (conversions + nulls), 12);
      expect(result.credits.reduce((s, c) => s + c.conversions, 0)).toBeCloseTo(conversions, 8);
      expect(result.credits.reduce((s, c) => s + c.value, 0)).toBeCloseTo(value, 8);
    }
  });

  it('counts repeats at higher orders: a self-loop is its own state', () => {
    const paths = [{ channels: ['a', 'a', 'b'], conversions: 1, value: 1, nulls: 1 }];
    expect(markovAttribution(preparePaths(paths), 1).states).toBe(3);
    expect(markovAttribution(preparePaths(paths), 2).states).toBe(4);
  });

  it('gives zero credit, not NaN, when nothing converted', () => {
    const result = markovAttribution(preparePaths([{ channels: ['a', 'b'], conversions: 0, value: 0, nulls: 5 }]));
    expect(result.conversionProbability).toBe(0);
    expect(result.credits).toEqual([
      { channel: 'a', conversions: 0, value: 0 },
      { channel: 'b', conversions: 0, value: 0 },
    ]);
  });

  it('refuses a chain beyond the exact solver, and a bad order, with a clear error', () => {
    const many = Array.from({ length: MAX_MARKOV_STATES + 5 }, (_, i) => ({ channels: [`c${i}`], conversions: 1, value: 1, nulls: 0 }));
    expect(() => markovAttribution(preparePaths(many))).toThrow(AttributionLimitError);
    expect(() => markovAttribution(preparePaths(many))).toThrow(/more than 1000 states \(1005 channels\); lower the order or group channels/);
    expect(() => markovAttribution(preparePaths(small), 0)).toThrow('the Markov order must be a whole number from 1, found 0');
  });
});
