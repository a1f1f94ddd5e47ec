// Everything a xiaozhi toy hears comes down one Opus stream at the rate the server's hello announced
// (24 kHz, 60 ms frames). Two inputs feed it: the agent's voice (an AudioOutput for the VoiceSession)
// and songs and stories (a MediaSink for the media player). Each 60 ms frame is the two mixed, sent
// in real time a few frames ahead of the toy's playout, so a barge-in flush drops at most that lead.
// Every frame sent is also handed to `onFrameSent` (the echo canceller's reference).
import type { AudioOutput } from '../../../src/core/engines.ts';
import { StreamResampler } from '../../agent/resampler.ts';
import type { MediaSink } from '../../agent/media/room-media-player.ts';
import { DOWNLINK_RATE, FRAME_MS, frameSamples, OpusEncoder } from './opus-codec.ts';

export interface DownlinkOptions {
  /** One Opus packet and its stream timestamp (ms, starting above 0 as the firmware's AEC expects). */
  send(packet: Uint8Array, timestampMs: number): void;
  /** The first frame after silence is about to go out (the toy must be told `tts start` first). */
  onActive?(): void;
  /** Nothing is queued and everything sent has played out at the toy. */
  onIdle?(): void;
  /** A frame went out: its timestamp and the PCM it carried (DOWNLINK rate). */
  onFrameSent?(timestampMs: number, pcm: Float32Array): void;
  /** Frames kept ahead of real time (the toy's jitter buffer fills from these). */
  leadFrames?: number;
  now?: () => number;
}

const TICK_MS = 20;

export class XiaozhiDownlink {
  readonly sampleRate = DOWNLINK_RATE;
  readonly frameSamples = frameSamples(DOWNLINK_RATE);
  readonly voice: DownlinkVoice;
  readonly media: DownlinkMedia;
  private readonly encoder = new OpusEncoder(DOWNLINK_RATE, FRAME_MS);
  readonly now: () => number;
  private readonly leadMs: number;
  private timer: NodeJS.Timeout | null = null;
  /** Real time at which the stream (re)started, and how much audio has been sent since. */
  private startedAt = 0;
  private sentMs = 0;
  private nextTimestamp = FRAME_MS;
  private active = false;
  private closed = false;
  /** Frames sent since creation (stats, tests). */
  framesSent = 0;

  constructor(private readonly opts: DownlinkOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.leadMs = (opts.leadFrames ?? 3) * FRAME_MS;
    this.voice = new DownlinkVoice(this);
    this.media = new DownlinkMedia(this);
  }

  /** Whether audio is queued or still playing at the toy. */
  get isActive(): boolean {
    return this.active;
  }

  /** Real time until everything sent so far has played at the toy (0 when nothing is pending). */
  playoutRemainingMs(): number {
    if (!this.active) return 0;
    return Math.max(0, this.sentMs - (this.now() - this.startedAt));
  }

