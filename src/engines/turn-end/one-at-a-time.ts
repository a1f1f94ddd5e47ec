// Requests answered strictly one after another (one ONNX session, one run at a time). A request
// whose signal aborts while it still waits is dropped without running; one that is already running
// finishes in the worker, but its caller stops waiting at once. Pure: no worker, no DOM.
import { abortError } from '../worker-utils.ts';

export class OneAtATime {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Requests queued or running. */
  get pending(): number {
    return this.waiting;
  }

  run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    this.waiting++;
    const turn = this.tail.then(() => {
      // Its turn came after the caller gave up: the work is never started.
      if (signal?.aborted) throw abortError();
      return work();
    });
    const settled = turn.then(
      () => void this.waiting--,
      () => void this.waiting--,
    );
    this.tail = settled;
    if (!signal) return turn;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(abortError());
      signal.addEventListener('abort', onAbort, { once: true });
      turn.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}
