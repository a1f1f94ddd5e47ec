import { describe, expect, it } from 'vitest';
import { CapturePipeline } from '../../../src/audio/capture-pipeline.ts';
import { downmixToMono } from '../../../src/core/audio/channels.ts';
import { rms } from '../../../src/core/audio/level.ts';

function quanta(total: number, fill: (i: number) => number, size = 128): Float32Array[] {
  const out: Float32Array[] = [];
  for (let start = 0; start < total; start += size) {
    out.push(Float32Array.from({ length: Math.min(size, total - start) }, (_, k) => fill(start + k)));
  }
  return out;
}

describe('CapturePipeline (what the capture worklet does per render quantum)', () => {
  it('turns 1 s of 48 kHz stereo into 31 full 512-sample frames at 16 kHz', () => {
    const pipeline = new CapturePipeline(48_000, 512);
    const left = quanta(48_000, (i) => 0.4 * Math.sin((2 * Math.PI * 440 * i) / 48_000));
    const frames = left.flatMap((q) => pipeline.push([q, q]));
    // 16,000 samples minus the resampler's look-ahead → 31 whole frames (15,872 samples).
    expect(frames.length).toBe(31);
    for (const frame of frames) expect(frame.length).toBe(512);
    expect(rms(frames[10]!)).toBeCloseTo(0.4 / Math.SQRT2, 2);
  });

  it('does not resample when the AudioContext already runs at 16 kHz', () => {
    const pipeline = new CapturePipeline(16_000, 512);
    const frames = quanta(1_024, (i) => i / 1_024).flatMap((q) => pipeline.push([q]));
    expect(frames.length).toBe(2);
    expect(frames[1]![0]).toBeCloseTo(512 / 1_024, 6);
  });

  it('ignores a quantum with no channels (input momentarily disconnected)', () => {
    expect(new CapturePipeline(16_000, 512).push([])).toEqual([]);
  });
});

describe('downmixToMono', () => {
  it('averages channels', () => {
    const mono = downmixToMono([Float32Array.from([1, 0.5]), Float32Array.from([0, -0.5])]);
    expect(Array.from(mono)).toEqual([0.5, 0]);
  });
});
