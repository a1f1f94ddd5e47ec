// Sentence embeddings in a worker: transformers.js feature-extraction with mean pooling and
// normalisation (options of the CALL; passed to pipeline() they would be silently ignored).
import * as Comlink from 'comlink';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import {
  chooseBackend,
  configureTransformersEnv,
  transformersOrtBuild,
  type BackendPreference,
  type TransformersEnvLike,
} from '../ort.ts';
import type { EngineInfo, LoadProgressListener } from '../types.ts';
import { transformersProgress } from '../worker-utils.ts';

export interface EmbedderLoadOptions {
  packId: string;
  backend: BackendPreference;
  dtype: 'q8' | 'fp32' | 'fp16';
}

let extractor: FeatureExtractionPipeline | null = null;

async function embedRows(texts: string[]): Promise<Float32Array[]> {
  if (!extractor) throw new Error('the embedder is not loaded');
  const out = await extractor(texts, { pooling: 'mean', normalize: true });
  const [rows, dims] = out.dims as [number, number];
  const data = out.data as Float32Array;
  return Array.from({ length: rows }, (_, i) => data.slice(i * dims, (i + 1) * dims));
}

const api = {
  async load(
    opts: EmbedderLoadOptions,
    onProgress: LoadProgressListener,
  ): Promise<{ info: EngineInfo; dimensions: number }> {
    const choice = await chooseBackend(opts.backend);
    const threads = configureTransformersEnv(
      env as unknown as TransformersEnvLike,
      transformersOrtBuild(choice.backend),
    );
    extractor = await pipeline('feature-extraction', opts.packId, {
      device: choice.backend,
      dtype: opts.dtype,
      progress_callback: transformersProgress('embeddings', onProgress),
    });
    onProgress({ role: 'embeddings', stage: 'Warming up', loaded: 0, total: 1 });
    const [probe] = await embedRows(['warm up']); // also tells us the dimensions
    onProgress({ role: 'embeddings', stage: 'Ready', loaded: 1, total: 1 });
    const detail =
      choice.backend === 'wasm'
        ? `${threads} thread${threads === 1 ? '' : 's'}, ${opts.dtype}`
        : `${choice.reason}, ${opts.dtype}`;
    return {
      info: { role: 'embeddings', engine: 'transformers.js', model: opts.packId, backend: choice.backend, detail },
      dimensions: probe?.length ?? 0,
    };
  },

  async embed(texts: string[]): Promise<Float32Array[]> {
    const rows = await embedRows(texts);
    return Comlink.transfer(
      rows,
      rows.map((r) => r.buffer as ArrayBuffer),
    );
  },

  async dispose(): Promise<void> {
    await extractor?.dispose();
    extractor = null;
  },
};

export type EmbedderWorkerApi = typeof api;
Comlink.expose(api);
