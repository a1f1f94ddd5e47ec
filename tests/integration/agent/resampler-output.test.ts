// The agent's audio plumbing: the streaming resampler (the core's sinc one under the agent's name;
// chunked = one pass, right lengths once flushed) and
// RoomAudioOutput (frames to an rtc-node AudioSource, whenIdle, flush drops the queue at once).
import { afterAll, describe, expect, it } from 'vitest';
import { dispose } from '@livekit/rtc-node';
import { StreamResampler } from '../../../server/agent/resampler.ts';
import { RoomAudioOutput } from '../../../server/agent/room-audio-output.ts';

const sine = (n: number, rate: number, hz = 440) =>
  Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate));

describe('StreamResampler', () => {
  it('48 kHz → 16 kHz in 10 ms chunks matches one pass and keeps the length ratio', () => {
    const input = sine(48000, 48000);
    const one = new StreamResampler(48000, 16000);
    const whole = Float32Array.from([...one.push(input), ...one.flush()]);
    const chunked = new StreamResampler(48000, 16000);
    const parts: number[] = [];
    for (let i = 0; i < input.length; i += 480) parts.push(...chunked.push(input.subarray(i, i + 480)));
    parts.push(...chunked.flush());
    expect(Math.abs(whole.length - 16000)).toBeLessThanOrEqual(1);
    expect(parts.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) expect(parts[i]).toBeCloseTo(whole[i] ?? 0, 5);
  });

  it("the toy microphone's 48 kHz → 16 kHz path filters instead of aliasing (a 12 kHz tone does not fold to 4 kHz)", () => {
    // What agent-session does with each 10 ms frame of the toy's track before the VAD.
    const r = new StreamResampler(48000, 16000);
    const input = sine(48000, 48000, 12_000);
    const out: number[] = [];
    for (let i = 0; i < input.length; i += 480) out.push(...r.push(input.subarray(i, i + 480)));
    const steady = out.slice(200, out.length - 200);
    const rms = Math.sqrt(steady.reduce((sum, v) => sum + v * v, 0) / steady.length);
    // A linear resampler folds it to a 4 kHz tone at RMS ≈ 0.35 (the tone's own level).
    expect(rms).toBeLessThan(0.01);
  });

  it('22.05 kHz → 48 kHz upsamples in odd chunks without gaps', () => {
    const input = sine(22050, 22050, 200);
    const r = new StreamResampler(22050, 48000);
    const out: number[] = [];
    for (let i = 0; i < input.length; i += 1234) out.push(...r.push(input.subarray(i, i + 1234)));
    out.push(...r.flush());
    expect(Math.abs(out.length - 48000)).toBeLessThanOrEqual(2);
    // A smooth 200 Hz sine: neighbouring samples never jump.
    for (let i = 1; i < out.length; i++) expect(Math.abs((out[i] ?? 0) - (out[i - 1] ?? 0))).toBeLessThan(0.02);
  });
});

describe('RoomAudioOutput', () => {
  afterAll(async () => {
    await dispose();
  });

  it('plays two chunks of one reply that do not fill whole frames without silence between them, even when the queue ran dry', async () => {
    const out = new RoomAudioOutput();
    try {
      // 1.5 frames at the track's rate: one frame goes out, half a frame waits.
      out.enqueue(sine(1440, 48000), 48000);
      while (out.sentSamples < 960) await new Promise((r) => setImmediate(r));
      // The queue has run dry and played out: synthesis is slower than playback here.
      await out.source.waitForPlayout();
      out.enqueue(sine(1440, 48000), 48000);
      await out.whenIdle();
      // Three whole frames: the first chunk's half frame joined the second's (no padding between).
      expect(out.sentSamples).toBe(2880);
      // A reply's own tail is still played, padded to a frame, once the reply waits for idle.
      out.enqueue(sine(480, 48000), 48000);
      await out.whenIdle();
      expect(out.sentSamples).toBe(2880 + 960);
    } finally {
      await out.close();
    }
  });

  it('plays enqueued PCM in real time, and flush() ends playback at once', async () => {
    const out = new RoomAudioOutput();
    try {
      const start = Date.now();
      out.enqueue(sine(16000 * 0.3, 16000), 16000);
      await out.whenIdle();
      const played = Date.now() - start;
      expect(out.sentSamples).toBe(48000 * 0.3);
      expect(played).toBeGreaterThan(150);

      out.enqueue(sine(16000 * 5, 16000), 16000);
      // Flush once the long reply has started to go out (counted frames, not a clock).
      while (out.sentSamples < 48000 * 0.3 + 2 * 960) await new Promise((r) => setImmediate(r));
      const sentAtFlush = out.sentSamples;
      out.flush();
      // A 20 ms marker: the pump is serial, so once it has played, whatever the flushed reply still had
      // in flight has finished too. At most that one frame and the marker go out after the flush.
      out.enqueue(sine(320, 16000), 16000);
      await out.whenIdle();
      expect(out.sentSamples - sentAtFlush).toBeLessThanOrEqual(2 * 960);
      // Most of the 5 s that were queued were never sent.
      expect(out.sentSamples).toBeLessThan(48000 * (0.3 + 1));
    } finally {
      await out.close();
    }
  });
});
