import { describe, expect, it } from 'vitest';
import { durationStretch, fliteArgs, isFliteVoice, speakableText } from '../../../src/engines/tts/classic/flite-voices.ts';
import { resampleLinear } from '../../../src/engines/tts/classic/resample.ts';
import { parseWav } from '../../../src/engines/tts/classic/wav.ts';

function wav(samples: number[], opts: { sampleRate?: number; channels?: number; extraChunk?: boolean; bogusSize?: boolean } = {}): Uint8Array {
  const channels = opts.channels ?? 1;
  const extra = opts.extraChunk ? 8 + 3 + 1 : 0; // odd-sized chunk plus its pad byte
  const dataBytes = samples.length * 2;
  const buf = new ArrayBuffer(44 + extra + dataBytes);
  const v = new DataView(buf);
  const str = (o: number, s: string) => [...s].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
  str(0, 'RIFF');
  v.setUint32(4, 36 + extra + dataBytes, true);
  str(8, 'WAVE');
  str(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, opts.sampleRate ?? 16000, true);
  v.setUint32(28, (opts.sampleRate ?? 16000) * 2 * channels, true);
  v.setUint16(32, 2 * channels, true);
  v.setUint16(34, 16, true);
  let o = 36;
  if (opts.extraChunk) {
    str(o, 'LIST');
    v.setUint32(o + 4, 3, true);
    o += 12;
  }
  str(o, 'data');
  v.setUint32(o + 4, opts.bogusSize ? 0xffffffff : dataBytes, true);
  samples.forEach((s, i) => v.setInt16(o + 8 + i * 2, s, true));
  return new Uint8Array(buf);
}

describe('parseWav', () => {
  it('reads 16-bit mono PCM as -1..1 floats at the declared rate', () => {
    const out = parseWav(wav([0, 16384, -32768, 32767], { sampleRate: 8000 }));
    expect(out.sampleRate).toBe(8000);
    expect([...out.samples]).toEqual([0, 0.5, -1, 32767 / 32768]);
  });
  it('skips unknown (odd-sized) chunks and survives a bogus data size', () => {
    const out = parseWav(wav([100, 200], { extraChunk: true, bogusSize: true }));
    expect(out.samples).toHaveLength(2);
  });
  it('averages stereo to mono', () => {
    const out = parseWav(wav([16384, 0, -16384, -16384], { channels: 2 }));
    expect([...out.samples]).toEqual([0.25, -0.5]);
  });
  it('rejects what is not a 16-bit PCM WAV', () => {
    expect(() => parseWav(new Uint8Array(8))).toThrow(/RIFF/);
    expect(() => parseWav(new TextEncoder().encode('RIFF\0\0\0\0WAVEjunk'))).toThrow(/no data/);
  });
});

describe('flite helpers', () => {
  it('knows its voices', () => {
    expect(isFliteVoice('slt')).toBe(true);
    expect(isFliteVoice('en_US-lessac-medium')).toBe(false);
    expect(isFliteVoice('toString')).toBe(false);
  });
  it('turns a speaking rate into a duration stretch, clamped', () => {
    expect(durationStretch(undefined)).toBe(1);
    expect(durationStretch(2)).toBe(0.5);
    expect(durationStretch(0.5)).toBe(2);
    expect(durationStretch(100)).toBeCloseTo(1 / 3);
    expect(durationStretch(-1)).toBe(1);
  });
  it('cleans text and passes it with -t so it is never read as a file name', () => {
    expect(speakableText('  Hello,\n\tworld!  ')).toBe('Hello, world!');
    expect(speakableText(' ... ')).toBe('');
    expect(fliteArgs('-v', 'slt', 1, 'out.wav')).toEqual(['flite', '-voice', 'slt', '--setf', 'duration_stretch=1.000', '-t', '-v', '-o', 'out.wav']);
  });
  it('resamples linearly', () => {
    expect([...resampleLinear(new Float32Array([0, 1]), 8000, 16000)]).toEqual([0, 0.5, 1, 1]);
    const same = new Float32Array([1, 2]);
    expect(resampleLinear(same, 16000, 16000)).toBe(same);
  });
});
