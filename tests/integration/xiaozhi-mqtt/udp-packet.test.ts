// The UDP audio packet as the firmware builds and reads it (main/protocols/mqtt_protocol.cc):
// header layout, AES-128-CTR with the header as IV (checked against AES block by block, not against
// the same Node call the code uses), the sequence rules and the drops.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  HEADER_BYTES,
  openPacket,
  readHeader,
  sealPacket,
  sessionNonce,
} from '../../../server/toys/xiaozhi/mqtt/udp-packet.ts';
import { UdpAudioSession, SEQUENCE_WINDOW } from '../../../server/toys/xiaozhi/mqtt/udp-audio-session.ts';
import { opusPacketDurationMs } from '../../../server/toys/xiaozhi/mqtt/opus-packet-shape.ts';
import { OpusEncoder } from '../../../server/toys/xiaozhi/opus-codec.ts';

/** AES-128-CTR by hand: E(key, counter block) XOR data, the 128-bit counter counting up big-endian. */
function ctrByHand(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const out = Buffer.alloc(data.length);
  const counter = Buffer.from(iv);
  for (let at = 0; at < data.length; at += 16) {
    const ecb = crypto.createCipheriv('aes-128-ecb', key, null);
    ecb.setAutoPadding(false);
    const stream = Buffer.concat([ecb.update(counter), ecb.final()]);
    for (let i = 0; i < 16 && at + i < data.length; i++) out[at + i] = data[at + i]! ^ stream[i]!;
    for (let i = 15; i >= 0; i--) {
      counter[i] = (counter[i]! + 1) & 0xff;
      if (counter[i] !== 0) break;
    }
  }
  return out;
}

/** Real 16 kHz 60 ms uplink frames, as the firmware's encoder makes them (a tone, then speech-like noise). */
function uplinkFrames(count: number): Buffer[] {
  const encoder = new OpusEncoder(16000, 60);
  const frames: Buffer[] = [];
  for (let f = 0; f < count; f++) {
    const pcm = new Float32Array(encoder.frameSamples);
    for (let i = 0; i < pcm.length; i++)
      pcm[i] = 0.3 * Math.sin((2 * Math.PI * (220 + f * 7) * (f * pcm.length + i)) / 16000);
    frames.push(Buffer.from(encoder.encode(pcm)));
  }
  encoder.release();
  return frames;
}

const peer = { address: '192.0.2.7', port: 40000 };

describe('xiaozhi UDP packet', () => {
  it('lays out type, flags, payload_len, ssrc, timestamp and sequence big-endian, and encrypts with the header as CTR IV', () => {
    const key = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
    const nonce = sessionNonce(0xdeadbeef);
    expect(nonce.toString('hex')).toBe('01000000deadbeef0000000000000000');
    const payload = crypto.randomBytes(150); // more than one AES block, not a multiple of 16
    const packet = sealPacket(key, nonce, payload, 0x01020304, 0x0a0b0c0d);
    expect(packet.length).toBe(HEADER_BYTES + 150);
    expect(packet.subarray(0, 16).toString('hex')).toBe('01000096deadbeef010203040a0b0c0d');
    expect(packet.subarray(16).equals(ctrByHand(key, packet.subarray(0, 16), payload))).toBe(true);
    expect(readHeader(packet)).toEqual({
      type: 1,
      flags: 0,
      payloadLength: 150,
      ssrc: 0xdeadbeef,
      timestamp: 0x01020304,
      sequence: 0x0a0b0c0d,
    });
    expect(openPacket(key, packet).equals(payload)).toBe(true);
  });

  it('names what is wrong with datagrams that cannot be audio packets', () => {
    const packet = sealPacket(crypto.randomBytes(16), sessionNonce(7), Buffer.alloc(20, 1), 0, 1);
    expect(readHeader(packet.subarray(0, 15))).toBe('short');
    expect(readHeader(Buffer.concat([Buffer.from([2]), packet.subarray(1)]))).toBe('not-audio');
    expect(readHeader(packet.subarray(0, 30))).toBe('length-mismatch');
    expect(readHeader(Buffer.concat([packet, Buffer.alloc(1)]))).toBe('length-mismatch');
  });

  it('reads the duration of real 16 kHz 60 ms Opus frames', () => {
    for (const frame of uplinkFrames(20)) expect(opusPacketDurationMs(frame)).toBe(60);
  });
});

