// WebLLM's model record for a pack served by Hearth. Pure, so the URLs are unit-tested.

import { modelFileUrl } from '../types.ts';

export interface WebLlmModelRecord {
  model: string;
  model_id: string;
  model_lib: string;
  overrides?: { context_window_size?: number };
}

/**
 * WebLLM appends "resolve/main/" (Hugging Face's layout) to a model URL unless the URL already
 * contains "/resolve/<x>/". Putting that in the fragment satisfies the check while every file
 * URL, resolved relative to it, drops the fragment and lands on /models/<pack>/<file>.
 */
export function webLlmModelUrl(packId: string, origin: string): string {
  return `${modelFileUrl(packId, '', origin)}#/resolve/main/`;
}

export function webLlmModelRecord(opts: {
  packId: string;
  libFile: string;
  origin: string;
  contextWindow?: number;
}): WebLlmModelRecord {
  return {
    model: webLlmModelUrl(opts.packId, opts.origin),
    model_id: opts.packId,
    model_lib: modelFileUrl(opts.packId, opts.libFile, opts.origin),
    ...(opts.contextWindow ? { overrides: { context_window_size: opts.contextWindow } } : {}),
  };
}

/** The pack's compiled WebGPU model library (…-webgpu.wasm) among its files. */
export function findModelLib(files: readonly { path: string }[]): string | null {
  return files.find((file) => file.path.endsWith('.wasm'))?.path ?? null;
}
