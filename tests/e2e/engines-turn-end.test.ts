// The audio end-of-turn model (Smart Turn v3's contract) in real Chromium: the browser engine loads
// the generated contract pack (scripts/contract-models/smart-turn.ts: the real model's exact input
// and output; low frequencies dominant = finished, a high hiss = unfinished) from the real Hearth
// server's /models/ into its worker and runs it on onnxruntime-web's WASM. This proves the pipeline
// path (8 s window, Whisper log-mel features, the ONNX run, the probability back, one request at a
// time), not how well the real model judges speech. Then the app: a page's voice session loads it in
// the background and shows it ready in Settings, and keeps its file on the device for offline use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateContractModels } from '../../scripts/contract-models/generate.ts';
import { SMART_TURN_CONTRACT_FILE, SMART_TURN_CONTRACT_PACK_ID } from '../../scripts/contract-models/smart-turn.ts';
import type { RequestRecorder } from '../helpers/browser.ts';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { ensureHarnessBuilt } from '../harness/build.ts';

type Harness = Record<string, (...args: unknown[]) => Promise<unknown>>;
/** Sums of sines made in the page (tests/harness/turn-end.ts); a list plays one part after another. */
type Part = { partialsHz: number[]; gain: number; seconds: number };
type Sound = Part | Part[];
type Settled = { ok: true; value: number } | { ok: false; name: string; message: string };

const MODEL_PATH = `/models/${SMART_TURN_CONTRACT_PACK_ID}/${SMART_TURN_CONTRACT_FILE}`;
/** A low voiced sound: a 150 Hz hum with its harmonics up to 1.2 kHz (the contract reads it as finished). */
const hum = (seconds: number): Part => ({
  partialsHz: [150, 300, 450, 600, 750, 900, 1050, 1200],
  gain: 0.15,
  seconds,
});
/** A high hiss: partials from 3 to 7 kHz (the contract reads it as unfinished). */
const hiss = (seconds: number): Part => ({
  partialsHz: [3000, 3700, 4400, 5100, 5800, 6500, 7200],
  gain: 0.1,
  seconds,
});
const silence = (seconds: number): Part => ({ partialsHz: [], gain: 0, seconds });

