// Smart Turn v3's engine on onnxruntime-node with the repo's contract model (same input and output
// as the real smart-turn-v3.0.onnx; a rule in place of the network: low frequencies dominant =
// finished, high = unfinished). Proves the path: 8 s window (the last 8 s, silence in front),
// Whisper log-mel features of the right shape, the probability read back, calls one at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWav } from '../../../src/core/audio/wav.ts';
import { loadSmartTurn, type NodeTurnEndModel } from '../../../server/engines/turn-end-smart-turn.ts';
import { createServerEngines } from '../../../server/engines/index.ts';
import { SMART_TURN_CONTRACT_PACK_ID } from '../../../scripts/contract-models/smart-turn.ts';
import { makeUtteranceWav } from '../../helpers/utterance.ts';
import { openTestModelStore } from './model-store-fixture.ts';
import fs from 'node:fs';

const RATE = 16_000;
const signal = (seconds: number, partialsHz: number[], gain: number) =>
  Float32Array.from({ length: Math.round(seconds * RATE) }, (_, i) =>
    partialsHz.reduce((v, hz, k) => v + (gain * Math.sin((2 * Math.PI * hz * i) / RATE)) / (k + 1), 0),
  );
/** A low voiced sound: a 150 Hz hum with its first harmonics (the contract reads it as finished). */
const hum = (seconds: number) => signal(seconds, [150, 300, 450, 600, 750, 900, 1050, 1200], 0.15);
/** A high hiss: partials from 3 to 7 kHz (the contract reads it as unfinished). */
const hiss = (seconds: number) => signal(seconds, [3000, 3700, 4400, 5100, 5800, 6500, 7200], 0.1);
const join = (...parts: Float32Array[]) => {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('Smart Turn engine (contract model) on onnxruntime-node', () => {
  let store: Awaited<ReturnType<typeof openTestModelStore>>;
  let model: NodeTurnEndModel;
  beforeAll(async () => {
    store = await openTestModelStore({ endOfTurn: true });
    model = await loadSmartTurn(store.models, SMART_TURN_CONTRACT_PACK_ID);
  });
  afterAll(async () => {
    await model?.dispose();
    store?.cleanup();
  });

  it('reads a low hum as a finished turn and a high hiss as unfinished', async () => {
    expect(await model.completionProbability(hum(2))).toBeGreaterThan(0.9);
    expect(await model.completionProbability(hiss(2))).toBeLessThan(0.1);
  });

  it('hears only the last 8 s: what came before does not count', async () => {
    // 10 s each, 6 s of silence between: the first 8 s and the last 8 s disagree; only the last 8 s may count.
    const longLowEnd = join(hiss(2), new Float32Array(6 * RATE), hum(2));
    const longHighEnd = join(hum(2), new Float32Array(6 * RATE), hiss(2));
    expect(await model.completionProbability(longLowEnd)).toBeGreaterThan(0.9);
    expect(await model.completionProbability(longHighEnd)).toBeLessThan(0.1);
  });

  it('a short utterance is padded with silence in front, which reads as neither', async () => {
    const silence = await model.completionProbability(new Float32Array(RATE));
    expect(silence).toBeCloseTo(0.5, 1);
    // A quarter second of a hum still tips it: the padding does not drown the speech.
    expect(await model.completionProbability(hum(0.25))).toBeGreaterThan(0.6);
  });

  it('a spoken sentence (flite) reads as finished, so turns end sooner as the words would say', async () => {
    const wav = decodeWav(
      new Uint8Array(
        fs.readFileSync(makeUtteranceWav('Tell me a story.', { silenceBeforeS: 0.2, silenceAfterS: 0.2 })),
      ),
    );
    expect(await model.completionProbability(wav.samples)).toBeGreaterThan(0.5);
  });

  it('calls queue one at a time; one whose caller gave up before its turn is dropped', async () => {
    const gaveUp = new AbortController();
    const first = model.completionProbability(hum(1));
    const dropped = model.completionProbability(hum(1), { signal: gaveUp.signal });
    gaveUp.abort(new Error('the speaker went on'));
    const third = model.completionProbability(hiss(1));
    await expect(dropped).rejects.toThrow('the speaker went on');
    expect(await first).toBeGreaterThan(0.9);
    expect(await third).toBeLessThan(0.1);
  });

  it('the server engines load the ready end-of-turn pack and say so', async () => {
    const engines = await createServerEngines({ models: store.models, skip: ['vad', 'stt', 'llm', 'embeddings'] });
    try {
      expect(engines.turnEnd?.id).toBe(SMART_TURN_CONTRACT_PACK_ID);
      expect(engines.report.join('\n')).toContain(`end-of-turn: Smart Turn (${SMART_TURN_CONTRACT_PACK_ID})`);
    } finally {
      await engines.dispose();
    }
  });
});
