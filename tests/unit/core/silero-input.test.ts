import { describe, expect, it } from 'vitest';
import { SILERO_CONTEXT_SAMPLES, SILERO_FRAME_SAMPLES, SileroInput } from '../../../src/core/vad/silero-input.ts';

const frameOf = (value: (i: number) => number) =>
  Float32Array.from({ length: SILERO_FRAME_SAMPLES }, (_, i) => value(i));

describe('SileroInput (Silero v5 input contract)', () => {
  it('feeds the first frame after 64 samples of silence', () => {
    const input = new SileroInput().next(frameOf(() => 0.5));
    expect(input.length).toBe(SILERO_CONTEXT_SAMPLES + SILERO_FRAME_SAMPLES);
    expect(input.subarray(0, SILERO_CONTEXT_SAMPLES).every((s) => s === 0)).toBe(true);
    expect(input[SILERO_CONTEXT_SAMPLES]).toBe(0.5);
  });

  it('puts the previous frame’s last 64 samples in front of the next frame', () => {
    const silero = new SileroInput();
    silero.next(frameOf((i) => i));
    const second = silero.next(frameOf(() => -1));
    expect(Array.from(second.subarray(0, SILERO_CONTEXT_SAMPLES))).toEqual(
      Array.from({ length: 64 }, (_, k) => 448 + k),
    );
    expect(second[SILERO_CONTEXT_SAMPLES]).toBe(-1);
  });

  it('carries the recurrent state and clears it and the context on reset', () => {
    const silero = new SileroInput();
    expect(silero.state.every((v) => v === 0)).toBe(true);
    silero.state = new Float32Array(256).fill(0.25);
    silero.next(frameOf(() => 1));
    expect(silero.state[0]).toBe(0.25);
    silero.reset();
    expect(silero.state.every((v) => v === 0)).toBe(true);
    expect(
      silero
        .next(frameOf(() => 0))
        .subarray(0, 64)
        .every((s) => s === 0),
    ).toBe(true);
  });

  it('rejects frames of the wrong size', () => {
    expect(() => new SileroInput().next(new Float32Array(480))).toThrow(/512/);
  });
});
