// Whisper, Piper and the embedder in real Chromium: each engine loads its real library in a Web
// Worker, fetches the generated contract packs (scripts/contract-models) from the real Hearth
// server, and runs them. This proves the browser pipeline paths (worker, WASM from our origin,
// /models/ files, streaming, abort), not recognition or voice quality.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateContractModels } from '../../scripts/contract-models/generate.ts';
import { WHISPER_SPEECH_PHRASE } from '../../scripts/contract-models/whisper.ts';
import type { RequestRecorder } from '../helpers/browser.ts';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { makeUtteranceWav, readWav } from '../helpers/utterance.ts';
import { ensureHarnessBuilt } from '../harness/build.ts';

type Harness = Record<string, (...args: unknown[]) => Promise<unknown>>;

const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

describe('model engines in Chromium (contract packs, real libraries, real server)', () => {
  let tmp: string;
  let page: Page;
  let recorder: RequestRecorder;
  let problems: string[];

  /** Calls window.hearthHarness[name](...args) in the page. */
  const call = <T>(name: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(
      ([n, a]) => (window as unknown as { hearthHarness: Harness }).hearthHarness[n as string]!(...(a as unknown[])),
      [name, args] as const,
    ) as Promise<T>;

  const hearth = useHearthInChromium({
    server: async () => {
      const appDir = await ensureHarnessBuilt();
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-engines-e2e-'));
      const models = generateContractModels({ outDir: path.join(tmp, 'packs') });
      return {
        args: [
          '--app-dir',
          appDir,
          '--manifest',
          models.manifestPath,
          '--model-path',
          models.outDir,
          '--models-dir',
          path.join(tmp, 'models'),
        ],
      };
    },
    cleanup: () => {
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    },
  });

  beforeAll(async () => {
    ({ page, recorder, problems } = await hearth.openPage());
    await page.goto(`${hearth.server.url}/engines.html`);
    await page.waitForFunction(
      () => (window as unknown as { hearthHarness?: { ready?: boolean } }).hearthHarness?.ready === true,
    );
  });

  // Before useHearthInChromium's afterAll closes Chromium (vitest runs afterAll hooks last-registered first).
  afterAll(async () => {
    if (page) await call('disposeAll').catch(() => undefined);
  });

  it('runs cross-origin isolated, and picks WASM when WebGPU is software-only or absent', async () => {
    expect(await call('crossOriginIsolated')).toBe(true);
    const choice = await call<{ backend: string; reason: string }>('chooseBackend', 'auto');
    expect(choice.backend).toBe('wasm');
    expect(choice.reason).toMatch(/software WebGPU adapter|no WebGPU adapter/);
  });

  it('Whisper (transformers.js, worker, WASM): a flite utterance gives the fixed phrase, silence gives nothing, abort rejects', async () => {
    const loaded = await call<{
      info: { backend: string; engine: string; model: string; detail: string };
      progress: { stage: string }[];
    }>('loadWhisper', 'whisper-contract', 'wasm');
    expect(loaded.info).toMatchObject({ backend: 'wasm', engine: 'transformers.js', model: 'whisper-contract' });
    expect(loaded.info.detail).toMatch(/thread/);
    expect(loaded.progress.map((p) => p.stage)).toEqual(
      expect.arrayContaining(['Downloading onnx/decoder_model_merged_quantized.onnx', 'Ready']),
    );
    // On the CPU, onnxruntime's plain build (14 MB), not the 27 MB asyncify one its WebGPU bundle
    // would pick: the plain one starts in about half the time.
    const ortFiles = recorder.requests.map((r) => new URL(r.url).pathname).filter((p) => /\/ort-wasm-/.test(p));
    expect(ortFiles.some((p) => /\/ort-wasm-simd-threaded-[\w-]+\.wasm$/.test(p))).toBe(true);
    expect(ortFiles.filter((p) => p.includes('asyncify'))).toEqual([]);

    const utterance = readWav(makeUtteranceWav('Tell me a story about a brave turtle.'));
    expect(utterance.sampleRate).toBe(16000);
    const heard = await call<{ ok: boolean; value: { text: string } }>('transcribe', Array.from(utterance.samples));
    expect(heard).toEqual({ ok: true, value: { text: WHISPER_SPEECH_PHRASE.trim(), language: 'en' } });

    const silence = await call<{ ok: boolean; value: { text: string } }>('transcribe', new Array(16000).fill(0));
    expect(silence.value.text).toBe('');

    const aborted = await call<{ ok: boolean; name: string }>('transcribe', Array.from(utterance.samples), 0);
    expect(aborted).toMatchObject({ ok: false, name: 'AbortError' });
    // The engine stays usable after an abort.
    expect((await call<{ value: { text: string } }>('transcribe', Array.from(utterance.samples))).value.text).toBe(
      WHISPER_SPEECH_PHRASE.trim(),
    );
  });

  it('Piper (onnxruntime-web + espeak-ng WASM, worker): streams non-silent 22050 Hz PCM that grows with the text', async () => {
    const loaded = await call<{
      info: { backend: string; engine: string };
      sampleRate: number;
      progress: { stage: string }[];
    }>('loadPiper', 'piper-contract');
    expect(loaded.sampleRate).toBe(22050);
    expect(loaded.info).toMatchObject({ backend: 'wasm', engine: 'onnxruntime-web' });
    expect(loaded.progress.map((p) => p.stage)).toEqual(expect.arrayContaining(['Downloading voice.onnx', 'Ready']));

    type Synth = { outcome: string; chunks: number[]; samples: number; peak: number; rms: number; sampleRate: number };
    const short = await call<Synth>('synthesize', 'Hello.');
    const long = await call<Synth>(
      'synthesize',
      'Once upon a time, a brave little turtle swam all the way across the wide blue sea to visit the moon and the stars.',
    );
    expect(short.outcome).toBe('done');
    expect(short.sampleRate).toBe(22050);
    expect(short.peak).toBeGreaterThan(0.3);
    expect(short.rms).toBeGreaterThan(0.1);
    expect(long.samples).toBeGreaterThan(short.samples * 5);
    // Long sentences stream in chunks, the first one short so playback starts early.
    expect(long.chunks.length).toBeGreaterThan(2);
    expect(long.chunks[0]!).toBeLessThan(long.samples / 3);

    const faster = await call<Synth>('synthesize', 'Hello.', { rate: 2 });
    expect(faster.samples).toBeLessThan(short.samples * 0.6);

    const stopped = await call<Synth>('synthesize', 'One, two, three, four, five, six, seven, eight.', {
      stopAfterChunks: 1,
    });
    expect(stopped.outcome).toBe('AbortError');
    expect(stopped.chunks).toHaveLength(1);
  });

  it('embedder (transformers.js feature-extraction, worker): mean-pooled unit vectors whose similarity follows topics', async () => {
    const loaded = await call<{ info: { backend: string; engine: string }; dimensions: number }>(
      'loadEmbedder',
      'minilm-contract',
    );
    expect(loaded.info).toMatchObject({ backend: 'wasm', engine: 'transformers.js' });
    expect(loaded.dimensions).toBe(32);
    const [turtle, tortoise, moon, query, memory] = await call<number[][]>('embed', [
      'turtle',
      'tortoise',
      'moon',
      'tell me a story about a turtle',
      'my favourite animal is the tortoise',
    ]);
    for (const v of [turtle!, tortoise!, moon!]) expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    expect(dot(turtle!, tortoise!)).toBeGreaterThan(dot(turtle!, moon!) + 0.3);
    expect(dot(query!, memory!)).toBeGreaterThan(dot(query!, moon!));
  });

  it('made no request off the server origin and logged no errors', async () => {
    expect(recorder.requests.some((r) => r.url.includes('/models/whisper-contract/'))).toBe(true);
    expect(recorder.requests.some((r) => r.url.includes('.wasm'))).toBe(true);
    expect(recorder.offOrigin(hearth.server.url)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
