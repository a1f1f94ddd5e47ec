// One toy's encrypted UDP audio session: the key and nonce from the server's hello, the sequence
// rules in both directions, and which address the toy sends from. Pure state: the socket lives in
// UdpAudioServer.
import crypto from 'node:crypto';
import { openPacket, sealPacket, sessionNonce, type PacketHeader } from './udp-packet.ts';
import { looksLikeOpusFrame } from './opus-packet-shape.ts';

/**
 * How far ahead of the last accepted sequence a packet may be: the firmware counts every packet it
 * sends from 1 per hello, so a jump this big (over a minute of 60 ms frames lost) is not the toy.
 */
export const SEQUENCE_WINDOW = 1024;

export type UdpDropReason = 'wrong-nonce' | 'replayed' | 'out-of-window' | 'wrong-key' | 'other-address';

export interface UdpPeer {
  address: string;
  port: number;
}

export interface AcceptedAudio {
  opus: Buffer;
  timestamp: number;
}

export class UdpAudioSession {
  readonly ssrc: number;
  readonly nonce: Buffer;
  /** Where downlink packets go: the address of the first packet that proved itself. */
  peer: UdpPeer | null = null;
  private remoteSequence = 0;
  private localSequence = 0;

  constructor(
    ssrc: number,
    /** The uplink frame duration the toy announced in its hello (60 ms on stock firmware). */
    private readonly uplinkFrameMs: number,
    /** The session's AES key: fresh random bytes (tests pass a fixed one to get the same drops every run). */
    readonly key: Buffer = crypto.randomBytes(16),
  ) {
    this.ssrc = ssrc >>> 0;
    this.nonce = sessionNonce(this.ssrc);
  }

  /** The hello's `udp` block (hex, as the firmware's DecodeHexString reads it). */
  helloBlock(server: string, port: number): { server: string; port: number; key: string; nonce: string } {
    return { server, port, key: this.key.toString('hex'), nonce: this.nonce.toString('hex') };
  }

  /** Checks and decrypts one uplink packet whose ssrc named this session. */
  accept(datagram: Buffer, header: PacketHeader, from: UdpPeer): AcceptedAudio | UdpDropReason {
    // The header is the nonce with three fields filled in: the rest must be ours, byte for byte.
    if (header.flags !== this.nonce[1] || !datagram.subarray(4, 8).equals(this.nonce.subarray(4, 8)))
      return 'wrong-nonce';
    if (this.peer && (this.peer.address !== from.address || this.peer.port !== from.port)) return 'other-address';
    if (header.sequence <= this.remoteSequence) return 'replayed';
    if (header.sequence > this.remoteSequence + SEQUENCE_WINDOW) return 'out-of-window';
    const opus = openPacket(this.key, datagram);
    if (!looksLikeOpusFrame(opus, this.uplinkFrameMs)) return 'wrong-key';
    // Only a packet that proved itself moves the window on or pins the toy's address.
    this.remoteSequence = header.sequence;
    this.peer ??= { address: from.address, port: from.port };
    return { opus, timestamp: header.timestamp };
  }

  /** One downlink packet, numbered after the last one sent. */
  seal(opus: Uint8Array, timestampMs: number): Buffer {
    this.localSequence = (this.localSequence + 1) >>> 0;
    return sealPacket(this.key, this.nonce, opus, timestampMs, this.localSequence);
  }
}