function contractServer(prefix: string, appDir?: () => Promise<string>) {
  let tmp = '';
  return {
    server: async () => {
      const app = appDir ? ['--app-dir', await appDir()] : [];
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      const models = generateContractModels({ outDir: path.join(tmp, 'packs') });
      return {
        args: [
          ...app,
          // The manifest with the Smart Turn contract pack (the default one leaves it out).
          '--manifest',
          models.endOfTurnManifestPath,
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
  };
}

describe('Smart Turn contract model through onnxruntime-web in a worker (browser end-of-turn engine)', () => {
  const hearth = useHearthInChromium(contractServer('hearth-turn-end-e2e-', ensureHarnessBuilt));
  let page: Page;
  let recorder: RequestRecorder;
  let problems: string[];

  const call = <T>(name: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(
      ([n, a]) => (window as unknown as { hearthHarness: Harness }).hearthHarness[n as string]!(...(a as unknown[])),
      [name, args] as const,
    ) as Promise<T>;

  beforeAll(async () => {
    ({ page, recorder, problems } = await hearth.openPage({ reportHttpErrors: true }));
    await page.goto(`${hearth.server.url}/turn-end.html`);
    await page.waitForFunction(
      () => (window as unknown as { hearthHarness?: { ready?: boolean } }).hearthHarness?.ready === true,
    );
  });

  // Before useHearthInChromium's afterAll closes Chromium (vitest runs afterAll hooks last-registered first).
  afterAll(async () => {
    if (page) await call('dispose').catch(() => undefined);
  });

  it('loads smart-turn-v3.0.onnx of the contract pack from the server into its worker, reporting progress', async () => {
    const loaded = await call<{ id: string; info: Record<string, string>; progress: { stage: string }[] }>(
      'load',
      SMART_TURN_CONTRACT_PACK_ID,
    );
    expect(loaded.id).toBe(SMART_TURN_CONTRACT_PACK_ID);
    expect(loaded.info).toMatchObject({
      role: 'end-of-turn',
      engine: 'onnxruntime-web',
      model: SMART_TURN_CONTRACT_PACK_ID,
      backend: 'wasm',
    });
    const stages = loaded.progress.map((p) => p.stage);
    expect(stages[0]).toBe('Loading the end-of-turn model');
    expect(stages).toContain(`Downloading ${SMART_TURN_CONTRACT_FILE}`);
    expect(stages.at(-1)).toBe('Ready');
    expect(recorder.requests.filter((r) => r.url === hearth.server.url + MODEL_PATH)).toHaveLength(1);
    expect(recorder.requests.some((r) => r.url.endsWith('.wasm'))).toBe(true);
  });

  it('pipeline path: a low hum (150 Hz, harmonics to 1.2 kHz) reads finished (> 0.9), a high hiss (3–7 kHz) unfinished (< 0.1)', async () => {
    const [low, high] = await call<number[]>('probabilities', [hum(2), hiss(2)]);
    expect(low).toBeGreaterThan(0.9);
    expect(high).toBeLessThan(0.1);
  });

  it('pipeline path: only the last 8 s count, and a short utterance is padded with silence in front', async () => {
    // 10 s each, 6 s of silence between: the first 8 s and the last 8 s disagree.
    const sounds: Sound[] = [[hiss(2), silence(6), hum(2)], [hum(2), silence(6), hiss(2)], silence(1), hum(0.25)];
    const [lowEnd, highEnd, quiet, shortHum] = await call<number[]>('probabilities', sounds);
    expect(lowEnd).toBeGreaterThan(0.9);
    expect(highEnd).toBeLessThan(0.1);
    expect(quiet).toBeCloseTo(0.5, 1);
    // A quarter second of a hum still tips it: the padding does not drown it.
    expect(shortHum).toBeGreaterThan(0.6);
  });

  it('requests run one at a time: one given up while it waits is dropped, the others answer in order', async () => {
    const run = await call<{ first: Settled; dropped: Settled; third: Settled }>('queued', hum(1), hum(1), hiss(1));
    expect(run.dropped).toMatchObject({ ok: false, name: 'AbortError' });
    expect(run.first.ok && run.first.value).toBeGreaterThan(0.9);
    expect(run.third.ok && run.third.value).toBeLessThan(0.1);
  });

  it('made no request off the server origin and logged no errors', () => {
    expect(recorder.offOrigin(hearth.server.url)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('the app with an end-of-turn pack on the server (built app, contract packs)', () => {
  const hearth = useHearthInChromium(contractServer('hearth-turn-end-app-e2e-'));

  it('the voice session loads the end-of-turn model in the background, Settings shows it ready, and its file is kept for offline use', async () => {
    const { page, recorder, problems } = await hearth.openPage({ context: { viewport: { width: 1280, height: 900 } } });
    await page.goto(hearth.server.url);
    // Listening is not held up by it: voice detection is ready whatever the end-of-turn model does.
    await page.locator('[data-testid="screen-talk"][data-can-listen="true"]').waitFor({ timeout: 120_000 });

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-open-device').click();
    const row = page.getByTestId('engine-end-of-turn');
    await page.locator('[data-testid="engine-end-of-turn"][data-state="ready"]').waitFor({ timeout: 120_000 });
    expect(await row.locator('h3').textContent()).toBe('Knows when you’ve finished');
    await row.locator('summary').click();
    const info = (await page.getByTestId('engine-end-of-turn-info').textContent()) ?? '';
    expect(info).toContain('onnxruntime-web');
    expect(info).toContain(SMART_TURN_CONTRACT_PACK_ID);
    expect(recorder.requests.filter((r) => r.url === hearth.server.url + MODEL_PATH).length).toBeGreaterThan(0);

    // The model download manager keeps its file with the other engines' packs (an offline page still has it).
    await expect
      .poll(
        () =>
          page.evaluate(async (file) => {
            if (!(await caches.has('hearth-models'))) return false;
            const cache = await caches.open('hearth-models');
            return (await cache.keys()).some((request) => new URL(request.url).pathname === file);
          }, MODEL_PATH),
        { timeout: 60_000 },
      )
      .toBe(true);

    expect(recorder.offOrigin(hearth.server.url)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('loads the end-of-turn model once the server has checked its pack, when it was still checking it as the page opened', async () => {
    const { page, context, problems } = await hearth.openPage({ context: { viewport: { width: 1280, height: 900 } } });
    // The server's own hashing after start depends on the machine, so the first answers say so.
    let answers = 0;
    await context.route('**/api/models', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { roles: { role: string; status: string; packs: { state: string }[] }[] };
      if (++answers <= 2) {
        for (const role of body.roles.filter((r) => r.role === 'end-of-turn')) {
          role.status = 'verifying';
          for (const pack of role.packs) pack.state = 'verifying';
        }
      }
      await route.fulfill({ response, json: body });
    });
    await page.goto(hearth.server.url);
    await page.locator('[data-testid="screen-talk"][data-can-listen="true"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-open-device').click();
    await page.locator('[data-testid="engine-end-of-turn"][data-state="ready"]').waitFor({ timeout: 120_000 });
    expect(answers).toBeGreaterThan(2);
    expect(problems).toEqual([]);
  });
});
