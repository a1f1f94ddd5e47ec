// 16-bit PCM RIFF/WAVE reading and writing on plain bytes, for every part of Hearth that handles
// WAV files: the classic voice's worker, the starter library, the toy simulator and the tests.
// No DOM and no Node: Uint8Array, DataView and Float32Array only.

export interface WavAudio {
  sampleRate: number;
  /** Channels in the file; `samples` is always mono (channels averaged). */
  channels: number;
  /** Mono samples in -1..1. */
  samples: Float32Array;
}

const HEADER_BYTES = 44;

/** Reads a 16-bit PCM WAV (any channel count, averaged to mono). Throws a clear error on anything else. */
export function decodeWav(bytes: Uint8Array): WavAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || tag(view, 0) !== 'RIFF' || tag(view, 8) !== 'WAVE')
    throw new Error('not a RIFF/WAVE file');
  let format: { audioFormat: number; channels: number; sampleRate: number; bitsPerSample: number } | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = tag(view, offset);
    const declared = view.getUint32(offset + 4, true);
    const body = offset + 8;
    // Streamed WAVs may declare a bogus size: never read past the end.
    const size = Math.min(declared, bytes.byteLength - body);
    if (id === 'fmt ') {
      if (size < 16) throw new Error('WAV fmt chunk too short');
      format = {
        audioFormat: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data before fmt chunk');
      if (format.audioFormat !== 1 || format.bitsPerSample !== 16) {
        throw new Error(
          `unsupported WAV encoding (format ${format.audioFormat}, ${format.bitsPerSample} bits): only 16-bit PCM is read`,
        );
      }
      if (format.channels < 1) throw new Error('WAV has no channels');
      return {
        sampleRate: format.sampleRate,
        channels: format.channels,
        samples: pcm16ToMono(view, body, size, format.channels),
      };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV has no data chunk');
}

/** Writes mono samples (clipped to -1..1) as a 16-bit PCM WAV. */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) throw new Error(`bad WAV sample rate: ${sampleRate}`);
  const dataBytes = samples.length * 2;
  const bytes = new Uint8Array(HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  writeTag(view, 0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  writeTag(view, 8, 'WAVE');
  writeTag(view, 12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true);
  writeTag(view, 36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    view.setInt16(HEADER_BYTES + i * 2, Math.round(s * 32767), true);
  }
  return bytes;
}

function pcm16ToMono(view: DataView, start: number, size: number, channels: number): Float32Array {
  const frames = Math.floor(size / (2 * channels));
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += view.getInt16(start + (i * channels + c) * 2, true);
    out[i] = sum / channels / 32768;
  }
  return out;
}

function tag(view: DataView, offset: number): string {
  return String.fromCharCode(
    view.getUint8(offset),
    view.getUint8(offset + 1),
    view.getUint8(offset + 2),
    view.getUint8(offset + 3),
  );
}

function writeTag(view: DataView, offset: number, text: string): void {
  for (let i = 0; i < 4; i++) view.setUint8(offset + i, text.charCodeAt(i));
}
