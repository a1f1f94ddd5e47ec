// Core's Vad backed by Silero v5 in a worker (see silero-vad.worker.ts).

import * as Comlink from 'comlink';
import { modelFileUrl, type EngineInfo, type LoadProgressListener } from '../types.ts';
import { ReadAhead, type PrefetchingVad } from './read-ahead.ts';
import { SILERO_FRAME_SAMPLES } from '../../core/vad/silero-input.ts';
import type { SileroVadWorkerApi } from './silero-vad.worker.ts';

export const SILERO_PACK_ID = 'silero-vad-v5';
export const SILERO_MODEL_FILE = 'silero_vad_v5.onnx';

export interface SileroVadOptions {
  packId?: string;
  onProgress?: LoadProgressListener;
}

export interface SileroVad extends PrefetchingVad {
  readonly info: EngineInfo;
  dispose(): void;
}

export async function createSileroVad(options: SileroVadOptions = {}): Promise<SileroVad> {
  const packId = options.packId ?? SILERO_PACK_ID;
  const worker = new Worker(new URL('./silero-vad.worker.ts', import.meta.url), { type: 'module', name: 'hearth-vad' });
  const remote = Comlink.wrap<SileroVadWorkerApi>(worker);
  options.onProgress?.({ role: 'vad', stage: 'Loading voice detection', loaded: 0, total: null });
  try {
    await remote.load(modelFileUrl(packId, SILERO_MODEL_FILE));
  } catch (error) {
    worker.terminate();
    throw error;
  }
  options.onProgress?.({ role: 'vad', stage: 'Ready', loaded: 1, total: 1 });

  const ahead = new ReadAhead<Promise<number>>();
  const send = (frame: Float32Array): Promise<number> => {
    // Copy, then transfer the copy: the caller may keep using its frame.
    const copy = frame.slice();
    return remote.process(Comlink.transfer(copy, [copy.buffer]));
  };

  return {
    frameSamples: SILERO_FRAME_SAMPLES,
    info: {
      role: 'vad',
      engine: 'onnxruntime-web',
      model: packId,
      backend: 'wasm',
      detail: 'Silero v5, 1 thread, in a worker',
    },
    prefetch(frame) {
      const result = send(frame);
      // A prefetched frame the core never asks about must not become an unhandled rejection.
      result.catch(() => undefined);
      ahead.add(frame.slice(), result);
    },
    process(frame) {
      return ahead.take(frame) ?? send(frame);
    },
    reset() {
      ahead.clear();
      void remote.reset();
    },
    dispose() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
