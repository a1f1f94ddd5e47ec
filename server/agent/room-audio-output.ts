// The agent's voice in the room: an AudioOutput (src/core) that resamples TTS PCM to the track's
// rate, cuts it into 20 ms frames and feeds an rtc-node AudioSource. flush() drops every queued frame
// at once (ours and the source's native queue) for barge-in; whenIdle() resolves when all played.
import { AudioFrame, AudioSource } from '@livekit/rtc-node';
import type { AudioOutput } from '../../src/core/engines.ts';
import { floatToInt16, StreamResampler } from './resampler.ts';

export const TRACK_SAMPLE_RATE = 48000;
const FRAME_MS = 20;

export class RoomAudioOutput implements AudioOutput {
  readonly source: AudioSource;
  private readonly frameSamples: number;
  private readonly frames: Int16Array[] = [];
  private pending = new Float32Array(0);
  private resampler: StreamResampler | null = null;
  private pumping = false;
  private closed = false;
  private generation = 0;
  private idleWaiters: (() => void)[] = [];
  /** Reply samples sent to the track (for stats). */
  sentSamples = 0;
  /** Output gain 0..1 (the toy's volume from its profile); applies to audio enqueued from now on. */
  private gain = 1;

  constructor(readonly sampleRate = TRACK_SAMPLE_RATE) {
    // A small native queue: captureFrame applies back-pressure, so flush() has little to drop.
    this.source = new AudioSource(sampleRate, 1, 200);
    this.frameSamples = (sampleRate * FRAME_MS) / 1000;
  }

  get volume(): number {
    return this.gain;
  }

  setVolume(volume: number): void {
    this.gain = Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1;
  }

  enqueue(pcm: Float32Array, sampleRate: number): void {
    if (this.closed || pcm.length === 0) return;
    if (!this.resampler || this.resampler.fromRate !== sampleRate)
      this.resampler = new StreamResampler(sampleRate, this.sampleRate);
    // A copy when scaling: at equal rates the resampler hands back the caller's own buffer.
    const gain = this.gain;
    const resampled = gain === 1 ? this.resampler.push(pcm) : this.resampler.push(pcm).map((v) => v * gain);
    const joined = new Float32Array(this.pending.length + resampled.length);
    joined.set(this.pending);
    joined.set(resampled, this.pending.length);
    let offset = 0;
    while (joined.length - offset >= this.frameSamples) {
      this.frames.push(floatToInt16(joined.subarray(offset, offset + this.frameSamples)));
      offset += this.frameSamples;
    }
    this.pending = joined.slice(offset);
    void this.pump();
  }

  flush(): void {
    this.generation++;
    this.frames.length = 0;
    this.pending = new Float32Array(0);
    this.resampler?.reset();
    if (!this.closed) this.source.clearQueue();
    this.resolveIdle();
  }

  whenIdle(): Promise<void> {
    // Everything enqueued so far is to play: the tail shorter than a frame too, padded with silence.
    // Only here, at a reply's end: padding whenever the queue ran dry would put up to 20 ms of
    // silence (and a click) between two chunks of one reply when synthesis is slower than playback.
    if (this.pending.length > 0 && !this.closed) {
      const padded = new Float32Array(this.frameSamples);
      padded.set(this.pending);
      this.pending = new Float32Array(0);
      this.frames.push(floatToInt16(padded));
      void this.pump();
    }
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.flush();
    this.closed = true;
    await this.source.close().catch(() => undefined);
  }

  private isIdle(): boolean {
    return !this.pumping && this.frames.length === 0;
  }

  private resolveIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    const generation = this.generation;
    try {
      // A tail shorter than a frame waits for the next chunk, or for whenIdle() at the reply's end.
      for (;;) {
        if (this.closed || generation !== this.generation) return;
        const frame = this.frames.shift();
        if (!frame) break;
        await this.source.captureFrame(new AudioFrame(frame, this.sampleRate, 1, frame.length));
        this.sentSamples += frame.length;
      }
      if (generation === this.generation && !this.closed) await this.source.waitForPlayout();
    } catch {
      // A closed source rejects captureFrame: nothing more will play.
    } finally {
      this.pumping = false;
      if (this.frames.length > 0 && !this.closed) void this.pump();
      else this.resolveIdle();
    }
  }
}
