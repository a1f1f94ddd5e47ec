import { describe, expect, it } from 'vitest';
import { makeUtteranceWav, readWav } from '../../helpers/utterance.ts';

function rms(samples: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
}

describe('test utterance helper (flite + sox)', () => {
  it('speaks text into a 16 kHz mono WAV with silence around the speech', () => {
    const file = makeUtteranceWav('Tell me a story about a brave turtle.');
    const wav = readWav(file);
    expect(wav.sampleRate).toBe(16000);
    expect(wav.channels).toBe(1);
    const sr = wav.sampleRate;
    const total = wav.samples.length;
    expect(total / sr).toBeGreaterThan(3);
    expect(rms(wav.samples, 0, Math.floor(0.9 * sr))).toBeLessThan(0.001);
    expect(rms(wav.samples, total - Math.floor(0.9 * sr), total)).toBeLessThan(0.001);
    expect(rms(wav.samples, sr, total - sr)).toBeGreaterThan(0.02);
  });

  it('reuses the cached file for the same text and options', () => {
    const a = makeUtteranceWav('Hello Hearth.', { silenceBeforeS: 0.5 });
    const b = makeUtteranceWav('Hello Hearth.', { silenceBeforeS: 0.5 });
    const c = makeUtteranceWav('Hello Hearth.', { silenceBeforeS: 1.5 });
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(readWav(c).samples.length - readWav(a).samples.length).toBe(16000);
  });
});
