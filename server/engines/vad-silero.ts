// Silero VAD v5 on onnxruntime-node: the same input contract as the browser's worker (the
// previous frame's last 64 samples in front of each 512-sample frame, plus the recurrent state),
// shared through src/core/vad/silero-input.ts, which is pure.
import * as ort from 'onnxruntime-node';
import type { Vad } from '../../src/core/engines.ts';
import {
  SILERO_FRAME_SAMPLES,
  SILERO_SAMPLE_RATE,
  SILERO_STATE_DIMS,
  SileroInput,
} from '../../src/core/vad/silero-input.ts';
import type { ModelStore } from '../models/store.ts';
import { requireModelFile } from './model-files.ts';

export const SILERO_PACK_ID = 'silero-vad-v5';
export const SILERO_MODEL_FILE = 'silero_vad_v5.onnx';

export interface NodeVad extends Vad {
  readonly packId: string;
  dispose(): Promise<void>;
}

/**
 * One instance per conversation: the context and recurrent state belong to one audio stream.
 * Several instances can share one loaded model (`loadSileroModel` once, `createSileroVad` per stream).
 */
export async function loadSileroModel(models: ModelStore, packId = SILERO_PACK_ID): Promise<ort.InferenceSession> {
  const file = await requireModelFile(models, packId, SILERO_MODEL_FILE);
  // One thread: a 576-sample frame takes well under a millisecond; more threads only compete with the LLM.
  return ort.InferenceSession.create(file.absolutePath, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
}

export function createSileroVad(session: ort.InferenceSession, packId = SILERO_PACK_ID): NodeVad {
  const input = new SileroInput();
  const sampleRate = new ort.Tensor('int64', BigInt64Array.of(BigInt(SILERO_SAMPLE_RATE)), []);
  // Context and state need frames strictly in order, even if a caller does not await each one.
  let queue: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(work: () => Promise<T> | T): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  const infer = async (frame: Float32Array): Promise<number> => {
    const samples = input.next(frame);
    const out = await session.run({
      input: new ort.Tensor('float32', samples, [1, samples.length]),
      state: new ort.Tensor('float32', input.state, [...SILERO_STATE_DIMS]),
      sr: sampleRate,
    });
    const state = out['stateN']?.data;
    const probability = out['output']?.data[0];
    if (!(state instanceof Float32Array) || typeof probability !== 'number')
      throw new Error('Silero VAD returned unexpected outputs');
    input.state = state;
    return probability;
  };

  return {
    packId,
    frameSamples: SILERO_FRAME_SAMPLES,
    process: (frame) => inOrder(() => infer(frame)),
    reset() {
      void inOrder(() => input.reset());
    },
    async dispose() {
      await queue;
    },
  };
}
