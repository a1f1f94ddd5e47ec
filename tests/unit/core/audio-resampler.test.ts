import { describe, expect, it } from 'vitest';
import { resample, StreamingResampler } from '../../../src/core/audio/resampler.ts';

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
    for (let i = 200; i < out.length - 200; i++)
      maxError = Math.max(maxError, Math.abs((out[i] ?? 0) - (ideal[i] ?? 0)));
    expect(maxError).toBeLessThan(0.01);
  });

  it('attenuates a tone 2 kHz above the new Nyquist frequency (10 kHz at 48 kHz → 16 kHz, Nyquist 8 kHz)', () => {
    const out = resample(sine(10_000, 48_000, 0.5), 48_000, 16_000);
    // Unfiltered, 10 kHz folds to 6 kHz at full level (RMS ≈ 0.35). The filter's transition band is
    // centred on 8 kHz (-6 dB there); 2 kHz above it the alias is more than 30 dB down.
    expect(rmsOf(out, 200, out.length - 200)).toBeLessThan(0.01);
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
    for (let i = 500; i < out.length - 500; i++)
      maxError = Math.max(maxError, Math.abs((out[i] ?? 0) - (ideal[i] ?? 0)));
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

  it('flush() gives the look-ahead tail so a stream adds up to the one-shot length and samples', () => {
    const input = sine(440, 16_000, 0.25);
    const oneShot = resample(input, 16_000, 48_000);
    const streaming = new StreamingResampler(16_000, 48_000);
    const pieces: number[] = [];
    for (let i = 0; i < input.length; i += 320) pieces.push(...streaming.process(input.subarray(i, i + 320)));
    expect(pieces.length).toBeLessThan(oneShot.length);
    pieces.push(...streaming.flush());
    expect(pieces.length).toBe(oneShot.length);
    for (let i = 0; i < oneShot.length; i++) expect(pieces[i]).toBeCloseTo(oneShot[i] ?? NaN, 6);
    // flush() also resets: the next stream starts clean.
    expect(Array.from(streaming.process(input))).toEqual(
      Array.from(new StreamingResampler(16_000, 48_000).process(input)),
    );
  });

  it('round trip 16 kHz → 48 kHz → 16 kHz gives back the original (8 kHz classic voice → 16 kHz too)', () => {
    const original = sine(523, 16_000, 0.5, 0.4);
    const back = resample(resample(original, 16_000, 48_000), 48_000, 16_000);
    expect(back.length).toBe(original.length);
    let maxError = 0;
    for (let i = 300; i < back.length - 300; i++)
      maxError = Math.max(maxError, Math.abs((back[i] ?? 0) - (original[i] ?? 0)));
    expect(maxError).toBeLessThan(0.01);

    const kal = resample(sine(300, 8_000, 0.5), 8_000, 16_000);
    expect(kal.length).toBe(8_000);
    expect(rmsOf(kal, 300, kal.length - 300)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });
});
