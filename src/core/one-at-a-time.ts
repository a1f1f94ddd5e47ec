// Requests answered strictly one after another (one ONNX session, one run at a time: the end-of-turn
// model in the browser's worker and on the home server). A request whose signal aborts while it
// still waits is dropped without running; one that is already running finishes, but its caller
// stops waiting at once.
import { abortError, raceAbort } from './abort.ts';

export class OneAtATime {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Requests queued or running. */
  get pending(): number {
    return this.waiting;
  }

  run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    this.waiting++;
    const turn = this.tail.then(() => {
      // Its turn came after the caller gave up: the work is never started.
      if (signal?.aborted) throw abortError(signal);
      return work();
    });
    this.tail = turn.then(
      () => void this.waiting--,
      () => void this.waiting--,
    );
    return signal ? raceAbort(turn, signal) : turn;
  }

  /** Resolves once every request made so far has finished (for a clean release of the session). */
  async idle(): Promise<void> {
    await this.tail;
  }
}
