// Smart Turn v3 (pipecat-ai, BSD-2) in a worker: the last 8 s of the utterance (core's
// smartTurnWindow), Whisper log-mel features (transformers.js's WhisperFeatureExtractor, 80 x 800)
// and one run of the ONNX model on onnxruntime-web's WASM, from our own origin. One thread: a run
// happens only at a pause, and the language model and speech recognition need the cores more.
import * as Comlink from 'comlink';
import { env, WhisperFeatureExtractor } from '@huggingface/transformers';
import * as ort from 'onnxruntime-web/wasm';
import { SMART_TURN_FEATURES, smartTurnProbability, smartTurnWindow } from '../../core/turn-end/smart-turn-input.ts';
import { absoluteWasmPaths, configureTransformersEnv, ORT_WASM, type TransformersEnvLike } from '../ort.ts';
import type { LoadProgressListener } from '../types.ts';
import { fetchWithProgress } from '../worker-utils.ts';

export const SMART_TURN_INPUT = 'input_features';

let session: ort.InferenceSession | null = null;
let output = '';
let extractor: WhisperFeatureExtractor | null = null;

const api = {
  /** Loads the model from `modelUrl` (same origin). Resolves with the model's byte size. */
  async load(modelUrl: string, onProgress: LoadProgressListener): Promise<number> {
    // transformers.js only computes features here, but it is pointed at our server all the same.
    configureTransformersEnv(env as unknown as TransformersEnvLike, 'cpu');
    ort.env.wasm.wasmPaths = absoluteWasmPaths(ORT_WASM);
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    const file = modelUrl.split('/').at(-1) ?? 'model';
    const bytes = await fetchWithProgress(modelUrl, (loaded, total) =>
      onProgress({ role: 'end-of-turn', stage: `Downloading ${decodeURIComponent(file)}`, loaded, total }),
    );
    onProgress({ role: 'end-of-turn', stage: 'Starting', loaded: 0, total: 1 });
    const created = await ort.InferenceSession.create(bytes, {
      executionProviders: ['wasm'],
      graphOptimizationLevel: 'all',
    });
    if (!created.inputNames.includes(SMART_TURN_INPUT)) {
      const names = created.inputNames.join(', ');
      await created.release();
      throw new Error(`The end-of-turn model has no "${SMART_TURN_INPUT}" input (${names})`);
    }
    const first = created.outputNames[0];
    if (!first) {
      await created.release();
      throw new Error('The end-of-turn model has no output');
    }
    session = created;
    output = first;
    extractor = new WhisperFeatureExtractor({ ...SMART_TURN_FEATURES });
    return bytes.byteLength;
  },

  /** The probability that the speaker has finished, from 16 kHz mono audio of the utterance so far. */
  async completionProbability(audio: Float32Array): Promise<number> {
    if (!session || !extractor) throw new Error('The end-of-turn model is not loaded');
    const { input_features } = (await extractor(smartTurnWindow(audio))) as {
      input_features: { data: Float32Array; dims: number[] };
    };
    const out = await session.run({
      [SMART_TURN_INPUT]: new ort.Tensor('float32', input_features.data, input_features.dims),
    });
    return smartTurnProbability(out[output]?.data as ArrayLike<unknown> | undefined, 'The end-of-turn model');
  },

  async dispose(): Promise<void> {
    await session?.release();
    session = null;
    extractor = null;
  },
};

export type SmartTurnWorkerApi = typeof api;
Comlink.expose(api);
