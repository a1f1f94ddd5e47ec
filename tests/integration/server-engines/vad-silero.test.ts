// Silero v5 (real weights from @ricky0123/vad-web) on onnxruntime-node, fed a flite utterance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InferenceSession } from 'onnxruntime-node';
import { createSileroVad, loadSileroModel } from '../../../server/engines/vad-silero.ts';
import { makeUtteranceWav, readWav } from '../../helpers/utterance.ts';
import { openTestModelStore } from './model-store-fixture.ts';

describe('Silero VAD v5 on onnxruntime-node', () => {
  let session: InferenceSession;
  let cleanup = (): void => {};

  beforeAll(async () => {
    const store = await openTestModelStore();
    cleanup = store.cleanup;
    session = await loadSileroModel(store.models);
  });
  afterAll(async () => {
    await session?.release();
    cleanup();
  });

  const probabilities = async (samples: Float32Array): Promise<number[]> => {
    const vad = createSileroVad(session);
    const out: number[] = [];
    for (let i = 0; i + vad.frameSamples <= samples.length; i += vad.frameSamples)
      out.push(await vad.process(samples.subarray(i, i + vad.frameSamples)));
    return out;
  };

  it('is confident in speech and quiet in the silence around it', async () => {
    // 1 s of silence, the sentence, 1 s of silence (16 kHz).
    const wav = readWav(makeUtteranceWav('Tell me a story about a brave turtle.'));
    const probs = await probabilities(wav.samples);
    const framesPerSecond = 16000 / 512;
    const lead = probs.slice(0, Math.floor(framesPerSecond * 0.8));
    const speech = probs.slice(Math.ceil(framesPerSecond * 1.1), probs.length - Math.ceil(framesPerSecond * 1.2));
    expect(Math.max(...lead)).toBeLessThan(0.2);
    expect(speech.filter((p) => p > 0.5).length / speech.length).toBeGreaterThan(0.6);
    expect(Math.max(...speech)).toBeGreaterThan(0.9);
  });

  it('rejects frames of the wrong size and starts afresh after reset', async () => {
    const vad = createSileroVad(session);
    await expect(vad.process(new Float32Array(100))).rejects.toThrow(/512-sample/);
    const silence = new Float32Array(512);
    const first = await vad.process(silence);
    vad.reset();
    expect(await vad.process(silence)).toBeCloseTo(first, 5);
  });
});
