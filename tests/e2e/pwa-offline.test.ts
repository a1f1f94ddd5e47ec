import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addAudioTap, audibleMs, readTap } from '../helpers/audio-tap.ts';
import { collectPageProblems, launchChromium, RequestRecorder } from '../helpers/browser.ts';
import { FIXTURE_MODELS, startHearthServer, type RunningServer } from '../helpers/server.ts';
import { waitFor } from './voice-helpers.ts';

// Offline: after one visit (the service worker caches the app, the model list, the model files
// and the engine WASM), Hearth opens and holds a conversation with the home server stopped. Real server (then really stopped), real service
// worker, real wllama (stories260K) and the real classic voice, heard at the output tap.

async function serviceWorkerControls(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
}

async function typingReady(page: Page): Promise<void> {
  await waitFor(
    () => page.getByTestId('talk-text-input').isEnabled(),
    'the text box to open (LLM + voice loaded)',
    90_000,
  );
}

describe('offline PWA in Chromium', () => {
  let server: RunningServer | null = null;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reloads from the service worker with the server stopped, says what is unavailable, and still answers a typed turn out loud', async () => {
    server = await startHearthServer({ args: ['--model-path', FIXTURE_MODELS] });
    const origin = server.url;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addAudioTap(context);
    const recorder = new RequestRecorder(context);
    const page = await context.newPage();
    const problems = collectPageProblems(page);

    // One visit online: the service worker installs and takes over the page; what the voice
    // loaded (model list, model files, engine WASM) ends up in its caches.
    await page.goto(origin);
    await serviceWorkerControls(page);
    await typingReady(page);
    const cached = async () =>
      page.evaluate(async () => {
        const paths = async (name: string) =>
          (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
        return {
          api: await paths('hearth-api'),
          models: await paths('hearth-models'),
          assets: await paths('hearth-assets'),
        };
      });
    await waitFor(
      async () => {
        const now = await cached();
        return (
          now.api.includes('/api/models') &&
          now.models.includes('/models/flite-classic/flite.wasm') &&
          now.models.includes('/models/stories260K/stories260K.gguf') &&
          now.assets.some((p) => /\/wllama-[\w-]+\.wasm$/.test(p))
        );
      },
      'the model list, the models and the engine WASM to be cached',
      60_000,
      500,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}\ncached: ${JSON.stringify(await cached())}`);
    });

    // The home server goes away.
    await server.stop();
    server = null;
    await page.reload();

    // The shell comes from the service worker and says plainly what needs the server.
    await page.getByTestId('screen-talk').waitFor();
    const status = page.getByTestId('server-status');
    await waitFor(async () => (await status.getAttribute('data-state')) === 'offline', 'the offline banner', 30_000);
    const statusText = (await status.textContent()) ?? '';
    expect(statusText).toMatch(/home server offline/i);
    expect(statusText).toMatch(/library/i);
    expect(statusText).toMatch(/toys/i);
    expect(await page.getByTestId('nav-library').getAttribute('data-needs-server')).toBe('unavailable');

    // A whole typed turn, with nothing but this browser.
    await typingReady(page);
    await page.getByTestId('talk-text-input').fill('Once upon a time');
    await page.getByTestId('talk-send').click();
    await page.getByTestId('talk-line-you').filter({ hasText: 'Once upon a time' }).waitFor();
    await page.getByTestId('talk-line-hearth').first().waitFor();
    await waitFor(
      async () => audibleMs(await readTap(page)) > 1_000,
      '1 s of the reply to be heard at the output tap',
      90_000,
    );
    const reply = ((await page.getByTestId('talk-line-hearth').first().locator('p').textContent()) ?? '').trim();
    expect(reply.split(/\s+/).length).toBeGreaterThan(2);

    // The screens whose code loads when first opened come from the service worker too.
    await page.getByTestId('nav-memory').click();
    await page.getByTestId('screen-memory').waitFor();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('screen-settings').waitFor();

    expect(recorder.offOrigin(origin)).toEqual([]);
    // Failed requests to the stopped server are expected console noise; nothing else is.
    expect(problems.filter((p) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(p))).toEqual([]);
    await context.close();
  }, 240_000);
});
