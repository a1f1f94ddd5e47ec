import { describe, expect, it } from 'vitest';
import { resample, StreamingResampler } from '../../../src/audio/resampler.ts';

function sine(freq: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * freq * i) / rate);
  return out;
}

function rmsOf(samples: Float32Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / (to - from));
}

describe('StreamingResampler', () => {
  it('keeps a tone inside the passband: 440 Hz at 48 kHz → 16 kHz matches the ideal 16 kHz tone', () => {
    const out = resample(sine(440, 48_000, 0.5), 48_000, 16_000);
    expect(out.length).toBe(8_000);
    const ideal = sine(440, 16_000, 0.5);
    // Ignore the edges, where the kernel sees the zero padding.
    let maxError = 0;
    for (let i = 200; i < out.length - 200; i++) maxError = Math.max(maxError, Math.abs((out[i] ?? 0) - (ideal[i] ?? 0)));
    expect(maxError).toBeLessThan(0.01);
  });

  it('removes content above the new Nyquist frequency instead of aliasing it (12 kHz tone → 16 kHz)', () => {
    const out = resample(sine(12_000, 48_000, 0.5), 48_000, 16_000);
    // Linear interpolation would fold this to a loud 4 kHz tone (RMS ≈ 0.35).
    expect(rmsOf(out, 200, out.length - 200)).toBeLessThan(0.01);
  });

  it('converts 44.1 kHz (the fake mic rate) with the right length and level', () => {
    const out = resample(sine(1_000, 44_100, 1), 44_100, 16_000);
    expect(out.length).toBe(16_000);
    expect(rmsOf(out, 500, out.length - 500)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('gives the same samples whether fed in one piece or in 128-sample render quanta', () => {
    const input = sine(700, 48_000, 0.3);
    const whole = new StreamingResampler(48_000, 16_000).process(input);
    const streaming = new StreamingResampler(48_000, 16_000);
    const pieces: number[] = [];
    for (let i = 0; i < input.length; i += 128) pieces.push(...streaming.process(input.subarray(i, i + 128)));
    expect(pieces.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) expect(pieces[i]).toBeCloseTo(whole[i] ?? NaN, 6);
  });

  it('upsamples too (22.05 kHz voice → 48 kHz) without changing the tone', () => {
    const out = resample(sine(300, 22_050, 0.5), 22_050, 48_000);
    const ideal = sine(300, 48_000, 0.5);
    expect(out.length).toBe(ideal.length);
    let maxError = 0;
    for (let i = 500; i < out.length - 500; i++) maxError = Math.max(maxError, Math.abs((out[i] ?? 0) - (ideal[i] ?? 0)));
    expect(maxError).toBeLessThan(0.01);
  });

  it('passes audio through untouched when the rates match', () => {
    const input = sine(440, 16_000, 0.1);
    expect(Array.from(new StreamingResampler(16_000, 16_000).process(input))).toEqual(Array.from(input));
  });

  it('starts clean after reset()', () => {
    const r = new StreamingResampler(48_000, 16_000);
    const input = sine(440, 48_000, 0.2);
    const first = r.process(input);
    r.reset();
    expect(Array.from(r.process(input))).toEqual(Array.from(first));
  });
});
