// Smart Turn v3 (pipecat-ai, BSD-2) on onnxruntime-node: Whisper log-mel features of the last 8 s
// (transformers.js's WhisperFeatureExtractor, chunk_length 8) in, the probability that the speaker
// has finished out. Loaded once and shared by every toy; calls run one at a time (each is a few
// tens of milliseconds, and only at a pause).
import { WhisperFeatureExtractor } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import type { TurnEndModel } from '../../src/core/engines.ts';
import { OneAtATime } from '../../src/core/one-at-a-time.ts';
import {
  SMART_TURN_FEATURES,
  smartTurnProbability,
  smartTurnWindow,
} from '../../src/core/turn-end/smart-turn-input.ts';
import type { ModelStore } from '../models/store.ts';
import { requireModelFile } from './model-files.ts';

export const SMART_TURN_PACK_ID = 'smart-turn-v3';
export const SMART_TURN_MODEL_FILE = 'smart-turn-v3.0.onnx';
export const SMART_TURN_INPUT = 'input_features';

export interface NodeTurnEndModel extends TurnEndModel {
  dispose(): Promise<void>;
}

export async function loadSmartTurn(models: ModelStore, packId = SMART_TURN_PACK_ID): Promise<NodeTurnEndModel> {
  const file = await requireModelFile(models, packId, SMART_TURN_MODEL_FILE);
  const session = await ort.InferenceSession.create(file.absolutePath, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  if (!session.inputNames.includes(SMART_TURN_INPUT))
    throw new Error(`${packId}: the model has no "${SMART_TURN_INPUT}" input (${session.inputNames.join(', ')})`);
  const output = session.outputNames[0];
  if (!output) throw new Error(`${packId}: the model has no output`);
  const features = new WhisperFeatureExtractor({ ...SMART_TURN_FEATURES });
  const queue = new OneAtATime();

  const infer = async (audio: Float32Array): Promise<number> => {
    const { input_features } = (await features(smartTurnWindow(audio))) as {
      input_features: { data: Float32Array; dims: number[] };
    };
    const out = await session.run({
      [SMART_TURN_INPUT]: new ort.Tensor('float32', input_features.data, input_features.dims),
    });
    return smartTurnProbability(out[output]?.data as ArrayLike<unknown> | undefined, packId);
  };

  return {
    id: packId,
    // A verdict nobody waits for any more (the speaker went on) is not computed.
    completionProbability: (audio, opts) => queue.run(() => infer(audio), opts?.signal),
    async dispose() {
      await queue.idle();
      await session.release();
    },
  };
}
