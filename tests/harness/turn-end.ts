// Harness page for the audio end-of-turn engine: Smart Turn in its worker, the model fetched from
// the Hearth server's /models/, test sounds made here (sums of sines) so only numbers cross over.
import { createSmartTurn, type BrowserTurnEndModel } from '../../src/engines/turn-end/index.ts';
import type { LoadProgress } from '../../src/engines/types.ts';
import { exposeHarness, settle } from './harness.ts';

const RATE = 16_000;
let model: BrowserTurnEndModel | null = null;

/** `seconds` of the partials (the k-th at gain / (k + 1)) at 16 kHz; no partials: silence. */
interface Part {
  partialsHz: number[];
  gain: number;
  seconds: number;
}

/** One part, or several one after another. */
type Sound = Part | Part[];

function sound(spec: Sound): Float32Array {
  const parts = Array.isArray(spec) ? spec : [spec];
  const out = new Float32Array(parts.reduce((n, p) => n + Math.round(p.seconds * RATE), 0));
  let at = 0;
  for (const part of parts) {
    const length = Math.round(part.seconds * RATE);
    for (let i = 0; i < length; i++) {
      const t = i / RATE;
      out[at + i] = part.partialsHz.reduce((v, hz, k) => v + (part.gain * Math.sin(2 * Math.PI * hz * t)) / (k + 1), 0);
    }
    at += length;
  }
  return out;
}

function loaded(): BrowserTurnEndModel {
  if (!model) throw new Error('the end-of-turn model is not loaded');
  return model;
}

exposeHarness({
  async load(packId: string) {
    const progress: LoadProgress[] = [];
    model = await createSmartTurn({ packId, onProgress: (p) => progress.push(p) });
    return { id: model.id, info: model.info, progress };
  },

  /** The probability for each sound, asked one after another. */
  async probabilities(specs: Sound[]) {
    const out: number[] = [];
    for (const spec of specs) out.push(await loaded().completionProbability(sound(spec)));
    return out;
  },

  /**
   * Three requests at once, the middle one given up right after it was asked (before its turn):
   * it is dropped with an AbortError, the other two answer in order.
   */
  async queued(first: Sound, dropped: Sound, third: Sound) {
    const m = loaded();
    const gaveUp = new AbortController();
    const a = settle(m.completionProbability(sound(first)));
    const b = settle(m.completionProbability(sound(dropped), { signal: gaveUp.signal }));
    gaveUp.abort();
    const c = settle(m.completionProbability(sound(third)));
    return { first: await a, dropped: await b, third: await c };
  },

  async dispose() {
    await model?.dispose();
    model = null;
  },
});
