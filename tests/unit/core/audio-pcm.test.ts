import { describe, expect, it } from 'vitest';
import { downmixToMono, interleavedInt16ToMono } from '../../../src/core/audio/channels.ts';
import { rms } from '../../../src/core/audio/level.ts';
import { floatToInt16, int16ToFloat } from '../../../src/core/audio/pcm.ts';
import { decodeWav, encodeWav } from '../../../src/core/audio/wav.ts';

describe('core audio: PCM conversions, channels and level', () => {
  it('Float32 → Int16 → Float32 keeps every sample within one Int16 step, and clips out-of-range input', () => {
    const input = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 7) * 0.9);
    const back = int16ToFloat(floatToInt16(input));
    for (let i = 0; i < input.length; i++) expect(Math.abs((back[i] ?? 0) - (input[i] ?? 0))).toBeLessThan(1 / 16_000);
    expect(Array.from(floatToInt16(Float32Array.from([2, -2, 1, -1])))).toEqual([32767, -32767, 32767, -32767]);
    expect(int16ToFloat(Int16Array.from([-32768]))[0]).toBe(-1);
  });

  it('averages planar and interleaved channels to mono', () => {
    expect(Array.from(downmixToMono([Float32Array.from([1, 0.5]), Float32Array.from([0, -0.5])]))).toEqual([0.5, 0]);
    expect(downmixToMono([])).toEqual(new Float32Array(0));
    // L R L R: (16384 + 0) / 2 and (-16384 + -16384) / 2, over 32768.
    expect(Array.from(interleavedInt16ToMono(Int16Array.from([16384, 0, -16384, -16384]), 2))).toEqual([0.25, -0.5]);
    expect(Array.from(interleavedInt16ToMono(Int16Array.from([16384, -16384]), 1))).toEqual([0.5, -0.5]);
  });

  it('measures RMS level', () => {
    expect(rms(new Float32Array(0))).toBe(0);
    expect(rms(Float32Array.from([0.5, -0.5, 0.5, -0.5]))).toBeCloseTo(0.5, 10);
  });

  it('WAV round trip: encode then decode gives the samples back at 16-bit precision', () => {
    const samples = Float32Array.from({ length: 480 }, (_, i) => Math.sin(i / 5) * 0.5);
    const decoded = decodeWav(encodeWav(samples, 24_000));
    expect(decoded.sampleRate).toBe(24_000);
    expect(decoded.channels).toBe(1);
    expect(decoded.samples.length).toBe(samples.length);
    for (let i = 0; i < samples.length; i++)
      expect(Math.abs((decoded.samples[i] ?? 0) - (samples[i] ?? 0))).toBeLessThan(1 / 16_000);
  });
});
