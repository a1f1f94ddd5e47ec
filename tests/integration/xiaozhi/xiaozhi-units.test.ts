// The xiaozhi pieces on their own: the firmware's binary frames (v1/v2/v3), the Opus codec, pending
// activations (expiry, single use, per-address limit), the per-address connection limiter, and the
// toy's MCP volume tool against the simulated firmware's MCP server.
import { describe, expect, it } from 'vitest';
import {
  BinaryFrameError,
  decodeAudioFrame,
  encodeAudioFrame,
  parseProtocolVersion,
} from '../../../server/toys/xiaozhi/binary-protocol.ts';
import { OpusDecodeError, OpusDecoder, OpusEncoder } from '../../../server/toys/xiaozhi/opus-codec.ts';
import { ActivationRateLimitError, PendingActivations } from '../../../server/toys/xiaozhi/pending-activations.ts';
import { AddressLimiter } from '../../../server/toys/xiaozhi/address-limiter.ts';
import { DeviceMcp } from '../../../server/toys/xiaozhi/device-mcp.ts';
import { helloProblem } from '../../../server/toys/xiaozhi/xiaozhi-session.ts';
import { XiaozhiToy, type XiaozhiLink } from '../../../server/toys/simulator/xiaozhi-toy.ts';
import { rmsOf } from '../../../server/agent/resampler.ts';

describe('binary protocol', () => {
  const payload = Uint8Array.from([1, 2, 3, 4, 5]);

  it('round-trips v1, v2 (with its timestamp) and v3 frames, big-endian as the firmware writes them', () => {
    expect(decodeAudioFrame(1, encodeAudioFrame(1, payload, 0))).toEqual({ payload, timestampMs: 0 });
    const v2 = encodeAudioFrame(2, payload, 123456);
    expect([...v2.subarray(0, 16)]).toEqual([0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0xe2, 0x40, 0, 0, 0, 5]);
    expect(decodeAudioFrame(2, v2)).toEqual({ payload, timestampMs: 123456 });
    const v3 = encodeAudioFrame(3, payload, 99);
    expect([...v3.subarray(0, 4)]).toEqual([0, 0, 0, 5]);
    expect(decodeAudioFrame(3, v3)).toEqual({ payload, timestampMs: 0 });
  });

  it('rejects short, lying, non-audio, empty and oversized frames', () => {
    expect(() => decodeAudioFrame(2, Uint8Array.from([0, 2, 0]))).toThrow(BinaryFrameError);
    const lying = encodeAudioFrame(2, payload, 1);
    lying[15] = 9;
    expect(() => decodeAudioFrame(2, lying)).toThrow(/header says 9/);
    const json = encodeAudioFrame(3, payload, 0);
    json[0] = 1;
    expect(() => decodeAudioFrame(3, json)).toThrow(/not Opus/);
    expect(() => decodeAudioFrame(1, new Uint8Array(0))).toThrow(BinaryFrameError);
    expect(() => decodeAudioFrame(1, new Uint8Array(5000))).toThrow(/larger than any Opus packet/);
    expect(parseProtocolVersion('2')).toBe(2);
    expect(parseProtocolVersion('4')).toBeNull();
  });
});

describe('Opus codec', () => {
  it('encodes 60 ms frames that decode to the same loudness, and refuses garbage', () => {
    const encoder = new OpusEncoder(24000);
    const decoder = new OpusDecoder(24000);
    const tone = new Float32Array(encoder.frameSamples).map((_, i) => 0.3 * Math.sin((2 * Math.PI * 440 * i) / 24000));
    let out: Float32Array = new Float32Array(0);
    for (let i = 0; i < 5; i++) out = decoder.decode(encoder.encode(tone));
    expect(out.length).toBe(1440);
    expect(rmsOf(out)).toBeGreaterThan(0.15);
    expect(() => decoder.decode(Uint8Array.from([0x03, 0x00, 0x11]))).toThrow(OpusDecodeError);
    encoder.release();
    decoder.release();
  });
});

