// Opus for stock xiaozhi toys: libopus (opusscript's WASM build) behind two small classes. The
// firmware sends 16 kHz mono 60 ms packets and plays what the server's hello announces (24 kHz,
// 60 ms here). PCM crosses this boundary as Float32 (-1..1), the way the rest of the server holds it.
import OpusScript from 'opusscript';

export type OpusRate = 8000 | 12000 | 16000 | 24000 | 48000;

export const UPLINK_RATE: OpusRate = 16000;
export const DOWNLINK_RATE: OpusRate = 24000;
export const FRAME_MS = 60;

/** Longest Opus packet libopus ever makes (RFC 6716: 1275 bytes per frame, up to 3 frames in 60 ms). */
export const MAX_OPUS_PACKET_BYTES = 4000;

export class OpusDecodeError extends Error {
  override name = 'OpusDecodeError';
}

/** Samples in one frame of `frameMs` at `rate`. */
export function frameSamples(rate: number, frameMs = FRAME_MS): number {
  return (rate * frameMs) / 1000;
}

export class OpusEncoder {
  private readonly codec: OpusScript;
  readonly frameSamples: number;
  private released = false;

  constructor(
    readonly sampleRate: OpusRate = DOWNLINK_RATE,
    readonly frameMs = FRAME_MS,
  ) {
    this.codec = new OpusScript(sampleRate, 1, OpusScript.Application.VOIP);
    this.frameSamples = frameSamples(sampleRate, frameMs);
  }

  /** One packet for exactly `frameSamples` samples (a shorter frame is padded with silence). */
  encode(frame: Float32Array): Uint8Array {
    if (this.released) throw new Error('OpusEncoder: used after release()');
    const pcm = Buffer.alloc(this.frameSamples * 2);
    const n = Math.min(frame.length, this.frameSamples);
    for (let i = 0; i < n; i++) {
      const s = Math.max(-1, Math.min(1, frame[i] ?? 0));
      pcm.writeInt16LE(Math.round(s * 32767), i * 2);
    }
    // opusscript hands back a view into its WASM heap: copy before the next call reuses it.
    return Uint8Array.from(this.codec.encode(pcm, this.frameSamples));
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.codec.delete();
  }
}

export class OpusDecoder {
  private readonly codec: OpusScript;
  private released = false;

  constructor(readonly sampleRate: OpusRate = UPLINK_RATE) {
    this.codec = new OpusScript(sampleRate, 1, OpusScript.Application.VOIP);
  }

  /** The packet's PCM at `sampleRate`; throws OpusDecodeError for anything libopus rejects. */
  decode(packet: Uint8Array): Float32Array {
    if (this.released) throw new Error('OpusDecoder: used after release()');
    if (packet.length === 0 || packet.length > MAX_OPUS_PACKET_BYTES)
      throw new OpusDecodeError(`an Opus packet of ${packet.length} bytes`);
    let pcm: Buffer;
    try {
      pcm = this.codec.decode(Buffer.from(packet.buffer, packet.byteOffset, packet.byteLength));
    } catch (error) {
      throw new OpusDecodeError(`undecodable Opus packet (${error instanceof Error ? error.message : String(error)})`);
    }
    const out = new Float32Array(pcm.length >> 1);
    for (let i = 0; i < out.length; i++) out[i] = pcm.readInt16LE(i * 2) / 32768;
    return out;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.codec.delete();
  }
}
