// Flite (WASI) in a Web Worker: the 21 MB module is compiled once; each sentence runs flite's
// main() in a fresh instance (a WASI command exits after one run), writing a WAV into an
// in-memory directory that we read back.

import { ConsoleStdout, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim';
import * as Comlink from 'comlink';
import { fliteArgs, type FliteVoice } from '../../../core/tts/flite-voices.ts';
import { decodeWav } from '../../../core/audio/wav.ts';

const OUT_FILE = 'out.wav';
let module: WebAssembly.Module | null = null;

export interface FliteResult {
  samples: Float32Array;
  sampleRate: number;
  /** Time inside flite, for benchmarks. */
  synthMs: number;
}

const api = {
  async load(
    wasmUrl: string,
    onProgress?: (loaded: number, total: number | null) => void,
  ): Promise<{ compileMs: number }> {
    if (module) return { compileMs: 0 };
    const response = await fetch(wasmUrl);
    if (!response.ok || !response.body) throw new Error(`could not fetch ${wasmUrl}: HTTP ${response.status}`);
    const total = Number(response.headers.get('content-length')) || null;
    const reader = response.body.getReader();
    const parts: Uint8Array[] = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      loaded += value.byteLength;
      onProgress?.(loaded, total);
    }
    const bytes = new Uint8Array(loaded);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.byteLength;
    }
    const started = performance.now();
    module = await WebAssembly.compile(bytes);
    return { compileMs: performance.now() - started };
  },

  async synthesize(text: string, voice: FliteVoice, stretch: number): Promise<FliteResult> {
    if (!module) throw new Error('flite is not loaded');
    const started = performance.now();
    const dir = new PreopenDirectory('/', new Map());
    const errors: string[] = [];
    const wasi = new WASI(
      fliteArgs(text, voice, stretch, OUT_FILE),
      [],
      [
        new OpenFile(new File([])),
        ConsoleStdout.lineBuffered(() => {}),
        ConsoleStdout.lineBuffered((line) => errors.push(line)),
        dir,
      ],
      { debug: false },
    );
    const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
    const code = wasi.start(instance as unknown as { exports: { memory: WebAssembly.Memory; _start: () => unknown } });
    const out = dir.dir.contents.get(OUT_FILE);
    if (code !== 0 || !(out instanceof File))
      throw new Error(`flite failed (exit ${code})${errors.length ? `: ${errors.join(' ')}` : ''}`);
    const wav = decodeWav(out.data);
    const result: FliteResult = {
      samples: wav.samples,
      sampleRate: wav.sampleRate,
      synthMs: performance.now() - started,
    };
    return Comlink.transfer(result, [wav.samples.buffer]);
  },
};

export type FliteWorkerApi = typeof api;
Comlink.expose(api);
