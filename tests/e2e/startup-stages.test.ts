// Startup in stages: Hearth listens as soon as voice detection is in, while the language model is
// still loading; a turn then waits only for what it needs. Real server, real Chromium, the real
// engines (Silero VAD, contract Whisper, stories260K, classic voice). The language model's file is
// held back at the network (page.route) until the test has seen Hearth listening (or, on a first
// visit, speech recognition loaded from its own kept pack). Voice detection
// starts before the app mounts (prewarmSileroVad in main.ts): its worker starts onnxruntime at once,
// and on a later visit, with the models kept on this device, loads the cached voice-detection model
// itself, so the engine's own load finds it ready; the page's performance marks say what ran.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { generateContractModels } from '../../scripts/contract-models/generate.ts';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { FIXTURE_MODELS, PROJECT_ROOT } from '../helpers/server.ts';

const CONTRACT_DIR = path.join(PROJECT_ROOT, 'tests', '.tmp', 'startup-contract-models');

interface VadMarks {
  prewarm: number | null;
  quickReady: number | null;
  warm: { ortStartMs: number; modelLoaded: boolean } | null;
  start: number | null;
  ready: { modelFetchMs: number; sessionMs: number } | null;
}

/** Plain JS text: tsx would wrap named functions with a helper the page lacks. */
const READ_MARKS = `(() => {
  const at = (name) => performance.getEntriesByName(name, 'mark')[0];
  return {
    prewarm: at('hearth:vad:prewarm')?.startTime ?? null,
    quickReady: at('hearth:vad:quick-ready')?.startTime ?? null,
    warm: at('hearth:vad:warm')?.detail ?? null,
    start: at('hearth:vad:start')?.startTime ?? null,
    ready: at('hearth:vad:ready')?.detail ?? null,
  };
})()`;

async function listening(page: Page): Promise<VadMarks> {
  await page.locator('[data-testid="screen-talk"][data-can-listen="true"]').waitFor({ timeout: 120_000 });
  return (await page.evaluate(READ_MARKS)) as VadMarks;
}

/** Every engine in, Silero included (it takes over from the quick detector). */
async function voiceReady(page: Page): Promise<VadMarks> {
  await page.locator('[data-testid="screen-talk"][data-engines-loading="false"]').waitFor({ timeout: 180_000 });
  return (await page.evaluate(READ_MARKS)) as VadMarks;
}

/**
 * Lets the first `letThrough` fetches matching `glob` through and holds every later one until
 * `release`. For a model's files, one goes through: the download manager keeps them on this
 * device, and the engine's own load is what waits.
 */
