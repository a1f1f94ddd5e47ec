// Results of work that runs ahead of its reader, matched by sequence number. The VAD worker
// answers each microphone frame as it arrives, tagged with the frame's sequence number; the
// conversation core asks later, one frame at a time, for the frames it kept. Matching by number
// means a frame is sent to the model once and never compared by its contents.

/** A frame's result, or why it has none (the model failed on it). */
export type FrameOutcome<T> = { ok: true; value: T } | { ok: false; error: Error };

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

export class SequencedResults<T> {
  private readonly results = new Map<number, FrameOutcome<T>>();
  private readonly waiters = new Map<number, Waiter<T>>();
  /** Results for frames below this are no longer wanted (already read, or skipped by the reader). */
  private floor = 0;
  private closedBecause: Error | null = null;

  /**
   * `limit`: unread results kept at most, oldest dropped first: ~33 s of 32 ms frames. Only
   * frames the reader never asks for (it skipped them) are meant to fall off the end.
   */
  constructor(private readonly limit = 1024) {}

  /** Unread results held. */
  get size(): number {
    return this.results.size;
  }

  /** The result for frame `seq` has arrived (in any order). */
  deliver(seq: number, outcome: FrameOutcome<T>): void {
    const waiter = this.waiters.get(seq);
    if (waiter) {
      this.waiters.delete(seq);
      if (outcome.ok) waiter.resolve(outcome.value);
      else waiter.reject(outcome.error);
      return;
    }
    if (seq < this.floor || this.closedBecause) return;
    this.results.set(seq, outcome);
    if (this.results.size > this.limit) this.dropOldest(this.results.size - this.limit);
  }

  /**
   * The result for frame `seq`, now or when it arrives. Results of earlier frames the reader did
   * not ask for are dropped: reading moves forward only, and asking again for a frame already
   * passed is refused.
   */
  take(seq: number): Promise<T> {
    const ready = this.results.get(seq);
    if (ready) {
      this.discardBefore(seq + 1);
      return ready.ok ? Promise.resolve(ready.value) : Promise.reject(ready.error);
    }
    if (seq < this.floor || this.waiters.has(seq)) {
      return Promise.reject(new Error(`Voice detection has moved past frame ${seq} (read already, or skipped).`));
    }
    if (this.closedBecause) return Promise.reject(this.closedBecause);
    this.discardBefore(seq + 1);
    return new Promise<T>((resolve, reject) => this.waiters.set(seq, { resolve, reject }));
  }

  /**
   * Frames below `seq` will never be asked for (the reader started over): their results are
   * dropped now and ignored when they arrive. A reader already waiting still gets its answer.
   */
  discardBefore(seq: number): void {
    this.floor = Math.max(this.floor, seq);
    for (const key of this.results.keys()) if (key < this.floor) this.results.delete(key);
  }

  /**
   * No more results will come: every waiting reader, and every later one asking for a frame
   * without a result, gets `reason`. Results already here can still be read.
   */
  close(reason: Error): void {
    this.closedBecause ??= reason;
    for (const waiter of this.waiters.values()) waiter.reject(reason);
    this.waiters.clear();
  }

  private dropOldest(count: number): void {
    const oldest = [...this.results.keys()].sort((a, b) => a - b).slice(0, count);
    for (const key of oldest) this.results.delete(key);
  }
}
