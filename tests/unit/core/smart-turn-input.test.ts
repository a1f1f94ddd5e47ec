// What both Smart Turn engines (browser worker, home server) share from the core: the 8 s input
// window and the reading of the model's output.
import { describe, expect, it } from 'vitest';
import {
  SMART_TURN_WINDOW_SAMPLES,
  smartTurnProbability,
  smartTurnWindow,
} from '../../../src/core/turn-end/smart-turn-input.ts';

describe('Smart Turn input and output', () => {
  it('the window is always 8 s: a short utterance gets silence in front, a long one keeps its end', () => {
    const short = smartTurnWindow(Float32Array.from({ length: 1600 }, (_, i) => Math.sin(i / 5)));
    expect(short).toHaveLength(SMART_TURN_WINDOW_SAMPLES);
    // Silence in front (normalised, so a constant), the sound at the very end.
    expect(short[0]).toBeCloseTo(short[SMART_TURN_WINDOW_SAMPLES - 1601]!, 6);
    expect(short[SMART_TURN_WINDOW_SAMPLES - 1]).not.toBeCloseTo(short[0]!, 3);

    const long = new Float32Array(SMART_TURN_WINDOW_SAMPLES + 16_000);
    long.fill(0.5, 0, 16_000); // the first second, which falls outside the window
    long.fill(-0.25, 16_000);
    const window = smartTurnWindow(long);
    expect(window).toHaveLength(SMART_TURN_WINDOW_SAMPLES);
    // Only the constant tail was kept: normalised to zero everywhere.
    expect(window.every((v) => Math.abs(v) < 1e-3)).toBe(true);
  });

  it('reads the first output value as the probability, clamped to 0..1', () => {
    expect(smartTurnProbability(Float32Array.of(0.73), 'test')).toBeCloseTo(0.73, 6);
    expect(smartTurnProbability([1.2], 'test')).toBe(1);
    expect(smartTurnProbability([-0.1], 'test')).toBe(0);
  });

  it('anything but a finite number is an error that names the model', () => {
    expect(() => smartTurnProbability(Float32Array.of(Number.NaN), 'smart-turn-v3')).toThrow(
      'smart-turn-v3 returned an unexpected output',
    );
    expect(() => smartTurnProbability([], 'smart-turn-v3')).toThrow(/unexpected output/);
    expect(() => smartTurnProbability(undefined, 'smart-turn-v3')).toThrow(/unexpected output/);
    expect(() => smartTurnProbability([BigInt(1)], 'smart-turn-v3')).toThrow(/unexpected output/);
  });
});
