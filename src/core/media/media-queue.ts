// What every MediaPlayer shares, whatever its output: the item now playing and the queue behind it,
// the status (loading → playing ⇄ paused → idle), the listener's volume and the ducking reasons,
// the last error, and the state sent to listeners. The browser (Web Audio) and the toy agent (PCM
// frames into a room) subclass it and supply only the sound.
import type { MediaItem, MediaPlayer, PlayerStatus } from './types.ts';

export interface MediaPlayerState {
  status: PlayerStatus;
  current: MediaItem | null;
  volume: number;
  ducked: boolean;
  upNext: number;
  /** Last playback problem, for the mini player. */
  error: string | null;
}

type Listener = (state: MediaPlayerState) => void;

/** The listener's volume (0..1) and why the media is lowered right now ("speaking", "listening"). */
export class MediaLevel {
  volume = 0.8;
  private readonly reasons = new Set<string>();

  /** `duckTo`: volume multiplier while ducked. */
  constructor(readonly duckTo = 0.25) {}

  get ducked(): boolean {
    return this.reasons.size > 0;
  }

  /** The gain the output should play at: the volume, lowered while ducked. */
  get target(): number {
    return this.volume * (this.ducked ? this.duckTo : 1);
  }

  /** Ducks while `reason` holds; true when the ducked state changed. */
  duck(reason: string, on: boolean): boolean {
    const before = this.ducked;
    if (on) this.reasons.add(reason);
    else this.reasons.delete(reason);
    return before !== this.ducked;
  }

  setVolume(level: number): void {
    this.volume = Math.max(0, Math.min(1, level));
  }
}

/** One item at a time with a queue for next(); subclasses make the sound through the hooks below. */
export abstract class MediaQueue<Level extends MediaLevel = MediaLevel> implements MediaPlayer {
  status: PlayerStatus = 'idle';
  current: MediaItem | null = null;
  private upNext: MediaItem[] = [];
  private error: string | null = null;
  /** Aborted when the current item stops (stop, a new play, a failure). */
  private run: AbortController | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(protected readonly level: Level) {}

  /**
   * Starts `item`'s sound; resolves once it is under way (the queue then reports "playing") and
   * rejects when it cannot play. `signal` is aborted when the item is stopped; the output reports
   * the item's end with finished() or fail(), unless the signal is aborted by then.
   */
  protected abstract startOutput(item: MediaItem, signal: AbortSignal): Promise<void>;
  /** Silences the current item at once (a new item, stop, failure). */
  protected abstract haltOutput(): void;
  protected abstract pauseOutput(): void;
  protected abstract resumeOutput(): void;
  /** The volume or the ducking changed. */
  protected levelChanged(): void {}

  get volume(): number {
    return this.level.volume;
  }

  get state(): MediaPlayerState {
    return { status: this.status, current: this.current, volume: this.level.volume, ducked: this.level.ducked, upNext: this.upNext.length, error: this.error };
  }

  /** Calls `listener` on every change. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Like onChange, and calls `listener` with the state now. */
  subscribe(listener: Listener): () => void {
    const off = this.onChange(listener);
    listener(this.state);
    return off;
  }

  async play(item: MediaItem, options?: { upNext?: MediaItem[] }): Promise<void> {
    this.halt();
    this.upNext = [...(options?.upNext ?? [])];
    this.current = item;
    this.error = null;
    const run = new AbortController();
    this.run = run;
    this.setStatus('loading');
    try {
      await this.startOutput(item, run.signal);
    } catch (err) {
      if (run.signal.aborted) return;
      this.fail(err);
      throw err;
    }
    if (!run.signal.aborted && this.current === item) this.setStatus('playing');
  }

  stop(): void {
    this.halt();
    this.upNext = [];
    this.current = null;
    this.setStatus('idle');
  }

  pause(): boolean {
    if (this.status !== 'playing') return false;
    this.pauseOutput();
    this.setStatus('paused');
    return true;
  }

  resume(): boolean {
    if (this.status !== 'paused') return false;
    this.resumeOutput();
    this.setStatus('playing');
    return true;
  }

  async next(): Promise<MediaItem | null> {
    const following = this.upNext.shift();
    if (!following) {
      this.stop();
      return null;
    }
    await this.play(following, { upNext: this.upNext });
    return following;
  }

  setVolume(level: number): void {
    this.level.setVolume(level);
    this.levelChanged();
    this.emit();
  }

  /**
   * Lowers the media while `reason` holds ("speaking" while Hearth talks, "listening" while the
   * user talks), so voice commands like "stop" are heard over the music.
   */
  duck(reason: string, on: boolean): void {
    if (!this.level.duck(reason, on)) return;
    this.levelChanged();
    this.emit();
  }

  dispose(): void {
    this.stop();
    this.listeners.clear();
  }

  /** The current item played to its end. */
  protected finished(): void {
    this.run = null;
    this.current = null;
    this.setStatus('idle');
  }

  /** The current item could not play on: silence, keep the message, go idle. */
  protected fail(err: unknown): void {
    this.halt();
    this.error = err instanceof Error ? err.message : String(err);
    this.current = null;
    this.setStatus('idle');
  }

  /** Stops the current item's sound without touching the queue. */
  private halt(): void {
    this.run?.abort();
    this.run = null;
    this.haltOutput();
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
