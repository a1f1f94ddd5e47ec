// The xiaozhi firmware's UDP audio packet (main/protocols/mqtt_protocol.cc, docs/mqtt-udp.md):
//   | type 0x01 (1) | flags (1) | payload_len (2) | ssrc (4) | timestamp (4) | sequence (4) | payload |
// all big-endian. The 16-byte header doubles as the AES-128-CTR IV: the sender copies the session
// nonce from the server's hello and writes payload_len, timestamp and sequence into it, so type,
// flags and ssrc always equal the nonce's bytes 0, 1 and 4..7.
import crypto from 'node:crypto';

export const HEADER_BYTES = 16;
export const AUDIO_PACKET_TYPE = 0x01;
/** payload_len is 16 bits. */
export const MAX_PAYLOAD_BYTES = 0xffff;

export interface PacketHeader {
  type: number;
  flags: number;
  payloadLength: number;
  ssrc: number;
  timestamp: number;
  sequence: number;
}

export type HeaderProblem = 'short' | 'not-audio' | 'length-mismatch';

/** Reads the header; a problem instead when the datagram cannot be an audio packet. */
export function readHeader(datagram: Uint8Array): PacketHeader | HeaderProblem {
  if (datagram.length < HEADER_BYTES) return 'short';
  const view = new DataView(datagram.buffer, datagram.byteOffset, datagram.byteLength);
  const header: PacketHeader = {
    type: view.getUint8(0),
    flags: view.getUint8(1),
    payloadLength: view.getUint16(2),
    ssrc: view.getUint32(4),
    timestamp: view.getUint32(8),
    sequence: view.getUint32(12),
  };
  if (header.type !== AUDIO_PACKET_TYPE) return 'not-audio';
  if (datagram.length !== HEADER_BYTES + header.payloadLength) return 'length-mismatch';
  return header;
}

/** AES-128-CTR with the packet header as IV; the same call encrypts and decrypts. */
export function aesCtr(key: Uint8Array, iv: Uint8Array, input: Uint8Array): Buffer {
  const cipher = crypto.createCipheriv('aes-128-ctr', key, iv);
  return Buffer.concat([cipher.update(input), cipher.final()]);
}

/** A whole packet: the nonce with length, timestamp and sequence filled in, then the encrypted payload. */
export function sealPacket(
  key: Uint8Array,
  nonce: Uint8Array,
  payload: Uint8Array,
  timestamp: number,
  sequence: number,
): Buffer {
  if (nonce.length !== HEADER_BYTES)
    throw new RangeError(`the UDP nonce must be ${HEADER_BYTES} bytes, not ${nonce.length}`);
  if (payload.length > MAX_PAYLOAD_BYTES)
    throw new RangeError(`a UDP audio payload of ${payload.length} bytes does not fit payload_len`);
  const header = Buffer.from(nonce);
  header.writeUInt16BE(payload.length, 2);
  header.writeUInt32BE(timestamp >>> 0, 8);
  header.writeUInt32BE(sequence >>> 0, 12);
  return Buffer.concat([header, aesCtr(key, header, payload)]);
}

/** The payload of a packet whose header was read (no check of who sent it: see UdpAudioSession). */
export function openPacket(key: Uint8Array, datagram: Uint8Array): Buffer {
  return aesCtr(key, datagram.subarray(0, HEADER_BYTES), datagram.subarray(HEADER_BYTES));
}

/**
 * A fresh session nonce as Hearth hands it out: type 0x01, flags 0, ssrc = the session's id (the
 * device echoes it in every packet, which is how packets find their session), the rest zero.
 */
export function sessionNonce(ssrc: number): Buffer {
  const nonce = Buffer.alloc(HEADER_BYTES);
  nonce.writeUInt8(AUDIO_PACKET_TYPE, 0);
  nonce.writeUInt32BE(ssrc >>> 0, 4);
  return nonce;
}
