// The firmware's binary WebSocket frames (main/protocols/protocol.h), chosen by the Protocol-Version
// header: v1 is the bare Opus packet; v2 is {u16 version, u16 type (0 opus, 1 json), u32 reserved,
// u32 timestamp_ms, u32 payload_size} then the payload; v3 is {u8 type, u8 reserved, u16 payload_size}.
// All big-endian. Timestamps matter for server-side echo cancellation (v2 only).
import { MAX_OPUS_PACKET_BYTES } from './opus-codec.ts';

export type ProtocolVersion = 1 | 2 | 3;
export const PROTOCOL_VERSIONS: readonly ProtocolVersion[] = [1, 2, 3];

export interface AudioPacket {
  payload: Uint8Array;
  timestampMs: number;
}

export class BinaryFrameError extends Error {
  override name = 'BinaryFrameError';
}

const V2_HEADER = 16;
const V3_HEADER = 4;

export function parseProtocolVersion(raw: unknown): ProtocolVersion | null {
  const n =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  return PROTOCOL_VERSIONS.includes(n as ProtocolVersion) ? (n as ProtocolVersion) : null;
}

export function encodeAudioFrame(version: ProtocolVersion, payload: Uint8Array, timestampMs: number): Uint8Array {
  if (version === 1) return payload;
  if (version === 3) {
    const out = new Uint8Array(V3_HEADER + payload.length);
    const view = new DataView(out.buffer);
    view.setUint8(0, 0);
    view.setUint16(2, payload.length);
    out.set(payload, V3_HEADER);
    return out;
  }
  const out = new Uint8Array(V2_HEADER + payload.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 2);
  view.setUint16(2, 0);
  view.setUint32(4, 0);
  view.setUint32(8, Math.max(0, Math.floor(timestampMs)) >>> 0);
  view.setUint32(12, payload.length);
  out.set(payload, V2_HEADER);
  return out;
}

/** One binary frame from the device as an Opus packet; throws BinaryFrameError for anything else. */
export function decodeAudioFrame(version: ProtocolVersion, frame: Uint8Array): AudioPacket {
  if (frame.length === 0) throw new BinaryFrameError('an empty binary frame');
  let payload: Uint8Array;
  let timestampMs = 0;
  if (version === 1) {
    payload = frame;
  } else {
    const header = version === 2 ? V2_HEADER : V3_HEADER;
    if (frame.length < header)
      throw new BinaryFrameError(`a ${frame.length}-byte frame is shorter than the protocol v${version} header`);
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const type = version === 2 ? view.getUint16(2) : view.getUint8(0);
    const size = version === 2 ? view.getUint32(12) : view.getUint16(2);
    if (version === 2) timestampMs = view.getUint32(8);
    if (type !== 0) throw new BinaryFrameError(`binary frame type ${type} is not Opus audio`);
    if (size !== frame.length - header)
      throw new BinaryFrameError(`the header says ${size} payload bytes, the frame carries ${frame.length - header}`);
    payload = frame.subarray(header);
  }
  if (payload.length === 0) throw new BinaryFrameError('an empty Opus payload');
  if (payload.length > MAX_OPUS_PACKET_BYTES)
    throw new BinaryFrameError(`a ${payload.length}-byte payload is larger than any Opus packet`);
  return { payload, timestampMs };
}
