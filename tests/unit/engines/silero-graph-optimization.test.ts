// The browser's Silero session skips onnxruntime's graph optimization (less WebAssembly for Chromium
// to compile on a warm start). This holds it to the same answers: Silero v5's real weights on
// onnxruntime-web's WASM build (the one the worker runs), fed a flite utterance frame by frame the way
// the worker does, give the same speech probabilities with and without the optimizer.
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-web/wasm';
import { describe, expect, it } from 'vitest';
import {
  SILERO_FRAME_SAMPLES,
  SILERO_SAMPLE_RATE,
  SILERO_STATE_DIMS,
  SileroInput,
} from '../../../src/core/vad/silero-input.ts';
import { PROJECT_ROOT } from '../../helpers/server.ts';
import { makeUtteranceWav, readWav } from '../../helpers/utterance.ts';

const MODEL = path.join(PROJECT_ROOT, 'node_modules', '@ricky0123', 'vad-web', 'dist', 'silero_vad_v5.onnx');

async function probabilities(level: 'all' | 'disabled', samples: Float32Array): Promise<number[]> {
  const session = await ort.InferenceSession.create(fs.readFileSync(MODEL), {
    executionProviders: ['wasm'],
    graphOptimizationLevel: level,
  });
  const input = new SileroInput();
  const sampleRate = new ort.Tensor('int64', BigInt64Array.from([BigInt(SILERO_SAMPLE_RATE)]), []);
  const out: number[] = [];
  try {
    for (let i = 0; i + SILERO_FRAME_SAMPLES <= samples.length; i += SILERO_FRAME_SAMPLES) {
      const frame = input.next(samples.slice(i, i + SILERO_FRAME_SAMPLES));
      const result = await session.run({
        input: new ort.Tensor('float32', frame, [1, frame.length]),
        state: new ort.Tensor('float32', input.state, [...SILERO_STATE_DIMS]),
        sr: sampleRate,
      });
      input.state = result['stateN']!.data as Float32Array;
      out.push((result['output']!.data as Float32Array)[0]!);
    }
  } finally {
    await session.release();
  }
  return out;
}

describe('Silero v5 without graph optimization (the browser worker)', () => {
  it("gives the optimized session's speech probabilities for a spoken sentence", async () => {
    ort.env.wasm.numThreads = 1;
    const { samples } = readWav(makeUtteranceWav('Would you like a story about a dragon?'));
    const optimized = await probabilities('all', samples);
    const plain = await probabilities('disabled', samples);
    expect(plain).toHaveLength(optimized.length);
    // The sentence is heard (so the comparison covers speech, not only silence).
    expect(optimized.filter((p) => p > 0.5).length).toBeGreaterThan(20);
    plain.forEach((p, i) => expect(p).toBeCloseTo(optimized[i]!, 5));
  });
});
