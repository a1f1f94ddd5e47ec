// RIFF/WAVE reading (streaming or whole) and 16-bit PCM writing on plain bytes, for every part of
// Hearth that handles WAV files: server ingest, the classic voice's worker, the starter library,
// the toy simulator and the tests.
// No DOM and no Node: Uint8Array, DataView and Float32Array only.

export interface WavAudio {
  sampleRate: number;
  /** Channels in the file; `samples` is always mono (channels averaged). */
  channels: number;
  /** Mono samples in -1..1. */
  samples: Float32Array;
}

const HEADER_BYTES = 44;

export class WavFormatError extends Error {
  override name = 'WavFormatError';
}

/** Planar samples in -1..1 read from one piece of a WAV file. */
export interface WavSamples {
  channelData: Float32Array[];
  frames: number;
  sampleRate: number;
}

interface WavFormat {
  float: boolean;
  channels: number;
  sampleRate: number;
  bytesPerSample: number;
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
/** The header must be found in this many bytes; more is not a WAV header but something else. */
const MAX_HEADER_BYTES = 1024 * 1024;
const NO_SAMPLES: WavSamples = Object.freeze({ channelData: [], frames: 0, sampleRate: 0 }) as WavSamples;

/**
 * The one WAV reader: PCM (8/16/24/32-bit integer) and IEEE float (32/64-bit). Fed a file piece by
 * piece, it parses the header as the first bytes arrive and then converts samples as they come, so
 * a large WAV is never held whole (server ingest); `decodeWav` feeds it a whole file at once.
 */
export class WavStreamReader {
  private header: Uint8Array = new Uint8Array(0);
  private pendingFormat: WavFormat | null = null;
  private format: WavFormat | null = null;
  /** Bytes of a sample frame split across two pieces of input. */
  private carry: Uint8Array = new Uint8Array(0);
  /** Data bytes still expected from the data chunk's declared size (Infinity when it is unknown). */
  private dataLeft = Infinity;

  /** Channels in the file, once its header has been read. */
  get channels(): number | null {
    return this.format?.channels ?? null;
  }

  /** Reads the next piece; returns no samples while the header is still incomplete. */
  push(bytes: Uint8Array): WavSamples {
    if (this.format) return this.samples(bytes);
    this.header = concat(this.header, bytes);
    const start = this.parseHeader();
    if (start === null) return NO_SAMPLES;
    const rest = this.header.subarray(start);
    this.header = new Uint8Array(0);
    return this.samples(rest);
  }

  /** Ends the file: throws when it ended before its audio data started. */
  end(): void {
    if (!this.format) {
      if (this.header.length < 12) throw new WavFormatError('not a RIFF/WAVE file (it ends within 12 bytes)');
      throw new WavFormatError(
        this.pendingFormat
          ? 'WAV has no data chunk'
          : 'WAV has no data chunk: its header ends before the audio data starts',
      );
    }
    this.carry = new Uint8Array(0);
  }

  /** Returns where the sample data starts once the header is complete, else null (wants more bytes). */
  private parseHeader(): number | null {
    const h = this.header;
    const view = new DataView(h.buffer, h.byteOffset, h.byteLength);
    if (h.length < 12) return null;
    if (ascii(h, 0, 4) !== 'RIFF' || ascii(h, 8, 4) !== 'WAVE') throw new WavFormatError('not a RIFF/WAVE file');
    let offset = 12;
    while (offset + 8 <= h.length) {
      const id = ascii(h, offset, 4);
      const size = view.getUint32(offset + 4, true);
      if (id === 'data') {
        if (!this.pendingFormat) throw new WavFormatError('the audio data comes before the "fmt " chunk');
        this.format = this.pendingFormat;
        // Streamed WAVs may declare 0 or the largest size: read to the end of the file then.
        this.dataLeft = size === 0 || size === 0xffffffff ? Infinity : size;
        return offset + 8;
      }
      if (offset + 8 + size > h.length) break;
      if (id === 'fmt ') this.pendingFormat = readFormat(view, offset + 8, size);
      offset += 8 + size + (size % 2); // chunks are padded to an even length
    }
    if (h.length > MAX_HEADER_BYTES) throw new WavFormatError('no audio data in the first megabyte');
    return null;
  }

  private samples(input: Uint8Array): WavSamples {
    const format = this.format!;
    let bytes = input.subarray(0, Math.min(input.length, this.dataLeft));
    this.dataLeft -= bytes.length;
    if (this.carry.length > 0) {
      bytes = concat(this.carry, bytes);
      this.carry = new Uint8Array(0);
    }
    const frameBytes = format.bytesPerSample * format.channels;
    const frames = Math.floor(bytes.length / frameBytes);
    this.carry = bytes.slice(frames * frameBytes);
    const channelData = Array.from({ length: format.channels }, () => new Float32Array(frames));
    const view = new DataView(bytes.buffer, bytes.byteOffset, frames * frameBytes);
    const read = sampleReader(format);
    for (let f = 0; f < frames; f++) {
      for (let c = 0; c < format.channels; c++)
        channelData[c]![f] = read(view, (f * format.channels + c) * format.bytesPerSample);
    }
    return { channelData, frames, sampleRate: format.sampleRate };
  }
}

/** Reads a whole WAV file (PCM or float, any channel count, averaged to mono). Throws a clear error on anything else. */
export function decodeWav(bytes: Uint8Array): WavAudio {
  const reader = new WavStreamReader();
  const { channelData, frames, sampleRate } = reader.push(bytes);
  reader.end();
  const channels = reader.channels ?? 1;
  const samples = new Float32Array(frames);
  for (const channel of channelData) for (let i = 0; i < frames; i++) samples[i]! += channel[i]! / channels;
  return { sampleRate, channels, samples };
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

function readFormat(view: DataView, at: number, size: number): WavFormat {
  if (size < 16) throw new WavFormatError('the "fmt " chunk is too short');
  let tag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const bits = view.getUint16(at + 14, true);
  if (tag === FORMAT_EXTENSIBLE && size >= 26) tag = view.getUint16(at + 24, true); // the sub-format GUID's first two bytes
  const float = tag === FORMAT_FLOAT;
  if (tag !== FORMAT_PCM && !float)
    throw new WavFormatError(`WAV format ${tag} is compressed; only PCM and float WAV files are supported`);
  const supported = float ? bits === 32 || bits === 64 : [8, 16, 24, 32].includes(bits);
  if (!supported) throw new WavFormatError(`${bits}-bit ${float ? 'float' : 'PCM'} WAV is not supported`);
  if (channels === 0 || sampleRate === 0)
    throw new WavFormatError('the WAV header says it has no channels or no sample rate');
  return { float, channels, sampleRate, bytesPerSample: bits / 8 };
}

function sampleReader(format: WavFormat): (view: DataView, at: number) => number {
  if (format.float)
    return format.bytesPerSample === 4 ? (v, at) => v.getFloat32(at, true) : (v, at) => v.getFloat64(at, true);
  switch (format.bytesPerSample) {
    case 1:
      return (v, at) => (v.getUint8(at) - 128) / 128;
    case 2:
      return (v, at) => v.getInt16(at, true) / 32768;
    case 3:
      return (v, at) => (v.getUint8(at) | (v.getUint8(at + 1) << 8) | (v.getInt8(at + 2) << 16)) / 8388608;
    default:
      return (v, at) => v.getInt32(at, true) / 2147483648;
  }
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function writeTag(view: DataView, offset: number, text: string): void {
  for (let i = 0; i < 4; i++) view.setUint8(offset + i, text.charCodeAt(i));
}
