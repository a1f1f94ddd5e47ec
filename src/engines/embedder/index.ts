// Sentence embeddings in the browser (memory search): transformers.js in a worker.
import * as Comlink from 'comlink';
import type { Embedder } from '../../core/engines.ts';
import type { BackendPreference } from '../ort.ts';
import type { EngineInfo, LoadProgressListener } from '../types.ts';
import { abortable, abortError, wrapEngineWorker } from '../worker-utils.ts';
import type { EmbedderLoadOptions, EmbedderWorkerApi } from './embedder.worker.ts';

export interface EmbedderOptions {
  packId: string;
  onProgress?: LoadProgressListener;
  /** Default 'wasm': short texts, and the GPU is better left to the LLM and Whisper. */
  backend?: BackendPreference;
  /** Default 'q8': the quantized file Hearth's embedding packs ship. */
  dtype?: EmbedderLoadOptions['dtype'];
}

export type BrowserEmbedder = Embedder & { readonly info: EngineInfo; dispose(): Promise<void> };

export async function createEmbedder(opts: EmbedderOptions): Promise<BrowserEmbedder> {
  const worker = wrapEngineWorker<EmbedderWorkerApi>(
    new Worker(new URL('./embedder.worker.ts', import.meta.url), { type: 'module', name: 'hearth-embedder' }),
  );
  let loaded: { info: EngineInfo; dimensions: number };
  try {
    loaded = await Promise.race([
      worker.api.load(
        { packId: opts.packId, backend: opts.backend ?? 'wasm', dtype: opts.dtype ?? 'q8' },
        Comlink.proxy(opts.onProgress ?? (() => {})),
      ),
      worker.failed,
    ]);
  } catch (err) {
    worker.terminate();
    throw err;
  }

  let disposed = false;
  return {
    info: loaded.info,
    dimensions: loaded.dimensions,
    /** One unit-length vector per text (mean-pooled, normalised): cosine similarity is a dot product. */
    async embed(texts: string[], options?: { signal?: AbortSignal }): Promise<Float32Array[]> {
      if (disposed) throw new Error('embedder was disposed');
      if (texts.length === 0) return [];
      if (options?.signal?.aborted) throw abortError();
      // One ORT run cannot be interrupted; an abort only stops us waiting for it.
      return abortable(
        () => Promise.race([worker.api.embed(texts), worker.failed]),
        options?.signal,
        () => {},
      );
    },
    async dispose(): Promise<void> {
      if (disposed) return;
      disposed = true;
      await worker.api.dispose().catch(() => undefined);
      worker.terminate();
    },
  };
}
