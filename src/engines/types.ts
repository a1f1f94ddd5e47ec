// Shared shapes for the browser engines. Each engine implements one src/core interface
// (Vad, SpeechToText, ChatModel, TextToSpeech, Embedder); its heavy work runs in a Web Worker.
import { modelFilePath } from '../core/model-urls.ts';

export type EngineRole = 'vad' | 'stt' | 'llm' | 'tts' | 'embeddings' | 'end-of-turn';
export type EngineBackend = 'webgpu' | 'wasm';

/** Progress of loading one engine (downloading model files, compiling WASM, warming up). */
export interface LoadProgress {
  role: EngineRole;
  /** Human-readable step, e.g. "Downloading encoder_model.onnx" or "Warming up". */
  stage: string;
  /** Bytes (or steps) done and expected; total is null when unknown. */
  loaded: number;
  total: number | null;
}

export type LoadProgressListener = (p: LoadProgress) => void;

/** What the Settings screen shows per role. */
export interface EngineInfo {
  role: EngineRole;
  /** Library doing the work, e.g. "transformers.js", "wllama", "onnxruntime-web", "flite". */
  engine: string;
  /** Model pack id from models/manifest.json, or a built-in voice name. */
  model: string;
  backend: EngineBackend;
  /** e.g. "2 threads", "software WebGPU adapter", "classic fallback voice". */
  detail?: string;
}

/** Where model files come from: always Hearth's own server, never the internet. */
export function modelFileUrl(packId: string, file: string, origin: string = self.location.origin): string {
  return new URL(modelFilePath(packId, file), origin).href;
}