  /** Something was queued: start pacing if idle. */
  wake(): void {
    if (this.closed || this.timer) return;
    if (!this.active) {
      this.active = true;
      this.startedAt = this.now();
      this.sentMs = 0;
      this.opts.onActive?.();
    }
    this.tick();
    if (!this.closed) this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  close(): void {
    this.closed = true;
    this.stopTimer();
    this.voice.drop();
    this.media.clear();
    this.encoder.release();
  }

  private tick(): void {
    if (this.closed) return;
    const elapsed = this.now() - this.startedAt;
    // The toy ran out of audio (TTS was slower than real time): its playout restarts from now.
    if (this.sentMs < elapsed) this.sentMs = elapsed;
    while (this.sentMs - elapsed < this.leadMs) {
      const voice = this.voice.take();
      const media = this.media.take();
      if (!voice && !media) break;
      const frame = mix(voice, media, this.frameSamples);
      const timestamp = this.nextTimestamp;
      this.nextTimestamp += FRAME_MS;
      this.sentMs += FRAME_MS;
      this.framesSent++;
      this.opts.send(this.encoder.encode(frame), timestamp);
      this.opts.onFrameSent?.(timestamp, frame);
      if (voice) this.voice.playsUntil = this.startedAt + this.sentMs;
    }
    this.voice.checkIdle();
    if (!this.voice.hasFrames() && !this.media.hasFrames() && this.sentMs <= this.now() - this.startedAt) {
      this.stopTimer();
      if (this.active) {
        this.active = false;
        this.opts.onIdle?.();
      }
    }
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

function mix(a: Float32Array | null, b: Float32Array | null, length: number): Float32Array {
  if (a && !b) return a;
  if (b && !a) return b;
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.max(-1, Math.min(1, (a?.[i] ?? 0) + (b?.[i] ?? 0)));
  return out;
}

/** The agent's voice into the downlink: the VoiceSession's AudioOutput. */
class DownlinkVoice implements AudioOutput {
  private readonly frames: Float32Array[] = [];
  private pending = new Float32Array(0);
  private resampler: StreamResampler | null = null;
  private gain = 1;
  private idleWaiters: (() => void)[] = [];
  /** Real time at which the last voice frame sent has played at the toy. */
  playsUntil = 0;

  constructor(private readonly link: XiaozhiDownlink) {}

  setVolume(volume: number): void {
    this.gain = Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1;
  }

  enqueue(pcm: Float32Array, sampleRate: number): void {
    if (pcm.length === 0) return;
    if (!this.resampler || this.resampler.fromRate !== sampleRate)
      this.resampler = new StreamResampler(sampleRate, this.link.sampleRate);
    const resampled = this.resampler.push(pcm);
    const joined = new Float32Array(this.pending.length + resampled.length);
    joined.set(this.pending);
    joined.set(resampled, this.pending.length);
    const size = this.link.frameSamples;
    let offset = 0;
    for (; joined.length - offset >= size; offset += size)
      this.frames.push(scaled(joined.subarray(offset, offset + size), this.gain));
    this.pending = joined.slice(offset);
    this.link.wake();
  }

  flush(): void {
    this.drop();
    this.resolveIdle();
  }

  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.link.wake();
    });
  }

  hasFrames(): boolean {
    return this.frames.length > 0 || this.pending.length > 0;
  }

  /** The next frame, the reply's last partial one padded with silence. */
  take(): Float32Array | null {
    const frame = this.frames.shift();
    if (frame) return frame;
    if (this.pending.length === 0) return null;
    const padded = new Float32Array(this.link.frameSamples);
    padded.set(scaled(this.pending, this.gain));
    this.pending = new Float32Array(0);
    return padded;
  }

  drop(): void {
    this.frames.length = 0;
    this.pending = new Float32Array(0);
    this.resampler?.reset();
  }

  checkIdle(): void {
    if (this.idleWaiters.length > 0 && this.isIdle()) this.resolveIdle();
  }

  /** Nothing of the voice is queued and what was sent has played (songs and stories may go on). */
  private isIdle(): boolean {
    return !this.hasFrames() && this.link.now() >= this.playsUntil;
  }

  private resolveIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}

function scaled(frame: Float32Array, gain: number): Float32Array {
  return gain === 1 ? frame.slice() : frame.map((v) => v * gain);
}

/** Songs and stories into the downlink: the media player's sink, paced by the downlink's clock. */
class DownlinkMedia implements MediaSink {
  readonly sampleRate: number;
  readonly frameSamples: number;
  private readonly frames: Float32Array[] = [];
  private space: (() => void)[] = [];
  private closed = false;

  constructor(private readonly link: XiaozhiDownlink) {
    this.sampleRate = link.sampleRate;
    this.frameSamples = link.frameSamples;
  }

  async captureFrame(frame: Float32Array): Promise<void> {
    if (this.closed) return;
    this.frames.push(frame);
    this.link.wake();
    // Two frames queued here is enough: the downlink's own lead covers jitter, and stop stays quick.
    while (this.frames.length > 2 && !this.closed) await new Promise<void>((resolve) => this.space.push(resolve));
  }

  clear(): void {
    this.frames.length = 0;
    this.release();
  }

  hasFrames(): boolean {
    return this.frames.length > 0;
  }

  take(): Float32Array | null {
    const frame = this.frames.shift() ?? null;
    if (frame) this.release();
    return frame;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.clear();
  }

  private release(): void {
    const waiters = this.space;
    this.space = [];
    for (const w of waiters) w();
  }
}