describe('pending activations', () => {
  const toy = (mac: string, address = '10.0.0.2') => ({
    mac,
    clientId: 'c',
    board: 'b',
    firmwareVersion: '1.0',
    address,
  });

  it('keeps one code per toy while it lives, then expires it (410 material), and a code is single-use', () => {
    let now = 0;
    const pending = new PendingActivations({ lifetimeMs: 1000, now: () => now });
    const a = pending.checkIn(toy('aa:aa:aa:aa:aa:aa'));
    expect(pending.checkIn(toy('aa:aa:aa:aa:aa:aa')).code).toBe(a.code);
    expect(pending.lookup(a.code)).toMatchObject({ status: 'pending' });
    now = 1001;
    expect(pending.lookup(a.code)).toEqual({ status: 'expired' });
    const b = pending.checkIn(toy('aa:aa:aa:aa:aa:aa'));
    const found = pending.lookup(b.code);
    expect(found.status).toBe('pending');
    if (found.status === 'pending') pending.consume(found.activation);
    expect(pending.lookup(b.code)).toEqual({ status: 'expired' });
    expect(pending.lookup('123456').status).toBe(b.code === '123456' ? 'expired' : 'unknown');
  });

  it('limits new activations per address', () => {
    const pending = new PendingActivations({ perAddressLimit: 2 });
    pending.checkIn(toy('aa:aa:aa:aa:aa:01'));
    pending.checkIn(toy('aa:aa:aa:aa:aa:02'));
    expect(() => pending.checkIn(toy('aa:aa:aa:aa:aa:03'))).toThrow(ActivationRateLimitError);
    expect(pending.checkIn(toy('aa:aa:aa:aa:aa:04', '10.0.0.3')).code).toMatch(/^\d{6}$/);
  });
});

describe('address limiter', () => {
  it('caps open connections and new ones per window, and says so once per window', () => {
    let now = 0;
    const limiter = new AddressLimiter({ maxOpen: 2, maxPerWindow: 3, windowMs: 1000, now: () => now });
    const a = limiter.admit('1.1.1.1');
    const b = limiter.admit('1.1.1.1');
    const c = limiter.admit('1.1.1.1');
    expect([a.ok, b.ok, c.ok]).toEqual([true, true, false]);
    expect(!c.ok && c.firstRefusal).toBe(true);
    const d = limiter.admit('1.1.1.1');
    expect(!d.ok && d.firstRefusal).toBe(false);
    if (a.ok) a.release();
    expect(limiter.admit('1.1.1.1').ok).toBe(true);
    expect(limiter.admit('1.1.1.1').ok).toBe(false);
    expect(limiter.admit('2.2.2.2').ok).toBe(true);
    now = 1500;
    if (b.ok) b.release();
  });
});

describe('hello checks', () => {
  it('accepts the firmware hello and names what is wrong with others', () => {
    const hello = {
      type: 'hello',
      version: 1,
      transport: 'websocket',
      audio_params: { format: 'opus', sample_rate: 16000, channels: 1, frame_duration: 60 },
    };
    expect(helloProblem(hello, 'websocket')).toBeNull();
    expect(helloProblem({ ...hello, transport: 'udp' }, 'websocket')).toMatch(/transport "udp"/);
    expect(helloProblem({ ...hello, audio_params: { sample_rate: 44100 } }, 'websocket')).toMatch(/sample_rate 44100/);
    expect(helloProblem({ type: 'listen' }, 'websocket')).toMatch(/must be a hello/);
  });
});

describe("the toy's MCP volume tool", () => {
  it('lists the firmware tools and sets the speaker volume through tools/call', async () => {
    // The simulated firmware's MCP server on one side of an in-memory link, Hearth's client on the other.
    let toyJson: ((m: Record<string, unknown>) => void) | null = null;
    let mcp: DeviceMcp | null = null;
    const link: XiaozhiLink = {
      transport: 'websocket',
      sendJson: (m) => mcp?.receive(m.payload),
      sendOpus: () => undefined,
      onJson: (l) => (toyJson = l),
      onOpus: () => undefined,
      onClose: () => undefined,
      close: () => undefined,
    };
    const toy = new XiaozhiToy(link, { mcp: true });
    mcp = new DeviceMcp((payload) => queueMicrotask(() => toyJson?.({ type: 'mcp', payload })));
    const tools = await mcp.start('test');
    expect(tools.map((t) => t.name)).toContain('self.audio_speaker.set_volume');
    const tool = mcp.volumeTool();
    expect(tool?.name).toBe('toy_speaker_volume');
    const result = await tool!.execute(
      { volume: 140 },
      { signal: new AbortController().signal, now: new Date(), services: {} },
    );
    expect(result.isError).toBeUndefined();
    expect(toy.speakerVolume).toBe(100);
    mcp.close();
  });
});
