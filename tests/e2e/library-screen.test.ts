// The Library screen in Chromium against the real server: the starter library is listed, a search
// runs in the page (the minilm-contract pack embedded by the browser embedder in its worker,
// searched in the server-built Voy index), a story plays through the media player and is heard at
// the output tap, the mini player stops it, and nothing leaves the server's origin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { generateContractModels } from '../../scripts/contract-models/generate.ts';
import { MINILM_PACK_ID } from '../../scripts/contract-models/minilm.ts';
import { installStarterLibrary } from '../../server/catalog/starter/install-starter.ts';
import { addAudioTap, audibleMs, readTap, waitForOutputMs } from '../helpers/audio-tap.ts';
import { collectPageProblems, launchChromium, RequestRecorder } from '../helpers/browser.ts';
import { PROJECT_ROOT, startHearthServer, type RunningServer } from '../helpers/server.ts';

interface CatalogInfo {
  phase: string;
  items: { id: string; title: string }[];
  index: { model: string | null; url: string | null } | null;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('Library screen in Chromium', () => {
  let tmp: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-library-e2e-'));
    // The starter library is narrated once per machine (cached), then copied for this server.
    const cache = path.join(PROJECT_ROOT, 'tests', '.tmp', 'starter-media');
    await installStarterLibrary(cache);
    const mediaDir = path.join(tmp, 'media');
    fs.cpSync(cache, mediaDir, { recursive: true });
    const models = generateContractModels({ outDir: path.join(tmp, 'packs') });
    server = await startHearthServer({
      args: [
        '--media-dir',
        mediaDir,
        '--manifest',
        models.manifestPath,
        '--model-path',
        models.outDir,
        '--models-dir',
        path.join(tmp, 'models'),
        ...(process.env.HEARTH_E2E_APP_DIR ? ['--app-dir', process.env.HEARTH_E2E_APP_DIR] : []),
      ],
    });
    // Ready once scanned and indexed with the contract embeddings pack (verified in the background).
    await waitFor(async () => {
      const info = (await (await fetch(`${server.url}/api/catalog`)).json()) as CatalogInfo;
      return info.phase === 'ready' && info.index?.model === MINILM_PACK_ID && info.items.length === 9;
    }, 60_000);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('browses, searches by meaning in the page, plays a story at the output tap, and stops it', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    await addAudioTap(context);
    const recorder = new RequestRecorder(context);
    const page = await context.newPage();
    const problems = collectPageProblems(page);

    await page.goto(`${server.url}/#/library`);
    await page.getByTestId('screen-library').waitFor();
    const items = page.getByTestId('library-item');
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(9);
    expect(await page.getByTestId('library-items').textContent()).toContain('Twinkle Twinkle Little Star');

    // Browse: the kind filter.
    await page.getByTestId('library-kind-story').click();
    await expect.poll(() => items.count()).toBe(5);
    await page.getByTestId('library-kind-all').click();

    // "turtle" is in no title, tag or description: only the embeddings connect it to the tortoise.
    await page.getByTestId('library-search').fill('a story about a turtle');
    await page.getByTestId('library-search-submit').click();
    await expect
      .poll(() => items.first().getAttribute('data-title'), { timeout: 60_000 })
      .toBe('The Tortoise and the Hare');
    expect(await page.getByTestId('library-search-mode').textContent()).toMatch(/by meaning/);

    const startedAt = await page.evaluate(() => performance.now());
    await items.first().getByTestId('library-play').click();
    await page.getByTestId('mini-player').waitFor();
    expect(await page.getByTestId('mini-player-title').textContent()).toBe('The Tortoise and the Hare');
    await expect.poll(async () => audibleMs(await readTap(page), startedAt), { timeout: 15_000 }).toBeGreaterThan(1000);
    const tap = await readTap(page);
    expect(tap.mediaPlays.some((p) => /\/media\/[0-9a-f]{16}$/.test(p.src))).toBe(true);
    await expect.poll(() => page.getByTestId('mini-player').getAttribute('data-status')).toBe('playing');
    // The playing row says so; the mini player shows how far it is, in time and as a bar.
    expect(await items.first().getByTestId('library-playing').textContent()).toBe('Playing now');
    await expect
      .poll(async () => Number(await page.getByTestId('mini-player-progress').getAttribute('aria-valuenow')))
      .toBeGreaterThan(0);
    expect(await page.getByTestId('mini-player-time').textContent()).toMatch(/^\d+:\d\d \/ \d+:\d\d$/);
    // On a phone it is docked above the tab bar, in view wherever the page is scrolled.
    const laptop = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.mouse.wheel(0, 2000);
    const mini = (await page.getByTestId('mini-player').boundingBox())!;
    const tabBar = (await page.locator('nav').first().boundingBox())!;
    expect(mini.y + mini.height).toBeLessThanOrEqual(tabBar.y + 1);
    expect(mini.y).toBeGreaterThan(0);
    if (laptop) await page.setViewportSize(laptop);

    // Stop: the mini player disappears and the output falls silent.
    await page.getByTestId('mini-player-stop').click();
    await page.getByTestId('mini-player').waitFor({ state: 'detached' });
    const stoppedAt = await page.evaluate(() => performance.now());
    const heard = await waitForOutputMs(page, stoppedAt, 800);
    expect(audibleMs(heard, stoppedAt + 200)).toBe(0);

    await page.waitForLoadState('networkidle');
    expect(recorder.requests.some((r) => r.url.includes(`/models/${MINILM_PACK_ID}/`))).toBe(true);
    expect(recorder.requests.some((r) => r.url.includes('/api/catalog/index/'))).toBe(true);
    // The service worker keeps the versioned index (asked once more through it, now it controls the page).
    const indexKept = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const listing = (await (await fetch('/api/catalog', { cache: 'no-store' })).json()) as {
        index: { url: string | null } | null;
      };
      if (!listing.index?.url) return 'no index url';
      await fetch(listing.index.url);
      // The service worker stores it after answering (waitUntil), so give it a moment.
      let urls: string[] = [];
      for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
        urls = (await (await caches.open('hearth-catalog-index')).keys()).map((k) => k.url);
        if (urls.some((u) => u.endsWith(listing.index!.url!))) return 'kept';
        await new Promise((r) => setTimeout(r, 100));
      }
      return `not kept (controlled: ${String(Boolean(navigator.serviceWorker.controller))}): ${urls.join(', ')}`;
    });
    expect(indexKept).toBe('kept');
    expect(recorder.offOrigin(server.url)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
