// A toy's volume (0..1 from its profile) scales the agent's voice on its way into the room, without
// touching the TTS engine's own buffers.
import { dispose, type AudioFrame } from '@livekit/rtc-node';
import { afterAll, describe, expect, it } from 'vitest';
import { RoomAudioOutput } from '../../../server/agent/room-audio-output.ts';

const sine = (n: number, rate: number, hz = 440) =>
  Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate));

/** Plays `pcm` at `volume` and returns the loudest sample sent to the track (PCM16 full scale = 1). */
async function peakSent(pcm: Float32Array, rate: number, volume: number | null): Promise<number> {
  const out = new RoomAudioOutput();
  let peak = 0;
  const capture = out.source.captureFrame.bind(out.source);
  out.source.captureFrame = (frame: AudioFrame) => {
    for (const s of frame.data) peak = Math.max(peak, Math.abs(s) / 32767);
    return capture(frame);
  };
  try {
    if (volume !== null) out.setVolume(volume);
    out.enqueue(pcm, rate);
    await out.whenIdle();
    return peak;
  } finally {
    await out.close();
  }
}

describe('toy volume', () => {
  afterAll(async () => {
    await dispose();
  });

  it('scales what is sent, clamps to 0..1 and leaves the caller’s samples alone', async () => {
    const pcm = sine(4800, 48000);
    const copy = Float32Array.from(pcm);
    const full = await peakSent(pcm, 48000, null);
    const half = await peakSent(pcm, 48000, 0.5);
    expect(full).toBeCloseTo(0.5, 2);
    expect(half).toBeCloseTo(0.25, 2);
    // Same rate in and out: the resampler hands back the caller's buffer, which must stay as it was.
    expect(pcm).toEqual(copy);
    expect(await peakSent(sine(1600, 16000), 16000, 0)).toBe(0);
    expect(await peakSent(pcm, 48000, 7)).toBeCloseTo(0.5, 2);
  });
});
