// The core MediaPlayer for a toy: plays library items into the room's media track in real time
// (the sink's back-pressure paces it), audio files decoded in Node and text stories read aloud with
// the agent's voice. One item at a time with a queue for "next"; volume and ducking via MediaGain.
import type { TextToSpeech } from '../../../src/core/engines.ts';
import type { MediaItem, MediaPlayer, PlayerStatus } from '../../../src/core/media/types.ts';
import type { AgentMediaLibrary } from './media-library.ts';
import { MediaGain, type MediaGainOptions } from './media-gain.ts';
import { decodedChunks, readAloudChunks, toFrames } from './media-frames.ts';

/** Where frames go: the room track (or anything that takes fixed frames in real time). */
export interface MediaSink {
  readonly sampleRate: number;
  readonly frameSamples: number;
  /** Resolves when the frame is queued; waits while the queue is full (this is the pacing). */
  captureFrame(frame: Float32Array): Promise<void>;
  /** Drops whatever is queued and not yet played. */
  clear(): void;
}

export interface RoomMediaPlayerState {
  status: PlayerStatus;
  current: MediaItem | null;
  volume: number;
  ducked: boolean;
  upNext: number;
  error: string | null;
}

export interface RoomMediaPlayerOptions extends MediaGainOptions {
  library: AgentMediaLibrary;
  sink: MediaSink;
  /** The voice that reads text stories (the agent's TTS). */
  voice: TextToSpeech;
  /** The persona's voice and rate for text stories. */
  voiceOptions?: () => { voice?: string; rate?: number };
}

type Listener = (state: RoomMediaPlayerState) => void;

export class RoomMediaPlayer implements MediaPlayer {
  status: PlayerStatus = 'idle';
  current: MediaItem | null = null;
  private queue: MediaItem[] = [];
  private error: string | null = null;
  private readonly gain: MediaGain;
  private run: AbortController | null = null;
  private wake: (() => void) | null = null;
  private readonly listeners = new Set<Listener>();
  /** Frames sent to the sink since creation (for stats and tests). */
  framesPlayed = 0;

  constructor(private readonly options: RoomMediaPlayerOptions) {
    this.gain = new MediaGain(options);
  }

  get volume(): number {
    return this.gain.volume;
  }

  get state(): RoomMediaPlayerState {
    return { status: this.status, current: this.current, volume: this.gain.volume, ducked: this.gain.ducked, upNext: this.queue.length, error: this.error };
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async play(item: MediaItem, options?: { upNext?: MediaItem[] }): Promise<void> {
    this.halt();
    this.queue = [...(options?.upNext ?? [])];
    this.current = item;
    this.error = null;
    const run = new AbortController();
    this.run = run;
    this.setStatus('loading');
    let frames: AsyncGenerator<Float32Array>;
    try {
      const opened = await this.options.library.open(item);
      if (run.signal.aborted) return;
      const { sampleRate, frameSamples } = this.options.sink;
      const chunks =
        opened.format === 'audio'
          ? decodedChunks(opened.audio)
          : readAloudChunks(opened.sentences, this.options.voice, { signal: run.signal, ...(this.options.voiceOptions?.() ?? {}) });
      frames = toFrames(chunks, sampleRate, frameSamples);
    } catch (err) {
      if (run.signal.aborted) return;
      this.fail(err);
      throw err;
    }
    this.gain.settle();
    this.setStatus('playing');
    void this.pump(frames, run.signal);
  }

  stop(): void {
    this.halt();
    this.queue = [];
    this.current = null;
    this.setStatus('idle');
  }

  pause(): boolean {
    if (this.status !== 'playing') return false;
    // What is queued in the track would play on for up to its length: pausing is instant instead.
    this.options.sink.clear();
    this.setStatus('paused');
    return true;
  }

  resume(): boolean {
    if (this.status !== 'paused') return false;
    this.setStatus('playing');
    this.wakeUp();
    return true;
  }

  async next(): Promise<MediaItem | null> {
    const following = this.queue.shift();
    if (!following) {
      this.stop();
      return null;
    }
    await this.play(following, { upNext: this.queue });
    return following;
  }

  setVolume(level: number): void {
    this.gain.setVolume(level);
    this.emit();
  }

  /** The toy's output level (its profile's volume), on top of the listener's volume; not reported as the volume. */
  setOutputLevel(level: number): void {
    this.gain.setOutputLevel(level);
  }

  /** Lowers the media while `reason` holds ("listening" while the child talks, "speaking" while Hearth does). */
  duck(reason: string, on: boolean): void {
    if (this.gain.duck(reason, on)) this.emit();
  }

  dispose(): void {
    this.stop();
    this.listeners.clear();
  }

  private async pump(frames: AsyncGenerator<Float32Array>, signal: AbortSignal): Promise<void> {
    try {
      for await (const frame of frames) {
        while (this.status === 'paused' && !signal.aborted) await new Promise<void>((resolve) => (this.wake = resolve));
        if (signal.aborted) break;
        await this.options.sink.captureFrame(this.gain.apply(frame));
        this.framesPlayed++;
      }
      if (!signal.aborted) this.finished();
    } catch (err) {
      if (!signal.aborted) this.fail(err);
    } finally {
      await frames.return(undefined).catch(() => undefined);
    }
  }

  private finished(): void {
    this.run = null;
    this.current = null;
    this.setStatus('idle');
  }

  /** Stops the current item's sound without touching the queue. */
  private halt(): void {
    this.run?.abort();
    this.run = null;
    this.wakeUp();
    this.options.sink.clear();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private fail(err: unknown): void {
    this.halt();
    this.error = err instanceof Error ? err.message : String(err);
    this.current = null;
    this.setStatus('idle');
  }

  private setStatus(status: PlayerStatus): void {
    this.status = status;
    this.emit();
  }

  private emit(): void {
    const state = this.state;
    for (const listener of [...this.listeners]) listener(state);
  }
}
