// Scheduling math for gap-free playback, in seconds on the AudioContext clock. Pure, so the
// rules (back-to-back chunks, recover after an underrun, small safety lead) are unit-tested.

/** Head start given to a chunk when nothing is playing, so its first samples are not late. */
export const DEFAULT_LEAD_S = 0.03;

export class PlaybackTimeline {
  /** When the last scheduled chunk ends; nothing is queued once `now` passes it. */
  private cursor = 0;

  constructor(private readonly leadS: number = DEFAULT_LEAD_S) {}

  /** Reserves `durationS` of audio; returns when it must start. */
  schedule(now: number, durationS: number): number {
    // Still playing: start exactly where the previous chunk ends (no gap, no overlap).
    // Drained (or first chunk): start a little after now.
    const start = this.cursor > now ? this.cursor : now + this.leadS;
    this.cursor = start + durationS;
    return start;
  }

  /** Seconds of audio still to play after `now`. */
  remaining(now: number): number {
    return Math.max(0, this.cursor - now);
  }

  get endsAt(): number {
    return this.cursor;
  }

  reset(): void {
    this.cursor = 0;
  }
}
