// The core MediaPlayer for a toy: plays library items into the room's media track in real time
// (the sink's back-pressure paces it), audio files decoded in Node and text stories read aloud with
// the agent's voice. The queue, status and ducking state are the core's MediaQueue; volume and
// ducking are applied to each frame by MediaGain.
import type { TextToSpeech } from '../../../src/core/engines.ts';
import { MediaQueue, type MediaPlayerState } from '../../../src/core/media/media-queue.ts';
import type { MediaItem } from '../../../src/core/media/types.ts';
import type { AgentMediaLibrary } from './media-library.ts';
import { MediaGain, type MediaGainOptions } from './media-gain.ts';
import { readAloudChunks, toFrames } from './media-frames.ts';

/** Where frames go: the room track (or anything that takes fixed frames in real time). */
export interface MediaSink {
  readonly sampleRate: number;
  readonly frameSamples: number;
  /** Resolves when the frame is queued; waits while the queue is full (this is the pacing). */
  captureFrame(frame: Float32Array): Promise<void>;
  /** Drops whatever is queued and not yet played. */
  clear(): void;
}

export type RoomMediaPlayerState = MediaPlayerState;

export interface RoomMediaPlayerOptions extends MediaGainOptions {
  library: AgentMediaLibrary;
  sink: MediaSink;
  /** The voice that reads text stories (the agent's TTS). */
  voice: TextToSpeech;
  /** The persona's voice and rate for text stories. */
  voiceOptions?: () => { voice?: string; rate?: number };
}

export class RoomMediaPlayer extends MediaQueue<MediaGain> {
  private wake: (() => void) | null = null;
  /** Frames sent to the sink since creation (for stats and tests). */
  framesPlayed = 0;

  constructor(private readonly options: RoomMediaPlayerOptions) {
    super(new MediaGain(options));
  }

  /** The toy's output level (its profile's volume), on top of the listener's volume; not reported as the volume. */
  setOutputLevel(level: number): void {
    this.level.setOutputLevel(level);
  }

  protected async startOutput(item: MediaItem, signal: AbortSignal): Promise<void> {
    const opened = await this.options.library.open(item);
    if (signal.aborted) {
      if (opened.format === 'audio') await opened.audio.return(); // closes the file and frees its decoder
      return;
    }
    const { sampleRate, frameSamples } = this.options.sink;
    const chunks =
      opened.format === 'audio'
        ? opened.audio
        : readAloudChunks(opened.sentences, this.options.voice, { signal, ...(this.options.voiceOptions?.() ?? {}) });
    const frames = toFrames(chunks, sampleRate, frameSamples);
    this.level.settle();
    void this.pump(frames, signal);
  }

  protected haltOutput(): void {
    this.wakeUp();
    this.options.sink.clear();
  }

  protected pauseOutput(): void {
    // What is queued in the track would play on for up to its length: pausing is instant instead.
    this.options.sink.clear();
  }

  protected resumeOutput(): void {
    this.wakeUp();
  }

  private async pump(frames: AsyncGenerator<Float32Array>, signal: AbortSignal): Promise<void> {
    try {
      for await (const frame of frames) {
        while (this.status === 'paused' && !signal.aborted) await new Promise<void>((resolve) => (this.wake = resolve));
        if (signal.aborted) break;
        await this.options.sink.captureFrame(this.level.apply(frame));
        this.framesPlayed++;
      }
      if (!signal.aborted) this.finished();
    } catch (err) {
      if (!signal.aborted) this.fail(err);
    } finally {
      await frames.return(undefined).catch(() => undefined);
    }
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