describe('UdpAudioSession', () => {
  const frames = uplinkFrames(8);

  function toySends(
    session: UdpAudioSession,
    frame: Buffer,
    sequence: number,
    key = session.key,
    nonce = session.nonce,
  ) {
    const packet = sealPacket(key, nonce, frame, sequence * 60, sequence);
    const header = readHeader(packet);
    if (typeof header === 'string') throw new Error(header);
    return session.accept(packet, header, peer);
  }

  it("accepts the toy's packets in order and gaps within the window, as the firmware does", () => {
    const session = new UdpAudioSession(1234, 60);
    const first = toySends(session, frames[0]!, 1);
    expect(first).toEqual({ opus: frames[0], timestamp: 60 });
    expect(toySends(session, frames[1]!, 2)).toMatchObject({ opus: frames[1] });
    expect(toySends(session, frames[2]!, 5)).toMatchObject({ opus: frames[2] }); // two lost on the way
    expect(session.peer).toEqual(peer);
  });

  it('drops replayed and out-of-window sequences, and a wrong nonce', () => {
    const session = new UdpAudioSession(99, 60);
    expect(toySends(session, frames[0]!, 1)).toMatchObject({ timestamp: 60 });
    expect(toySends(session, frames[1]!, 1)).toBe('replayed');
    expect(toySends(session, frames[1]!, 0)).toBe('replayed');
    expect(toySends(session, frames[1]!, 2 + SEQUENCE_WINDOW)).toBe('out-of-window');
    const otherFlags = Buffer.from(session.nonce);
    otherFlags[1] = 0x80;
    expect(toySends(session, frames[1]!, 2, session.key, otherFlags)).toBe('wrong-nonce');
    // The dropped packets did not move the window: the next real packet still gets in.
    expect(toySends(session, frames[1]!, 2)).toMatchObject({ opus: frames[1] });
  });

  it('drops packets sealed with another key (AES-CTR has no tag: the plaintext is not a 60 ms Opus frame)', () => {
    const all = uplinkFrames(200);
    let passed = 0;
    const fixedKey = (label: string) => crypto.createHash('sha256').update(label).digest().subarray(0, 16);
    for (let i = 0; i < all.length; i++) {
      // Fixed session and wrong keys (and fixed frames), so this count is the same on every run.
      const session = new UdpAudioSession(i + 1, 60, fixedKey(`session key ${i}`));
      const wrongKey = fixedKey(`wrong key ${i}`);
      if (typeof toySends(session, all[i]!, 1, wrongKey) !== 'string') passed++;
    }
    // The framing check is a heuristic: it lets a few per hundred through, never most of them.
    expect(passed).toBeLessThan(10);
    const session = new UdpAudioSession(5, 60, fixedKey('session key 0'));
    const wrongKey = fixedKey('wrong key 0');
    expect(toySends(session, all[0]!, 1, wrongKey)).toBe('wrong-key');
    expect(session.peer).toBeNull(); // a rejected packet does not pin the address
  });

  it("seals downlink packets with its own rising sequence, readable with the hello's key and nonce", () => {
    const session = new UdpAudioSession(0xabcdef01, 60);
    const hello = session.helloBlock('192.0.2.1', 8884);
    const key = Buffer.from(hello.key, 'hex');
    const a = session.seal(frames[0]!, 1000);
    const b = session.seal(frames[1]!, 1060);
    expect(readHeader(a)).toMatchObject({ ssrc: 0xabcdef01, timestamp: 1000, sequence: 1 });
    expect(readHeader(b)).toMatchObject({ timestamp: 1060, sequence: 2 });
    expect(a.subarray(0, 2).equals(Buffer.from(hello.nonce, 'hex').subarray(0, 2))).toBe(true);
    expect(openPacket(key, b).equals(frames[1]!)).toBe(true);
  });
});
