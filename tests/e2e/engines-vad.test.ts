// Silero VAD v5 in real Chromium: the engine the app creates (onnxruntime-web's WASM in a worker,
// the model fetched from the real Hearth server's /models/, which serves it straight from the
// @ricky0123/vad-web npm package), fed a flite utterance frame by frame. This proves the VAD's
// input contract (64-sample context + recurrent state, 16 kHz, 512-sample frames), the numbered
// frame stream the microphone feeds (each frame sent once, its answer matched by sequence number)
// and reset(), not end-of-turn timing (VoiceSession's unit tests cover that).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RequestRecorder } from '../helpers/browser.ts';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { makeUtteranceWav, readWav } from '../helpers/utterance.ts';
import { ensureHarnessBuilt } from '../harness/build.ts';

type Harness = Record<string, (...args: unknown[]) => Promise<unknown>>;
type Run = { probabilities: number[]; msPerFrame: number };

const SAMPLE_RATE = 16_000;
const FRAME = 512;
const MODEL_PATH = '/models/silero-vad-v5/silero_vad_v5.onnx';

describe('Silero v5 through onnxruntime-web in a worker: speech probabilities for real audio, served by the real Hearth server', () => {
  const hearth = useHearthInChromium({ server: async () => ({ args: ['--app-dir', await ensureHarnessBuilt()] }) });
  let page: Page;
  let recorder: RequestRecorder;
  let problems: string[];

  const call = <T>(name: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(
      ([n, a]) => (window as unknown as { hearthHarness: Harness }).hearthHarness[n as string]!(...(a as unknown[])),
      [name, args] as const,
    ) as Promise<T>;

  // "Tell me a story about a brave turtle." from flite, 16 kHz mono, 1 s of digital silence either side.
  const utterance = readWav(makeUtteranceWav('Tell me a story about a brave turtle.'));
  const samples = Array.from(utterance.samples);
  const frameCount = Math.floor(samples.length / FRAME);
  const frameRange = (fromSample: number, toSample: number): number[] => {
    const out: number[] = [];
    for (let f = 0; f < frameCount; f++) if (f * FRAME >= fromSample && (f + 1) * FRAME <= toSample) out.push(f);
    return out;
  };
  // Where flite's voice actually is (its own output starts and ends with a few quiet milliseconds).
  const loud = (x: number): boolean => Math.abs(x) > 0.02;
  const speechStart = samples.findIndex(loud);
  const speechEnd = samples.length - [...samples].reverse().findIndex(loud);
  const leading = frameRange(0, SAMPLE_RATE); // the padded second before the voice
  const speech = frameRange(speechStart, speechEnd);
  const trailing = frameRange(samples.length - SAMPLE_RATE, samples.length); // the padded second after it

  beforeAll(async () => {
    ({ page, recorder, problems } = await hearth.openPage({ reportHttpErrors: true }));
    await page.goto(`${hearth.server.url}/vad.html`);
    await page.waitForFunction(
      () => (window as unknown as { hearthHarness?: { ready?: boolean } }).hearthHarness?.ready === true,
    );
  });

  // Before useHearthInChromium's afterAll closes Chromium (vitest runs afterAll hooks last-registered first).
  afterAll(async () => {
    if (page) await call('dispose').catch(() => undefined);
  });

  it('loads silero_vad_v5.onnx from the server into a worker, as the app does', async () => {
    expect(utterance.sampleRate).toBe(SAMPLE_RATE);
    const loaded = await call<{ info: Record<string, string>; frameSamples: number; progress: { stage: string }[] }>(
      'load',
    );
    expect(loaded.frameSamples).toBe(FRAME);
    expect(loaded.info).toMatchObject({
      role: 'vad',
      engine: 'onnxruntime-web',
      model: 'silero-vad-v5',
      backend: 'wasm',
    });
    expect(loaded.progress.map((p) => p.stage)).toEqual(['Loading voice detection', 'Ready']);
    expect(recorder.requests.filter((r) => r.url === hearth.server.url + MODEL_PATH)).toHaveLength(1);
    expect(recorder.requests.some((r) => r.url.endsWith('.wasm'))).toBe(true);
  });

  let first: number[];

  it('a flite utterance: low over the leading second of silence, high during speech, low again in the trailing silence', async () => {
    const run = await call<Run>('probabilities', samples, 'app');
    first = run.probabilities;
    // Shown when an assertion fails: the whole curve, and where the voice is.
    const curve = `voice in frames ${speech[0]}–${speech.at(-1)} of ${frameCount}: ${first.map((p) => p.toFixed(2)).join(' ')}`;
    expect(first).toHaveLength(frameCount);
    for (const p of first) expect(p >= 0 && p <= 1, curve).toBe(true);
    expect(Math.max(...leading.map((f) => first[f]!)), curve).toBeLessThan(0.2);
    // In practice nearly every voiced frame is above 0.9; a broken context or state drags them down.
    const confident = speech.filter((f) => first[f]! > 0.8).length / speech.length;
    expect(confident, curve).toBeGreaterThanOrEqual(0.7);
    expect(Math.max(...trailing.map((f) => first[f]!)), curve).toBeLessThan(0.2);
  });

  it('pure silence: no frame above 0.5', async () => {
    await call('reset');
    const run = await call<Run>('probabilities', new Array(2 * SAMPLE_RATE).fill(0), 'app');
    expect(run.probabilities).toHaveLength(Math.floor((2 * SAMPLE_RATE) / FRAME));
    expect(Math.max(...run.probabilities)).toBeLessThan(0.5);
  });

  it('reset() after a run cut off mid-speech: the next run gives exactly the same probabilities, in a fresh stream or the same one', async () => {
    // As VoiceSession.stop() mid-sentence: every frame was pushed, the core read only those up
    // to the middle of the voice, then reset() while the rest is still in the worker.
    const midSpeech = speech[Math.floor(speech.length / 2)]!;
    const cut = await call<Run>('probabilities', samples, 'app', midSpeech + 1);
    expect(cut.probabilities).toEqual(first.slice(0, midSpeech + 1));
    expect(cut.probabilities.at(-1)!).toBeGreaterThan(0.5);
    const again = await call<Run>('probabilities', samples, 'app');
    expect(again.probabilities).toEqual(first);

    const restart = await call<{
      cut: number[];
      again: number[];
      skipped: { ok: boolean; message?: string };
      afterClose: { ok: boolean; message?: string };
    }>('cutAndRestart', samples, midSpeech + 1);
    expect(restart.cut).toEqual(first.slice(0, midSpeech + 1));
    expect(restart.skipped).toMatchObject({ ok: false, message: expect.stringContaining('moved past') });
    expect(restart.again).toEqual(first);
    expect(restart.afterClose).toMatchObject({ ok: false, message: expect.stringContaining('closed') });

    // A wrong-sized frame is refused without disturbing the model's context or state.
    await call('reset');
    const wrong = await call<{ ok: boolean; message?: string }>('processWrongSize', 480);
    expect(wrong).toMatchObject({ ok: false, message: expect.stringContaining('512-sample frames') });
    const direct = await call<Run>('probabilities', samples, 'direct');
    expect(direct.probabilities).toEqual(first);
  });

  it('made no request off the server origin and logged no errors', () => {
    expect(recorder.offOrigin(hearth.server.url)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