async function holdFetches(
  context: BrowserContext,
  glob: string,
  letThrough: number,
): Promise<{ heldCount: () => number; release: () => Promise<void> }> {
  const held: Route[] = [];
  let released = false;
  let fetches = 0;
  await context.route(glob, async (route) => {
    fetches++;
    if (fetches <= letThrough || released) await route.continue();
    else held.push(route);
  });
  return {
    heldCount: () => held.length,
    release: async () => {
      released = true;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

describe('startup stages in Chromium', () => {
  const hearth = useHearthInChromium({
    server: () => {
      const generated = generateContractModels({ outDir: CONTRACT_DIR });
      return {
        args: [
          '--manifest',
          generated.manifestPath,
          '--model-path',
          [CONTRACT_DIR, FIXTURE_MODELS].join(path.delimiter),
        ],
      };
    },
  });

  it('listens while the language model is still loading, and is fully ready once it loads', async () => {
    // No service worker, so every fetch of the model file goes through the route below.
    const { page, context, problems } = await hearth.openPage({
      context: { serviceWorkers: 'block', viewport: { width: 1280, height: 900 } },
    });
    // The first fetch keeps the file on this device (the download manager); the engine's own load
    // comes after: that one waits.
    const model = await holdFetches(context, '**/models/stories260K/**', 1);
    await page.goto(hearth.server.url);
    const talk = page.getByTestId('screen-talk');
    await page.locator('[data-testid="screen-talk"][data-can-listen="true"]').waitFor({ timeout: 120_000 });
    await expect.poll(() => model.heldCount(), { timeout: 120_000 }).toBeGreaterThan(0);

    await page.getByTestId('talk-orb').click();
    await page.locator('.orb-wrap[data-state="listening"]').waitFor({ timeout: 60_000 });
    // Listening, with the language model's file still held: it cannot have loaded.
    expect(await talk.getAttribute('data-engines-loading')).toBe('true');

    await model.release();
    await page.locator('[data-testid="screen-talk"][data-engines-loading="false"]').waitFor({ timeout: 120_000 });
    expect(problems).toEqual([]);
  });

  it('on a first visit, speech recognition loads while the language model is still downloading', async () => {
    // With the service worker: an engine starts on its own kept pack once the new worker controls
    // the page (before that it would download the pack a second time).
    const { page, context, problems } = await hearth.openPage({ context: { viewport: { width: 1280, height: 900 } } });
    // Every fetch of the language model's file waits, the download manager's keeping it included:
    // its pack cannot be kept, and an engine that waited for every pack could not start.
    const model = await holdFetches(context, '**/models/stories260K/**', 0);
    await page.goto(hearth.server.url);
    await expect.poll(() => model.heldCount(), { timeout: 120_000 }).toBeGreaterThan(0);
    const marks = (name: string): Promise<number> =>
      page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)}, 'mark').length`) as Promise<number>;
    await expect.poll(() => marks('hearth:engine:stt:ready'), { timeout: 180_000 }).toBe(1);
    expect(await marks('hearth:engines:packs-kept')).toBe(0);
    expect(await marks('hearth:engine:llm:start')).toBe(0);
    expect(await page.getByTestId('screen-talk').getAttribute('data-engines-loading')).toBe('true');
    expect(await page.evaluate('navigator.serviceWorker.controller !== null')).toBe(true);

    await model.release();
    expect((await voiceReady(page)).ready).not.toBeNull();
    expect(await marks('hearth:engines:packs-kept')).toBe(1);
    expect(problems).toEqual([]);
  });

  it('listens before the server has said which models it has', async () => {
    const { page, context, problems } = await hearth.openPage({
      context: { serviceWorkers: 'block', viewport: { width: 1280, height: 900 } },
    });
    const modelsList = await holdFetches(context, '**/api/models', 0);
    await page.goto(hearth.server.url);
    const marks = await listening(page);
    expect(marks.quickReady).not.toBeNull();
    // The list of models is held: the engines cannot have been planned.
    await expect.poll(() => modelsList.heldCount(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(`performance.getEntriesByName('hearth:engines:planned').length`)).toBe(0);

    await modelsList.release();
    expect((await voiceReady(page)).ready).not.toBeNull();
    expect(problems).toEqual([]);
  });

  it('listens on the WebRTC voice detection while Silero loads, and hands over to Silero once it is in', async () => {
    const { page, context, problems } = await hearth.openPage({
      context: { serviceWorkers: 'block', viewport: { width: 1280, height: 900 } },
    });
    // Silero's model file is held at the network once the download manager has kept it on this
    // device (its fetch comes first; the engines load after): Silero cannot load until released.
    const model = await holdFetches(context, '**/models/silero-vad-v5/**', 1);
    await page.goto(hearth.server.url);
    const marks = await listening(page);
    await expect.poll(() => model.heldCount(), { timeout: 120_000 }).toBeGreaterThan(0);
    expect(marks.quickReady).not.toBeNull();
    expect(((await page.evaluate(READ_MARKS)) as VadMarks).ready).toBeNull();
    await page.getByTestId('talk-orb').click();
    await page.locator('.orb-wrap[data-state="listening"]').waitFor({ timeout: 60_000 });
    // Not fully ready while the better voice detection is still on its way.
    expect(await page.getByTestId('screen-talk').getAttribute('data-engines-loading')).toBe('true');

    await model.release();
    expect((await voiceReady(page)).ready).not.toBeNull();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-open-device').click();
    expect(await page.getByTestId('engine-vad-info').textContent()).toMatch(/onnxruntime-web.*silero-vad-v5/s);
    expect(problems).toEqual([]);
  });

  it('starts onnxruntime before the app asks for it, and on a later visit loads the cached model itself', async () => {
    const { page, problems } = await hearth.openPage({ context: { viewport: { width: 1280, height: 900 } } });
    await page.goto(hearth.server.url);
    const first = await voiceReady(page);
    // First visit: the warm-up started onnxruntime before the engine hub asked for voice detection
    // (with its tiny model, unless the download manager had already kept the real one).
    expect(first.prewarm).not.toBeNull();
    expect(first.start).not.toBeNull();
    expect(first.prewarm!).toBeLessThan(first.start!);
    expect(first.warm).not.toBeNull();

    await page.reload();
    const second = await voiceReady(page);
    expect(second.warm?.modelLoaded).toBe(true);
    // The engine's load found that model ready in the worker it took: no second fetch or session.
    expect(second.ready).toEqual({ ...second.ready, modelFetchMs: 0, sessionMs: 0 });
    // And it listens: the microphone opens on voice detection from that worker.
    await page.getByTestId('talk-orb').click();
    await page.locator('.orb-wrap[data-state="listening"]').waitFor({ timeout: 60_000 });
    expect(problems).toEqual([]);
  });

  it('does not start voice detection for a page that opens elsewhere, and listens once Talk is opened', async () => {
    const { page, problems } = await hearth.openPage({ context: { viewport: { width: 1280, height: 900 } } });
    await page.goto(`${hearth.server.url}/#/library`);
    await page.getByTestId('screen-library').waitFor();
    expect(((await page.evaluate(READ_MARKS)) as VadMarks).prewarm).toBeNull();

    await page.getByTestId('nav-talk').click();
    expect((await listening(page)).quickReady).not.toBeNull();
    await page.getByTestId('talk-orb').click();
    await page.locator('.orb-wrap[data-state="listening"]').waitFor({ timeout: 60_000 });
    // Silero loads then, in a worker of its own: no early start was made for this page.
    const marks = await voiceReady(page);
    expect(marks.prewarm).toBeNull();
    expect(marks.ready).not.toBeNull();
    expect(problems).toEqual([]);
  });
});
