import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZAttributionOptions } from '../schemas/attribution.ts';
import { ATTRIBUTION_MODELS, attributePaths, type AttributionReport } from './attribute.ts';
import { journeysToPaths } from './journeys.ts';
import { parsePathFile } from './path-file.ts';
import { AttributionInputError } from './paths.ts';

const DATA_CSV = new URL('../../../shared/data/channel-attribution/Data.csv', import.meta.url);

/** Per model that ran: [Σ conversions, Σ value] over the channels. */
function sums(report: AttributionReport): Record<string, [number, number]> {
  const credited = report.models.filter((m) => 'credits' in m);
  return Object.fromEntries(credited.map((m) => [m.model, [m.credits.reduce((s, c) => s + c.conversions, 0), m.credits.reduce((s, c) => s + c.value, 0)]]));
}

describe('attributePaths', () => {
  it('runs every model on Data.csv; each shares out exactly the 19,785 conversions and their value', () => {
    const report = attributePaths(parsePathFile(fs.readFileSync(DATA_CSV, 'utf8')));
    expect(report.models.map((m) => m.model)).toEqual([...ATTRIBUTION_MODELS]);
    expect(report.totals).toEqual({ paths: 10_000, conversions: 19_785, value: expect.closeTo(74_802.97158721, 6), nulls: 68_602 });
    expect(report.channels).toHaveLength(12);
    for (const [conversions, value] of Object.values(sums(report))) {
      expect(conversions).toBeCloseTo(19_785, 6);
      expect(value).toBeCloseTo(report.totals.value, 6);
    }
  });

  it('matches first-touch, last-touch and linear counts computed separately for Data.csv', () => {
    const report = attributePaths(parsePathFile(fs.readFileSync(DATA_CSV, 'utf8')));
    const of = (model: string, channel: string) => {
      const outcome = report.models.find((m) => m.model === model)!;
      return 'credits' in outcome ? outcome.credits.find((c) => c.channel === channel)!.conversions : NaN;
    };
    expect([of('first_touch', 'alpha'), of('first_touch', 'iota'), of('last_touch', 'alpha'), of('last_touch', 'beta')]).toEqual([6308, 4606, 8447, 989]);
    expect(of('linear', 'alpha')).toBeCloseTo(7574.718594, 5);
    expect(of('linear', 'zeta')).toBeCloseTo(136.55154, 5);
  });

  it('reports conversions with no touch apart and credits them to no channel', () => {
    const report = attributePaths([
      { channels: [], conversions: 2, value: 20, nulls: 0 },
      { channels: ['a', 'b'], conversions: 3, value: 30, nulls: 1 },
    ]);
    expect(report.unattributed).toEqual({ paths: 1, conversions: 2, value: 20, nulls: 0 });
    for (const [conversions, value] of Object.values(sums(report))) {
      expect(conversions).toBeCloseTo(3, 12);
      expect(value).toBeCloseTo(30, 12);
    }
  });

  it('gives 0 credit in every model when nothing converted, never NaN', () => {
    const report = attributePaths([{ channels: ['a', 'b'], conversions: 0, value: 0, nulls: 4 }, { channels: [], conversions: 0, value: 0, nulls: 1 }]);
    for (const outcome of report.models) {
      expect('credits' in outcome && outcome.credits.every((c) => c.conversions === 0 && c.value === 0)).toBe(true);
    }
  });

  it('runs on 100,000 distinct channels: Markov is skipped with the reason, the others give credit', () => {
    const paths = Array.from({ length: 50_000 }, (_, i) => ({ channels: [`c${2 * i}`, `c${2 * i + 1}`], conversions: 1, value: 2, nulls: 1 }));
    const report = attributePaths(paths);
    expect(report.channels).toHaveLength(100_000);
    expect(report.models.find((m) => m.model === 'markov')).toEqual({ model: 'markov', skipped: expect.stringContaining('more than 1000 states (100000 channels)') });
    expect(sums(report).shapley).toEqual([50_000, 100_000]);
  });

  it('attributes journeys with times and marks the same way', () => {
    const day = 86_400_000;
    const journeys = [
      { touches: [{ channel: 'search', at: 0 }, { channel: 'email', at: 7 * day, isLeadCreation: true }, { channel: 'event', at: 14 * day }], convertedAt: 14 * day, value: 100 },
      { touches: [{ channel: 'search', at: 0 }], convertedAt: null },
    ];
    const report = attributePaths(journeysToPaths(journeys));
    const decay = report.models.find((m) => m.model === 'time_decay')!;
    expect('credits' in decay && decay.credits.map((c) => c.conversions)).toEqual([1 / 7, 2 / 7, 4 / 7].map((x) => expect.closeTo(x, 12)));
    const w = report.models.find((m) => m.model === 'w_shaped')!;
    expect('credits' in w && w.credits.map((c) => c.value)).toEqual([100 / 3, 100 / 3, 100 / 3].map((x) => expect.closeTo(x, 12)));
  });

  it('refuses bad numbers and settings with the path and the field', () => {
    expect(() => attributePaths([{ channels: ['a'], conversions: Number.NaN, value: 0, nulls: 0 }])).toThrow(new AttributionInputError('path 1: conversions must be a non-negative number, found NaN'));
    expect(() => attributePaths([{ channels: ['a'], conversions: 1, value: 0, nulls: 0, leadTouch: 3 }])).toThrow('path 1: leadTouch must be the index of one of its 1 touches');
    expect(() => attributePaths([], { halfLifeDays: 0 })).toThrow('halfLifeDays must be a positive number, found 0');
    expect(ZAttributionOptions.parse({})).toEqual({ halfLifeDays: 7, stepDays: 1, markovOrder: 1 });
    expect(ZAttributionOptions.safeParse({ markovOrder: '5' }).error?.issues[0]?.message).toBe('must be between 1 and 4');
  });
});
