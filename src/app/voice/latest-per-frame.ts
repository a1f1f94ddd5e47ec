// Captions change with every token; the screen needs them at most once per frame. Keeps the latest
// value and applies it on the next animation frame, so a fast language model is not slowed by
// re-rendering the conversation for each token.

export type FrameScheduler = (callback: () => void) => void;

const nextAnimationFrame: FrameScheduler = (callback) => requestAnimationFrame(() => callback());

export class LatestPerFrame<T> {
  private pending: { value: T } | null = null;
  private scheduled = false;

  constructor(
    private readonly apply: (value: T) => void,
    private readonly schedule: FrameScheduler = nextAnimationFrame,
  ) {}

  /** Replaces what the next frame shows. */
  push(value: T): void {
    this.pending = { value };
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Applies the waiting value now (before a change that must come after it, e.g. the turn's end). */
  flush(): void {
    const pending = this.pending;
    this.pending = null;
    if (pending) this.apply(pending.value);
  }
}
