import { describe, expect, it } from 'vitest';
import { rampLevel } from '../../../src/audio/ducking.ts';

describe('rampLevel (media ducking while Hearth speaks)', () => {
  it('ramps linearly and clamps at both ends', () => {
    expect(rampLevel(1, 0.25, -5, 200)).toBe(1);
    expect(rampLevel(1, 0.25, 100, 200)).toBeCloseTo(0.625);
    expect(rampLevel(1, 0.25, 500, 200)).toBe(0.25);
    expect(rampLevel(0.25, 1, 50, 0)).toBe(1);
  });
});
