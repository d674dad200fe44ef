import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt } from './retry.ts';

const now = new Date('2026-03-02T09:00:00.000Z');

describe('nextAttemptAt', () => {
  it.each([
    [1, '2026-03-02T09:00:30.000Z'],
    [2, '2026-03-02T09:02:00.000Z'],
    [3, '2026-03-02T09:10:00.000Z'],
    [4, '2026-03-02T10:00:00.000Z'],
    [5, '2026-03-02T15:00:00.000Z'],
    [6, '2026-03-02T15:00:00.000Z'],
    [7, '2026-03-02T15:00:00.000Z'],
  ])('waits longer after each failure, up to six hours (attempt %i)', (attempt, expected) => {
    expect(nextAttemptAt(attempt, now)?.toISOString()).toBe(expected);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(nextAttemptAt(8, now)).toBeNull();
    expect(nextAttemptAt(9, now)).toBeNull();
  });

  it('spreads retries by up to 10 % with a key, the same way every time', () => {
    expect(nextAttemptAt(1, now, 'row-a')?.toISOString()).toBe('2026-03-02T09:00:31.687Z');
    expect(nextAttemptAt(1, now, 'row-b')?.toISOString()).toBe('2026-03-02T09:00:31.423Z');
    expect(nextAttemptAt(1, now, 'row-a')).toEqual(nextAttemptAt(1, now, 'row-a'));
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const waitMs = nextAttemptAt(5, now, key)!.getTime() - now.getTime();
      expect(waitMs).toBeGreaterThanOrEqual(6 * 3_600_000);
      expect(waitMs).toBeLessThan(6.6 * 3_600_000);
    }
  });

  it('refuses an attempt number that is not a whole number from 1', () => {
    expect(() => nextAttemptAt(0, now)).toThrow(RangeError);
    expect(() => nextAttemptAt(1.5, now)).toThrow(/whole number/);
  });
});
