import { describe, expect, it } from 'vitest';
import { preparePaths, type AttributionPath } from './paths.ts';
import { positionAttribution, type PositionModel, type PositionOptions } from './positions.ts';

const OPTIONS: PositionOptions = { halfLifeDays: 7, stepDays: 1 };

/** Each channel's share of one converting path (channels named by position: t0, t1, ...). */
function shares(model: PositionModel, path: Partial<AttributionPath> & { length: number }, options = OPTIONS): number[] {
  const channels = Array.from({ length: path.length }, (_, i) => `t${i}`);
  const prepared = preparePaths([{ conversions: 1, value: 10, nulls: 0, ...path, channels }]);
  return positionAttribution(prepared, model, options).map((c) => c.conversions);
}

describe('rule-based models', () => {
  it('first and last touch give everything to one end', () => {
    expect(shares('first_touch', { length: 3 })).toEqual([1, 0, 0]);
    expect(shares('last_touch', { length: 3 })).toEqual([0, 0, 1]);
  });

  it('linear splits evenly, repeats counted: a channel touched twice gets two shares', () => {
    expect(shares('linear', { length: 4 })).toEqual([0.25, 0.25, 0.25, 0.25]);
    const prepared = preparePaths([{ channels: ['a', 'b', 'a'], conversions: 3, value: 30, nulls: 0 }]);
    expect(positionAttribution(prepared, 'linear', OPTIONS)).toEqual([
      { channel: 'a', conversions: 2, value: 20 },
      { channel: 'b', conversions: 1, value: 10 },
    ]);
  });

  it('U-shaped: 40/20/40, 50/50 on two touches, all on one', () => {
    const four = shares('u_shaped', { length: 4 });
    [0.4, 0.1, 0.1, 0.4].forEach((share, i) => expect(four[i]).toBeCloseTo(share, 12));
    expect(shares('u_shaped', { length: 2 })).toEqual([0.5, 0.5]);
    expect(shares('u_shaped', { length: 1 })).toEqual([1]);
  });

  it('W-shaped: 30% at first touch, lead and opportunity creation, 10% spread over the rest', () => {
    const marked = shares('w_shaped', { length: 5, leadTouch: 2, opportunityTouch: 3 });
    [0.3, 0.05, 0.3, 0.3, 0.05].forEach((share, i) => expect(marked[i]).toBeCloseTo(share, 12));
  });

  it('W-shaped without marks: lead creation at the first touch, opportunity creation at the last', () => {
    const unmarked = shares('w_shaped', { length: 4 });
    [0.6, 0.05, 0.05, 0.3].forEach((share, i) => expect(unmarked[i]).toBeCloseTo(share, 12));
    const two = shares('w_shaped', { length: 2 });
    expect(two[0]).toBeCloseTo(2 / 3, 12);
    expect(two[1]).toBeCloseTo(1 / 3, 12);
  });

  it('time decay: half the weight per half-life of age, steps of stepDays on paths without times', () => {
    const stepped = shares('time_decay', { length: 2 }, { halfLifeDays: 1, stepDays: 1 });
    expect(stepped[0]).toBeCloseTo(1 / 3, 12);
    expect(stepped[1]).toBeCloseTo(2 / 3, 12);
    const dated = shares('time_decay', { length: 3, ageDays: [14, 7, 0] });
    [1 / 7, 2 / 7, 4 / 7].forEach((share, i) => expect(dated[i]).toBeCloseTo(share, 12));
  });

  it('time decay never divides 0 by 0, however old the touches', () => {
    const old = shares('time_decay', { length: 2, ageDays: [100_000, 100_007] });
    expect(old[0]).toBeCloseTo(2 / 3, 12);
    expect(old[1]).toBeCloseTo(1 / 3, 12);
  });

  it('credits value with the same shares, and nothing for paths that did not convert', () => {
    const prepared = preparePaths([
      { channels: ['a', 'b'], conversions: 2, value: 50, nulls: 3 },
      { channels: ['c'], conversions: 0, value: 0, nulls: 9 },
    ]);
    expect(positionAttribution(prepared, 'first_touch', OPTIONS)).toEqual([
      { channel: 'a', conversions: 2, value: 50 },
      { channel: 'b', conversions: 0, value: 0 },
      { channel: 'c', conversions: 0, value: 0 },
    ]);
  });
});
