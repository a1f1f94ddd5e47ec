// A streaming RIFF/WAVE reader for PCM (8/16/24/32-bit integer) and IEEE float (32/64-bit) data:
// the header is parsed as the first bytes arrive, then samples are converted piece by piece, so a
// large WAV is never held in memory whole (node-wav, which audio-decode uses, reads it all at once).
import { EMPTY_CHUNK, type PcmChunk, type StreamingDecoder } from './pcm-chunk.ts';

export class WavFormatError extends Error {
  override name = 'WavFormatError';
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

export class WavDecoder implements StreamingDecoder {
  private header: Uint8Array = new Uint8Array(0);
  private format: WavFormat | null = null;
  /** Bytes of a sample frame split across two pieces of input. */
  private carry: Uint8Array = new Uint8Array(0);
  /** Data bytes still expected from the data chunk's declared size (Infinity when it is unknown). */
  private dataLeft = Infinity;

  async decode(bytes: Uint8Array): Promise<PcmChunk> {
    if (!this.format) {
      this.header = concat(this.header, bytes);
      const start = this.parseHeader();
      if (start === null) return EMPTY_CHUNK;
      const rest = this.header.subarray(start);
      this.header = new Uint8Array(0);
      return this.samples(rest);
    }
    return this.samples(bytes);
  }

  async flush(): Promise<PcmChunk> {
    if (!this.format) throw new WavFormatError('the WAV header ends before its audio data starts');
    return EMPTY_CHUNK;
  }

  free(): void {
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

  private pendingFormat: WavFormat | null = null;

  private samples(input: Uint8Array): PcmChunk {
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
    return { channelData, samplesDecoded: frames, sampleRate: format.sampleRate };
  }
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
