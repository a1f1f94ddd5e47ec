// Sentence embeddings on the server: transformers.js feature-extraction on onnxruntime-node,
// loading the embeddings pack from the model store (never from the internet).
import path from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import type { Embedder } from '../../src/core/engines.ts';
import type { ModelStore } from '../models/store.ts';

export interface NodeEmbedder extends Embedder {
  /** The model pack the vectors come from: vectors of different packs never mix. */
  readonly packId: string;
  dispose(): Promise<void>;
}

/** The ready embeddings pack's id, or null when none is installed. */
export async function readyEmbeddingsPack(models: ModelStore): Promise<string | null> {
  const role = (await models.roles()).find((r) => r.role === 'embeddings');
  return role?.status === 'ready' && role.pack ? role.pack.id : null;
}

/** Loads the ready embeddings pack (or `packId`); null when there is none to load. */
export async function loadNodeEmbedder(models: ModelStore, packId?: string): Promise<NodeEmbedder | null> {
  const id = packId ?? (await readyEmbeddingsPack(models));
  if (!id) return null;
  const pack = await models.pack(id);
  if (!pack || pack.state !== 'ready') return null;
  const quantized = pack.files.some((f) => f.path === 'onnx/model_quantized.onnx');
  const config = await models.resolveFile(id, 'config.json');
  if (!config) return null;
  // transformers.js looks for <localModelPath>/<model id>/...: the pack folder is named after the pack.
  if (path.basename(config.root) !== id)
    throw new Error(`embeddings pack ${id} is stored at ${config.root}, not in a folder named after it`);
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${path.dirname(config.root)}${path.sep}`;
  const extractor: FeatureExtractionPipeline = await pipeline('feature-extraction', id, {
    dtype: quantized ? 'q8' : 'fp32',
  });
  const embedRows = async (texts: string[]): Promise<Float32Array[]> => {
    if (texts.length === 0) return [];
    // pooling and normalize belong to the call (ignored if given to pipeline()).
    const out = await extractor(texts, { pooling: 'mean', normalize: true });
    const [rows, dims] = out.dims as [number, number];
    const data = out.data as Float32Array;
    return Array.from({ length: rows }, (_, i) => data.slice(i * dims, (i + 1) * dims));
  };
  const [probe] = await embedRows(['warm up']);
  return {
    packId: id,
    dimensions: probe?.length ?? 0,
    async embed(texts, opts) {
      if (opts?.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
      return embedRows(texts);
    },
    async dispose() {
      await extractor.dispose();
    },
  };
}
