import { describe, expect, it } from 'vitest';
import { solveLinearSystem } from './linear-system.ts';

describe('solveLinearSystem', () => {
  it('solves a system that needs row swaps, for several right-hand sides', () => {
    // [0 2 1; 1 1 0; 2 0 3] X = B with X = [1 2; 0 -1; 3 1].
    const a = new Float64Array([0, 2, 1, 1, 1, 0, 2, 0, 3]);
    const b = new Float64Array([3, -1, 1, 1, 11, 7]);
    const x = solveLinearSystem(a, b, 3, 2);
    [1, 2, 0, -1, 3, 1].forEach((value, i) => expect(x[i]).toBeCloseTo(value, 12));
  });

  it('refuses a singular system', () => {
    expect(() => solveLinearSystem(new Float64Array([1, 2, 2, 4]), new Float64Array([1, 2]), 2, 1)).toThrow('the linear system is singular');
  });
});
