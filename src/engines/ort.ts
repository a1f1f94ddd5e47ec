// Where onnxruntime-web's WASM files come from: our own origin, never a CDN. Vite emits the files
// imported with `?url` as assets, so the URLs work in `vite build`, the harness build and dev.
// One onnxruntime-web version serves every engine (the one transformers.js pins, so npm keeps a
// single copy): Silero, Piper and smart-turn drive it directly and transformers.js runs it on the
// CPU with the same plain WASM build, so one 14 MB file is fetched and cached for all of them
// instead of two versions' builds (tests/unit/engines/ort-one-version.test.ts keeps the pins in
// step). Only transformers.js' WebGPU path
// needs the "asyncify" build (27 MB); on the CPU the plain build loads Whisper in about half the
// time (Chromium, contract model: onnxruntime's start and sessions 2.6-4.5 s down to 0.4-1.3 s).
// The glue .mjs is given explicitly too: with threads, ORT starts its pthread workers from the
// glue's own URL; left to the bundled copy, they would load the app chunk and hang.
import ortAsyncifyMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortAsyncifyWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';

export interface OrtWasmFiles {
  mjs: string;
  wasm: string;
}

/** The plain WASM build, for every engine on the CPU (`import * as ort from 'onnxruntime-web/wasm'`). */
export const ORT_WASM: OrtWasmFiles = { mjs: ortMjs, wasm: ortWasm };

/** The build transformers.js' WebGPU bundle needs (it runs its WASM EP on asyncify too). */
export const ORT_ASYNCIFY_WASM: OrtWasmFiles = { mjs: ortAsyncifyMjs, wasm: ortAsyncifyWasm };

/** Absolute URLs (the glue is imported from inside ORT, where a relative URL would resolve elsewhere). */
export function absoluteWasmPaths(files: OrtWasmFiles, base: string = self.location.href): OrtWasmFiles {
  return { mjs: new URL(files.mjs, base).href, wasm: new URL(files.wasm, base).href };
}

/**
 * WASM threads: only when cross-origin isolated (SharedArrayBuffer); one per two logical cores,
 * at most 4, leaving the main thread and audio room to breathe.
 */
export function wasmThreadCount(): number {
  if (!self.crossOriginIsolated) return 1;
  const cores = self.navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(4, Math.floor(cores / 2)));
}

export interface OrtWasmEnv {
  wasmPaths?: unknown;
  numThreads?: number;
  proxy?: boolean;
}

/** Points an ORT `env.wasm` at our files and sets threads; returns the thread count for EngineInfo. */
export function configureOrtWasm(wasmEnv: OrtWasmEnv, files: OrtWasmFiles): number {
  const threads = wasmThreadCount();
  wasmEnv.wasmPaths = absoluteWasmPaths(files);
  wasmEnv.numThreads = threads;
  wasmEnv.proxy = false; // we are already in a worker
  return threads;
}

/** Which onnxruntime build transformers.js runs: its WebGPU bundle's (asyncify) or the plain CPU one. */
export type TransformersOrtBuild = 'webgpu' | 'cpu';

/** The build for a backend: the plain one wherever the WebGPU EP is not used. */
export function transformersOrtBuild(backend: 'webgpu' | 'wasm'): TransformersOrtBuild {
  return backend === 'webgpu' ? 'webgpu' : 'cpu';
}

/** The files transformers.js fetches for a build (the worker loads them; warm-caches keeps them). */
export function transformersOrtFiles(build: TransformersOrtBuild): OrtWasmFiles {
  return build === 'cpu' ? ORT_WASM : ORT_ASYNCIFY_WASM;
}

/** The slice of transformers.js' `env` we set (typed loosely: its typings vary by build). */
export interface TransformersEnvLike {
  allowRemoteModels: boolean;
  allowLocalModels: boolean;
  localModelPath: string;
  remoteHost: string;
  remotePathTemplate: string;
  useWasmCache: boolean;
  backends: { onnx: { wasm?: OrtWasmEnv } };
}

/**
 * transformers.js loads only from Hearth's `/models/<packId>/...` (the pack id is the model
 * name) and runs ORT from our own WASM files. Returns the WASM thread count.
 */
export function configureTransformersEnv(
  env: TransformersEnvLike,
  build: TransformersOrtBuild,
  origin: string = self.location.origin,
): number {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  // Root-relative on purpose: transformers.js only probes for optional files (tokenizer_config.json
  // decides whether a tokenizer loads at all) when the local path is not an absolute URL.
  env.localModelPath = '/models/';
  // Never used while remote models are off; pointed at our server anyway so no default hub URL remains.
  env.remoteHost = `${origin}/models/`;
  env.remotePathTemplate = '{model}/';
  // Its WASM cache re-imports the glue from a blob: URL, which the CSP (script-src 'self') blocks;
  // the browser's HTTP cache (and the PWA's) keeps our files anyway.
  env.useWasmCache = false;
  const wasm = env.backends.onnx.wasm;
  if (!wasm) throw new Error('transformers.js has no onnxruntime-web WASM backend here');
  return configureOrtWasm(wasm, transformersOrtFiles(build));
}

export type BackendPreference = 'auto' | 'webgpu' | 'wasm';

export interface BackendChoice {
  backend: 'webgpu' | 'wasm';
  /** Why, for EngineInfo.detail: e.g. "software WebGPU adapter, so WASM". */
  reason: string;
}

interface GpuAdapterLike {
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string };
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<{ vendor?: string }>;
}
interface GpuLike {
  requestAdapter(opts?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

/**
 * WebGPU only on a real GPU: a fallback (software, e.g. SwiftShader) adapter is far slower than
 * WASM. `adapter.info.isFallbackAdapter` is the current API; older Chrome exposed
 * `adapter.isFallbackAdapter`.
 */
export async function chooseBackend(preference: BackendPreference): Promise<BackendChoice> {
  if (preference === 'wasm') return { backend: 'wasm', reason: 'WASM requested' };
  const gpu = (self.navigator as Navigator & { gpu?: GpuLike }).gpu;
  const adapter: GpuAdapterLike | null = gpu
    ? await gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null)
    : null;
  if (!adapter) {
    if (preference === 'webgpu') throw new Error('WebGPU was requested but this browser has no WebGPU adapter');
    return { backend: 'wasm', reason: 'no WebGPU adapter' };
  }
  const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  if (fallback && preference === 'auto') return { backend: 'wasm', reason: 'software WebGPU adapter' };
  const vendor = adapter.info?.vendor || (await adapter.requestAdapterInfo?.().catch(() => undefined))?.vendor || 'GPU';
  return { backend: 'webgpu', reason: fallback ? 'software WebGPU adapter (requested)' : `WebGPU on ${vendor}` };
}
