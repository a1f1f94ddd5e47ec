// The Library screen in Chromium against the real server: the starter library is listed, a search
// runs in the page (the minilm-contract pack embedded by the browser embedder in its worker,
// searched in the server-built Voy index), a story plays through the media player and is heard at
// the output tap, the mini player stops it, and nothing leaves the server's origin. Then the cards:
// every item has a picture (a just-uploaded song its cover from its tags, the rest one made in the
// page), the upload is on the "New this week" shelf, and a heart survives a reload.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { generateContractModels } from '../../scripts/contract-models/generate.ts';
import { MINILM_PACK_ID } from '../../scripts/contract-models/minilm.ts';
import { addAudioTap, audibleMs, readTap, waitForOutputMs } from '../helpers/audio-tap.ts';
import { taggedMp3, TINY_PNG } from '../helpers/tagged-mp3.ts';
import { collectPageProblems, launchChromium, RequestRecorder } from '../helpers/browser.ts';
import { startHearthServer, starterCache, type RunningServer } from '../helpers/server.ts';

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
    const mediaDir = path.join(tmp, 'media');
    fs.cpSync(await starterCache(), mediaDir, { recursive: true });
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

  it('shows picture cards, the new upload on the New shelf, and keeps a favourite over a reload', async () => {
    // A parent adds a song whose tags carry a cover picture.
    const json = { 'content-type': 'application/json' };
    const pin = await fetch(`${server.url}/api/admin/pin`, { method: 'POST', headers: json, body: '{"pin":"2468"}' });
    expect(pin.ok).toBe(true);
    const session = await fetch(`${server.url}/api/admin/session`, {
      method: 'POST',
      headers: json,
      body: '{"pin":"2468"}',
    });
    const { token } = (await session.json()) as { token: string };
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(taggedMp3({ title: 'Moon Lullaby', picture: TINY_PNG }))]),
      'moon.mp3',
    );
    const upload = await fetch(`${server.url}/api/catalog/items`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const uploaded = ((await upload.json()) as { item: { id: string; coverUrl: string } }).item;

    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const recorder = new RequestRecorder(context);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(`${server.url}/#/library`);
    const items = page.getByTestId('library-items').getByTestId('library-item');
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(10);

    // The New shelf holds the upload only (the starter library is not "new"), with its badge.
    const shelf = page.getByTestId('library-new');
    await shelf.waitFor();
    expect(await shelf.getByTestId('library-new-item').evaluateAll((els) => els.map((e) => e.dataset.title))).toEqual([
      'Moon Lullaby',
    ]);
    expect(await shelf.getByTestId('library-new-badge').textContent()).toBe('New');
    const moon = items.and(page.locator('[data-title="Moon Lullaby"]'));
    expect(await moon.getAttribute('data-new')).toBe('true');
    expect(await items.and(page.locator('[data-new="true"]')).count()).toBe(1);

    // Every card has a picture that loaded: the upload's cover from its tags, the others made here.
    const pictures = () =>
      page
        .getByTestId('library-items')
        .getByTestId('library-cover')
        .evaluateAll((imgs) =>
          (imgs as HTMLImageElement[]).map((img) => ({
            loaded: img.complete && img.naturalWidth > 0,
            fromTags: img.dataset.fromTags === 'true',
            src: img.getAttribute('src') ?? '',
          })),
        );
    await expect.poll(async () => (await pictures()).every((p) => p.loaded), { timeout: 20_000 }).toBe(true);
    const shown = await pictures();
    expect(shown).toHaveLength(10);
    expect(shown.filter((p) => p.fromTags).map((p) => p.src)).toEqual([uploaded.coverUrl]);
    const generated = shown.filter((p) => !p.fromTags).map((p) => p.src);
    expect(generated.every((src) => src.startsWith('data:image/svg+xml'))).toBe(true);
    expect(new Set(generated).size).toBe(9); // a picture of its own for each item
    const cover = recorder.requests.find((r) => r.url.endsWith(uploaded.coverUrl));
    expect(cover, 'the cover was fetched from Hearth').toBeDefined();

    // A heart on the star song, the Favourites filter shows it alone, and it is still there after a reload.
    const star = items.and(page.locator('[data-title="Twinkle Twinkle Little Star"]'));
    const heart = star.getByTestId('library-favourite');
    expect(await heart.getAttribute('aria-pressed')).toBe('false');
    await heart.click();
    await expect.poll(() => heart.getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('library-kind-favourites').click();
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getAttribute('data-title')).toBe('Twinkle Twinkle Little Star');

    await page.reload();
    await page.getByTestId('screen-library').waitFor();
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(10);
    await expect.poll(() => star.getAttribute('data-favourite')).toBe('true');
    expect(await star.getByTestId('library-favourite').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('library-kind-favourites').click();
    await expect.poll(() => items.count()).toBe(1);
    // Unheart it: the Favourites list says how to add one.
    await items.first().getByTestId('library-favourite').click();
    await page.getByTestId('library-no-favourites').waitFor();

    // Nothing scrolls sideways on the phone with the shelf and the cards.
    await page.getByTestId('library-kind-all').click();
    await expect.poll(() => items.count()).toBe(10);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    expect(recorder.offOrigin(server.url)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
