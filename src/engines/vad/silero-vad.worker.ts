// Silero VAD v5 on onnxruntime-web, in its own worker so inference never touches the UI
// thread. One thread: a 576-sample frame takes well under a millisecond, and threads would
// only compete with the LLM.

import * as Comlink from 'comlink';
import * as ort from 'onnxruntime-web/wasm';
import { absoluteWasmPaths, ORT_WASM } from '../ort.ts';
import { ortWarmUpModel } from '../ort-warm-up-model.ts';
import { SILERO_SAMPLE_RATE, SILERO_STATE_DIMS, SileroInput } from '../../core/vad/silero-input.ts';
import type { VadStreamEvent, VadStreamRequest } from './vad-stream.ts';

/** What a load cost, in the worker's own clock (the startup bench reports it). */
export interface VadLoadReport {
  bytes: number;
  modelFetchMs: number;
  /** The model's session (and starting onnxruntime, when it was not warmed up first). */
  sessionMs: number;
}

let session: ort.InferenceSession | null = null;
/** Which model the session holds. */
let loaded: { url: string; bytes: number } | null = null;
const input = new SileroInput();
/**
 * Frames may arrive before the previous one has finished (the microphone delivers them as they
 * come), but the model's context and state need them strictly in order.
 */
let queue: Promise<unknown> = Promise.resolve();

function inOrder<T>(work: () => Promise<T> | T): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}
const sampleRate = new ort.Tensor('int64', BigInt64Array.from([BigInt(SILERO_SAMPLE_RATE)]), []);

/** Our own origin's WASM; one thread and no proxy worker (this already is one). */
function configureOrt(): void {
  ort.env.wasm.wasmPaths = absoluteWasmPaths(ORT_WASM);
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
}

/**
 * No graph optimization: on a warm start Chromium compiles onnxruntime's WebAssembly lazily, and the
 * optimizer's passes were most of what this session's creation compiled (Silero in ~300 ms sooner,
 * bench:startup). Silero's outputs are the same to the bit; a frame costs ~0.5 ms instead of ~0.4.
 * `optimizeGraph` keeps the path before for bench:startup's comparison.
 */
function sessionOptions(optimizeGraph = false): ort.InferenceSession.SessionOptions {
  return { executionProviders: ['wasm'], graphOptimizationLevel: optimizeGraph ? 'all' : 'disabled' };
}

const api = {
  /**
   * Starts onnxruntime before the app has chosen its model: with `likelyModelUrl` when this
   * device's model cache already holds it (a later load of that URL is then instant), else with a
   * tiny model (its WASM and kernels start; the real session comes later). Resolves with how long
   * it took and whether the real model was loaded.
   */
  async warmUp(likelyModelUrl: string): Promise<{ ms: number; modelLoaded: boolean }> {
    const started = performance.now();
    configureOrt();
    const cached =
      typeof caches === 'undefined' ? undefined : await caches.match(likelyModelUrl).catch(() => undefined);
    if (cached?.ok) {
      const bytes = new Uint8Array(await cached.arrayBuffer());
      session = await ort.InferenceSession.create(bytes, sessionOptions());
      loaded = { url: likelyModelUrl, bytes: bytes.byteLength };
      input.reset();
      return { ms: performance.now() - started, modelLoaded: true };
    }
    const warm = await ort.InferenceSession.create(ortWarmUpModel(), sessionOptions());
    await warm.release();
    return { ms: performance.now() - started, modelLoaded: false };
  },

  /**
   * Loads the model from `modelUrl` (same origin). Resolves with its size and where the time went.
   * `optimizeGraph`: bench:startup's path before only.
   */
  async load(modelUrl: string, optimizeGraph = false): Promise<VadLoadReport> {
    if (session && loaded?.url === modelUrl) return { bytes: loaded.bytes, modelFetchMs: 0, sessionMs: 0 };
    const started = performance.now();
    configureOrt();
    const response = await fetch(modelUrl);
    if (!response.ok) throw new Error(`Could not fetch the voice-detection model (${response.status} ${modelUrl})`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const fetched = performance.now();
    // Without a warm-up, the first session also starts onnxruntime (fetches and compiles its WASM).
    await session?.release();
    session = await ort.InferenceSession.create(bytes, sessionOptions(optimizeGraph));
    loaded = { url: modelUrl, bytes: bytes.byteLength };
    input.reset();
    return { bytes: bytes.byteLength, modelFetchMs: fetched - started, sessionMs: performance.now() - fetched };
  },

  /** Speech probability for one 512-sample frame (frames are processed in arrival order). */
  process(frame: Float32Array): Promise<number> {
    return inOrder(() => infer(frame));
  },

  reset(): Promise<void> {
    return inOrder(() => input.reset());
  },

  /**
   * A stream of microphone frames on `port` (vad-stream.ts): each frame is answered with its
   * sequence number, in order. The model starts over for a new stream (new microphone audio).
   */
  openStream(port: MessagePort): void {
    const emit = (event: VadStreamEvent): void => port.postMessage(event);
    void inOrder(() => input.reset());
    port.onmessage = (event: MessageEvent<VadStreamRequest>) => {
      const request = event.data;
      if (request.type === 'frame') {
        const { seq, samples } = request;
        void inOrder(() => infer(samples)).then(
          (probability) => emit({ type: 'inference', seq, probability }),
          (error: unknown) =>
            emit({ type: 'error', seq, message: error instanceof Error ? error.message : String(error) }),
        );
      } else if (request.type === 'reset') {
        void inOrder(() => input.reset());
      } else {
        void inOrder(() => {
          emit({ type: 'closed' });
          port.onmessage = null;
          port.close();
        });
      }
    };
  },

  async dispose(): Promise<void> {
    await inOrder(() => session?.release());
    session = null;
    loaded = null;
  },
};

async function infer(frame: Float32Array): Promise<number> {
  if (!session) throw new Error('Voice detection is not loaded yet');
  const samples = input.next(frame);
  const feeds = {
    input: new ort.Tensor('float32', samples, [1, samples.length]),
    state: new ort.Tensor('float32', input.state, [...SILERO_STATE_DIMS]),
    sr: sampleRate,
  };
  const out = await session.run(feeds);
  const state = out['stateN']?.data;
  const probability = out['output']?.data[0];
  if (!(state instanceof Float32Array) || typeof probability !== 'number') {
    throw new Error('Voice detection model returned unexpected outputs');
  }
  input.state = state;
  return probability;
}

export type SileroVadWorkerApi = typeof api;

Comlink.expose(api);
