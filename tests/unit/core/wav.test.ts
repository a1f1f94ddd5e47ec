// The one WAV codec (src/core/audio/wav.ts) that server ingest, the classic voice, the starter
// library, the toy simulator and the tests all use.
import { describe, expect, it } from 'vitest';
import { decodeWav, encodeWav, WavStreamReader } from '../../../src/core/audio/wav.ts';

/** A WAV built byte by byte (not by the codec under test), with optional oddities. */
function wav(
  samples: number[],
  opts: { sampleRate?: number; channels?: number; extraChunk?: boolean; bogusSize?: boolean } = {},
): Uint8Array {
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

describe('decodeWav', () => {
  it('reads 16-bit mono PCM as -1..1 floats at the declared rate', () => {
    const out = decodeWav(wav([0, 16384, -32768, 32767], { sampleRate: 8000 }));
    expect(out.sampleRate).toBe(8000);
    expect([...out.samples]).toEqual([0, 0.5, -1, 32767 / 32768]);
  });
  it('skips unknown (odd-sized) chunks and survives a bogus data size', () => {
    const out = decodeWav(wav([100, 200], { extraChunk: true, bogusSize: true }));
    expect(out.samples).toHaveLength(2);
  });
  it('averages stereo to mono', () => {
    const out = decodeWav(wav([16384, 0, -16384, -16384], { channels: 2 }));
    expect([...out.samples]).toEqual([0.25, -0.5]);
  });
  it('rejects what is not a 16-bit PCM WAV', () => {
    expect(() => decodeWav(new Uint8Array(8))).toThrow(/RIFF/);
    expect(() => decodeWav(new TextEncoder().encode('RIFF\0\0\0\0WAVEjunk'))).toThrow(/no data/);
  });
});

describe('WavStreamReader', () => {
  it('reads a file fed a byte at a time exactly as the whole file', () => {
    const bytes = wav([100, -200, 300, -400, 500, -600], { channels: 2, extraChunk: true });
    const reader = new WavStreamReader();
    const left: number[] = [];
    const right: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const piece = reader.push(bytes.subarray(i, i + 1));
      left.push(...(piece.channelData[0] ?? []));
      right.push(...(piece.channelData[1] ?? []));
    }
    reader.end();
    expect(left).toEqual([100, 300, 500].map((s) => s / 32768));
    expect(right).toEqual([-200, -400, -600].map((s) => s / 32768));
  });
  it('reads 32-bit float WAV data', () => {
    const bytes = wav([0, 0]);
    const view = new DataView(bytes.buffer);
    view.setUint16(20, 3, true); // IEEE float
    view.setUint16(34, 32, true);
    view.setUint32(40, 4, true); // one float sample
    view.setFloat32(44, 0.25, true);
    expect([...decodeWav(bytes).samples]).toEqual([0.25]);
  });
  it('refuses a file that ends before its audio data starts', () => {
    const reader = new WavStreamReader();
    reader.push(wav([1, 2]).subarray(0, 30));
    expect(() => reader.end()).toThrow(/no data chunk/);
  });
});

describe('encodeWav', () => {
  it('writes a 44-byte PCM16 mono header and clipped, rounded samples', () => {
    const bytes = encodeWav(Float32Array.from([0, 0.5, -1, 2, -2]), 22050);
    const v = new DataView(bytes.buffer);
    expect(bytes.byteLength).toBe(44 + 5 * 2);
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('RIFF');
    expect(v.getUint32(4, true)).toBe(36 + 10);
    expect(v.getUint16(22, true)).toBe(1);
    expect(v.getUint32(24, true)).toBe(22050);
    expect(v.getUint32(28, true)).toBe(44100);
    expect([0, 1, 2, 3, 4].map((i) => v.getInt16(44 + i * 2, true))).toEqual([0, 16384, -32767, 32767, -32767]);
  });

  it('round-trips through decodeWav within one 16-bit step', () => {
    const samples = Float32Array.from({ length: 1000 }, (_, i) => 0.8 * Math.sin(i / 7));
    const decoded = decodeWav(encodeWav(samples, 16000));
    expect(decoded).toMatchObject({ sampleRate: 16000, channels: 1 });
    expect(decoded.samples).toHaveLength(samples.length);
    for (let i = 0; i < samples.length; i++)
      expect(Math.abs(decoded.samples[i]! - samples[i]!)).toBeLessThan(1 / 16384);
  });

  it('refuses a nonsense sample rate', () => {
    expect(() => encodeWav(new Float32Array(4), 0)).toThrow(/sample rate/);
  });
});
