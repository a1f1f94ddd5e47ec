// The media track's level: the listener's volume times a duck factor while anyone talks (the child,
// so "stop" is heard over the music, or Hearth itself). Applied per frame with a short glide so
// ducking never clicks.
import { MediaLevel } from '../../../src/core/media/media-queue.ts';

export interface MediaGainOptions {
  /** Volume multiplier while ducked. */
  duckTo?: number;
  /** Fraction of the remaining distance to the target covered per frame (20 ms): 0.5 ≈ 30 ms time constant. */
  glidePerFrame?: number;
}

export class MediaGain extends MediaLevel {
  /** The toy's own output level (its profile's volume), applied to the media as to the agent's voice. */
  private output = 1;
  private applied: number;
  private readonly glide: number;

  constructor(options: MediaGainOptions = {}) {
    super(options.duckTo);
    this.glide = options.glidePerFrame ?? 0.5;
    this.applied = this.target;
  }

  override get target(): number {
    return this.volume * this.output * (this.ducked ? this.duckTo : 1);
  }

  setOutputLevel(level: number): void {
    this.output = Number.isFinite(level) ? Math.max(0, Math.min(1, level)) : 1;
  }

  /** Jumps to the target (a new item starts at its level, not gliding up from the last one's). */
  settle(): void {
    this.applied = this.target;
  }

  /** Scales one frame in place, gliding from the last frame's gain toward the target. */
  apply(frame: Float32Array): Float32Array {
    const from = this.applied;
    const to = from + (this.target - from) * this.glide;
    const n = frame.length;
    for (let i = 0; i < n; i++) frame[i] = (frame[i] ?? 0) * (from + ((to - from) * (i + 1)) / n);
    this.applied = Math.abs(to - this.target) < 1e-4 ? this.target : to;
    return frame;
  }
}
