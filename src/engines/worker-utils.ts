// Small helpers shared by the worker-backed engines: comlink wiring that notices a worker that
// fails to start, AbortError, and a queue that turns pushed chunks into an async iterable.
import * as Comlink from 'comlink';
import type { EngineRole, LoadProgressListener } from './types.ts';

export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

export interface EngineWorker<T> {
  api: Comlink.Remote<T>;
  /** Rejects if the worker script fails to load or throws at top level (comlink alone would hang). */
  failed: Promise<never>;
  terminate(): void;
}

export function wrapEngineWorker<T>(worker: Worker): EngineWorker<T> {
  const api = Comlink.wrap<T>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener(
      'error',
      (e) => reject(new Error(`engine worker failed: ${e.message || 'could not start'}`)),
      { once: true },
    );
  });
  failed.catch(() => undefined); // observed by whoever races it; never "unhandled"
  return {
    api,
    failed,
    terminate() {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/** Runs `work`, rejecting with AbortError as soon as `signal` aborts (after calling `onAbort`). */
export async function abortable<T>(
  work: () => Promise<T>,
  signal: AbortSignal | undefined,
  onAbort: () => void,
): Promise<T> {
  if (signal?.aborted) throw abortError();
  if (!signal) return work();
  let listener: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    listener = () => {
      onAbort();
      reject(abortError());
    };
    signal.addEventListener('abort', listener, { once: true });
  });
  try {
    return await Promise.race([work(), aborted]);
  } finally {
    if (listener) signal.removeEventListener('abort', listener);
  }
}

/** Chunks pushed by a producer (e.g. a worker callback), read once with `for await`. */
export class ChunkQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private waiting: (() => void) | null = null;
  private error: unknown = null;
  private ended = false;

  get finished(): boolean {
    return this.ended;
  }

  push(item: T): void {
    if (this.ended) return;
    this.items.push(item);
    this.wake();
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  fail(error: unknown): void {
    if (this.ended) return;
    this.error = error ?? new Error('failed');
    this.ended = true;
    this.wake();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.error) throw this.error;
      const item = this.items.shift();
      if (item !== undefined) {
        yield item;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = null;
    w?.();
  }
}

/** Maps transformers.js' progress_callback events onto our LoadProgress (one per file download). */
export function transformersProgress(role: EngineRole, onProgress: LoadProgressListener): (info: unknown) => void {
  return (raw) => {
    const info = raw as { status?: string; file?: string; loaded?: number; total?: number };
    const file = info.file ?? 'model';
    if (info.status === 'progress')
      onProgress({ role, stage: `Downloading ${file}`, loaded: info.loaded ?? 0, total: info.total ?? null });
    else if (info.status === 'done') onProgress({ role, stage: `Loaded ${file}`, loaded: 1, total: 1 });
  };
}

/** GETs a file as bytes, reporting progress as it streams in. */
export async function fetchWithProgress(
  url: string,
  onProgress: (loaded: number, total: number | null) => void,
): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`cannot load ${url}: HTTP ${res.status}`);
  const length = Number(res.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const parts: Uint8Array[] = [];
  let loaded = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    loaded += value.length;
    onProgress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const p of parts) {
    bytes.set(p, offset);
    offset += p.length;
  }
  return bytes;
}
