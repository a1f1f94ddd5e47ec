// Calls into a worker thread as promises: each call gets an id, the worker answers `{ id, value }`
// or `{ id, error }` (worker-answer.mjs), and a worker that dies fails every call it held and every
// later one. Only a call in flight keeps the process alive; an idle worker never does.
import { Worker, type Transferable } from 'node:worker_threads';

interface PendingCall {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

type CallAnswer = { id: number; value: unknown } | { id: number; error: string };

export interface CallOptions {
  /** Aborting posts `{ type: 'abort', id }`: the worker stops that call and answers it. */
  signal?: AbortSignal;
  transfer?: readonly Transferable[];
}

export class WorkerCalls {
  private readonly pending = new Map<number, PendingCall>();
  private nextId = 1;
  private lostWith: Error | null = null;

  /** `exitError`: what every call learns when the worker exits. `onLost`: told once, when it does. */
  constructor(
    readonly worker: Worker,
    exitError: (code: number) => Error,
    private readonly onLost?: (error: Error) => void,
  ) {
    worker.on('message', (answer: CallAnswer) => this.settle(answer));
    worker.on('error', (error: Error) => this.fail(error));
    worker.on('exit', (code: number) => this.fail(exitError(code)));
    worker.unref();
  }

  /** The error the worker died with, or null while it runs. */
  get lost(): Error | null {
    return this.lostWith;
  }

  call<T>(message: Record<string, unknown>, options: CallOptions = {}): Promise<T> {
    if (this.lostWith) return Promise.reject(this.lostWith);
    const id = this.nextId++;
    const { signal, transfer } = options;
    const onAbort = () => this.worker.postMessage({ type: 'abort', id });
    signal?.addEventListener('abort', onAbort, { once: true });
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.ref();
      this.worker.postMessage({ ...message, id }, transfer);
    }).finally(() => signal?.removeEventListener('abort', onAbort));
  }

  private settle(answer: CallAnswer): void {
    const call = this.pending.get(answer.id);
    if (!call) return;
    this.pending.delete(answer.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('error' in answer) call.reject(new Error(answer.error));
    else call.resolve(answer.value);
  }

  private fail(error: Error): void {
    if (!this.lostWith) {
      this.lostWith = error;
      this.onLost?.(error);
    }
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }
}

/**
 * One worker for the whole process, started on first use: `name` says what stopped in errors.
 * After a crash, the next call starts a fresh one.
 */
export function sharedWorkerCalls(script: URL, name: string): () => WorkerCalls {
  let calls: WorkerCalls | null = null;
  return () =>
    (calls ??= new WorkerCalls(
      new Worker(script),
      (code) => new Error(`${name} exited (code ${code})`),
      () => {
        calls = null;
      },
    ));
}
