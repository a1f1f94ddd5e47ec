// What the main thread and the Whisper worker exchange (besides the comlink API itself).
import type { BackendPreference } from '../ort.ts';
import type { EngineInfo } from '../types.ts';

/** transformers.js dtypes we load; 'q8' matches the `*_quantized.onnx` files real packs ship. */
export type WhisperDtype = 'q8' | 'fp32' | 'fp16' | 'q4';

export interface WhisperLoadOptions {
  packId: string;
  backend: BackendPreference;
  dtype: WhisperDtype;
  /** The path before (bench:startup's comparison): the warm-up run finishes before load returns. */
  warmUpBeforeReady?: boolean;
  /** The path before: onnxruntime's asyncify build (its WebGPU bundle's) on the CPU too. */
  webGpuBuildOnCpu?: boolean;
}

/** Where a load's time went, for bench:startup (ms; epoch ms for the instants, comparable across threads). */
export interface WhisperLoadStages {
  /** The worker's script (transformers.js and onnxruntime's JS) loaded and evaluated. */
  scriptEvaluatedAt: number;
  /** load() began in the worker. */
  loadStartedAt: number;
  /** Choosing WebGPU or WASM (asking for a graphics adapter). */
  backendMs: number;
  /** From the pipeline's start to its last file read (the tokenizer is built in this time too). */
  filesMs: number;
  /** The whole pipeline: files, tokenizer, onnxruntime's WASM, its start-up and the model's sessions. */
  pipelineMs: number;
}

export interface WhisperLoaded {
  info: EngineInfo;
  stages: WhisperLoadStages;
}
