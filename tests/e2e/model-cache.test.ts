// The model download manager in Chromium against the real Hearth server, through a proxy that
// drops a connection midway or flips a byte (a real network fault; nothing in the browser is
// mocked): per-file progress up to 100 %, resume with a Range request, sha256 rejection, no
// second download on the next visit, and clearing from the Storage panel.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateContractModels } from '../../scripts/contract-models/generate.ts';
import { collectPageProblems, launchChromium } from '../helpers/browser.ts';
import { CORRUPT_AT_BYTE, startModelProxy, type ModelProxy } from '../helpers/model-proxy.ts';
import { PROJECT_ROOT, FIXTURE_MODELS, startHearthServer, type RunningServer } from '../helpers/server.ts';

const CONTRACT_DIR = path.join(PROJECT_ROOT, 'tests', '.tmp', 'model-cache-contract-models');
const STORIES = '/models/stories260K/stories260K.gguf';
const STORIES_DATA = fs.readFileSync(path.join(FIXTURE_MODELS, 'stories260K', 'stories260K.gguf'));
const STORIES_SHA256 = crypto.createHash('sha256').update(STORIES_DATA).digest('hex');
const STORIES_BYTES = STORIES_DATA.length;

interface ProgressSample {
  /** pack/path */
  path: string;
  status: string;
  bytes: number;
  total: number | null;
  percent: number;
}

/** Records every change of every file's progress row, polled from page start. */
function installProgressTrace(): void {
  const samples: ProgressSample[] = [];
  (window as unknown as { __progress: ProgressSample[] }).__progress = samples;
  const last = new Map<string, string>();
  setInterval(() => {
    for (const row of document.querySelectorAll<HTMLElement>('[data-testid="model-download-file"]')) {
      const bar = row.querySelector('[role="progressbar"]');
      const sample: ProgressSample = {
        path: `${row.dataset.pack ?? ''}/${row.dataset.path ?? ''}`,
        status: row.dataset.status ?? '',
        bytes: Number(row.dataset.bytes),
        total: row.dataset.total ? Number(row.dataset.total) : null,
        percent: Number(bar?.getAttribute('aria-valuenow')),
      };
      const key = JSON.stringify(sample);
      if (last.get(sample.path) !== key) {
        last.set(sample.path, key);
        samples.push(sample);
      }
    }
  }, 15);
}

interface CachedEntry {
  url: string;
  bytes: number;
  /** The digest Hearth recorded, and the digest of the body actually in the cache. */
  sha256: string | null;
  bodySha256: string;
  verified: string | null;
}

async function cachedModels(page: Page): Promise<CachedEntry[]> {
  return page.evaluate(async () => {
    if (!(await caches.has('hearth-models'))) return [];
    const cache = await caches.open('hearth-models');
    const out = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const body = await response!.arrayBuffer();
      const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', body));
      out.push({
        url: new URL(request.url).pathname,
        bytes: body.byteLength,
        sha256: response!.headers.get('x-hearth-sha256'),
        bodySha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
        verified: response!.headers.get('x-hearth-verified'),
      });
    }
    return out;
  });
}

/** Requests the download manager made: it asks with cache "no-store", which Chromium sends as no-cache. */
function managerRequests(proxy: ModelProxy, from = 0): ModelProxy['requests'] {
  return proxy.requests
    .slice(from)
    .filter((r) => r.path.startsWith('/models/') && r.headers['cache-control'] === 'no-cache');
}

async function openTalk(context: BrowserContext, proxy: ModelProxy): Promise<Page> {
  const page = await context.newPage();
  await page.goto(proxy.url);
  await page.locator('[data-testid="screen-talk"][data-engines-loading="false"]').waitFor({ timeout: 120_000 });
  return page;
}

describe('model download manager in Chromium', () => {
  let server: RunningServer;
  let proxy: ModelProxy;
  let browser: Browser;

  beforeAll(async () => {
    const generated = generateContractModels({ outDir: CONTRACT_DIR });
    server = await startHearthServer({
      args: ['--manifest', generated.manifestPath, '--model-path', [CONTRACT_DIR, FIXTURE_MODELS].join(path.delimiter)],
    });
    // The server answers Range requests for model files with 206 (what resuming relies on).
    const partial = await fetch(`${server.url}${STORIES}`, { headers: { Range: 'bytes=100-' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 100-${STORIES_BYTES - 1}/${STORIES_BYTES}`);
    await partial.arrayBuffer();
    proxy = await startModelProxy(server.url);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.stop();
  });

  it('shows per-file progress to 100 %, resumes a dropped download with a Range request, and keeps verified files', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(installProgressTrace);
    const problems: string[] = [];
    context.on('page', (p) => problems.push(...collectPageProblems(p)));
    // Slow enough that progress is seen along the way; the language model is cut after 40 %.
    proxy.throttleBytesPerSecond = 2_000_000;
    const cutAfter = Math.round(STORIES_BYTES * 0.4);
    proxy.rules.set(STORIES, { cutAfterBytes: cutAfter, cutTimes: 1 });
    const from = proxy.requests.length;
    try {
      const page = await openTalk(context, proxy);
      proxy.throttleBytesPerSecond = 0;
      // Memory search's embeddings load in the background once Talk is up: wait until the manager has
      // them in the cache (on a busy machine that can come well after the engines).
      const embeddingsDeadline = Date.now() + 120_000;
      while (
        !(await cachedModels(page)).some((c) => c.url.startsWith('/models/minilm-contract/')) &&
        Date.now() < embeddingsDeadline
      )
        await new Promise((r) => setTimeout(r, 250));

      const storiesRequests = managerRequests(proxy, from).filter((r) => r.path === STORIES);
      expect(
        storiesRequests.length,
        JSON.stringify(storiesRequests.map((r) => [r.range, r.status, r.bodyBytes, r.cut])),
      ).toBe(2);
      const [first, second] = storiesRequests;
      expect(first).toMatchObject({ range: null, status: 200, cut: true, bodyBytes: cutAfter });
      // The second request asks only for what is missing, and the server answers with part of the file.
      const resumeFrom = Number(/^bytes=(\d+)-$/.exec(second!.range ?? '')?.[1]);
      expect(resumeFrom).toBeGreaterThan(0);
      expect(resumeFrom).toBeLessThanOrEqual(cutAfter);
      expect(second).toMatchObject({ status: 206, cut: false, bodyBytes: STORIES_BYTES - resumeFrom });

      const progress = await page.evaluate(() => (window as unknown as { __progress: ProgressSample[] }).__progress);
      const stories = progress.filter((s) => s.path === 'stories260K/stories260K.gguf');
      const downloading = stories.filter((s) => s.status === 'downloading');
      expect(downloading.length, JSON.stringify(stories)).toBeGreaterThanOrEqual(3);
      for (const s of downloading) expect(s.total).toBe(STORIES_BYTES);
      // Bytes only go forward across the drop (the partial file is kept, not restarted).
      for (let i = 1; i < downloading.length; i++)
        expect(downloading[i]!.bytes).toBeGreaterThanOrEqual(downloading[i - 1]!.bytes);
      expect(downloading.some((s) => s.bytes > 0 && s.bytes < STORIES_BYTES)).toBe(true);
      const cached = await cachedModels(page);
      // Every file that was downloaded ended at 100 %. On Talk the panel goes away the moment the
      // last file is in (so "ready" never sits beside "getting ready"), so a file's last frame may
      // not be seen at 100 %: such a file must then be in the cache, whole and verified.
      const paths = [...new Set(progress.map((s) => s.path))];
      const cachedWhole = (p: string) => cached.some((c) => c.url === `/models/${p}` && c.bodySha256 === c.sha256);
      for (const p of paths) {
        const lastSeen = progress.filter((s) => s.path === p).at(-1);
        if (lastSeen?.status !== 'cached')
          expect(cachedWhole(p), `${p}: last seen ${JSON.stringify(lastSeen)}`).toBe(true);
        else expect(lastSeen, p).toMatchObject({ status: 'cached', percent: 100 });
      }
      expect(cachedWhole('stories260K/stories260K.gguf')).toBe(true);

      expect(cached.find((c) => c.url === STORIES)).toEqual({
        url: STORIES,
        bytes: STORIES_BYTES,
        sha256: STORIES_SHA256,
        bodySha256: STORIES_SHA256,
        verified: 'sha256',
      });
      for (const c of cached) expect(c.bodySha256, c.url).toBe(c.sha256);
      expect(cached.length, JSON.stringify({ cached: cached.map((c) => [c.url, c.verified]), paths })).toBe(
        paths.length,
      );
      // Every pack the page uses went through the manager: the engines' (contract Whisper, voice
      // detection, the classic voice) and memory search's embeddings, each checked on arrival.
      for (const prefix of [
        '/models/whisper-contract/',
        '/models/silero-vad-v5/',
        '/models/flite-classic/',
        '/models/minilm-contract/',
      ]) {
        expect(
          cached.some((c) => c.url.startsWith(prefix)),
          prefix,
        ).toBe(true);
      }
      for (const c of cached) expect(['sha256', 'size'], c.url).toContain(c.verified);

      // Next visit: nothing is downloaded again.
      const before = proxy.requests.length;
      await page.reload();
      await page.locator('[data-testid="screen-talk"][data-engines-loading="false"]').waitFor({ timeout: 120_000 });
      expect(managerRequests(proxy, before)).toEqual([]);
      const controlled = await page.evaluate(
        () => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined,
      );
      if (controlled) {
        // With the service worker in charge, the engines read the cached files too: no model request at all.
        expect(
          proxy.requests
            .slice(before)
            .filter((r) => r.path.startsWith('/models/'))
            .map((r) => r.path),
        ).toEqual([]);
      }
      expect(await page.getByTestId('model-downloads').count()).toBe(0);

      // The Storage panel lists what is kept, and clears one pack, then everything.
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-open-device').click();
      const packs = page.getByTestId('storage-pack');
      await packs.first().waitFor({ timeout: 15_000 });
      await page
        .getByTestId('storage-section')
        .screenshot({ path: path.join(PROJECT_ROOT, 'tests', '.tmp', 'model-cache-storage.png') });
      const packIds = await packs.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.pack));
      expect(packIds).toContain('stories260K');
      await page
        .locator('[data-testid="storage-pack"][data-pack="stories260K"]')
        .getByTestId('storage-clear-pack')
        .click();
      await page
        .locator('[data-testid="storage-pack"][data-pack="stories260K"]')
        .waitFor({ state: 'detached', timeout: 15_000 });
      const afterPackClear = await cachedModels(page);
      expect(afterPackClear.some((c) => c.url.startsWith('/models/stories260K/'))).toBe(false);
      expect(afterPackClear.length).toBe(cached.length - 1);
      await page.getByTestId('storage-clear-all').click();
      await page.getByTestId('storage-empty').waitFor({ timeout: 15_000 });
      expect(await cachedModels(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      proxy.rules.clear();
      proxy.throttleBytesPerSecond = 0;
      await context.close();
    }
  }, 240_000);

  it('rejects a file whose sha256 does not match, keeps nothing of it, and downloads it cleanly on resume', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(installProgressTrace);
    proxy.rules.set(STORIES, { corruptTimes: 1 });
    const damaged = Buffer.from(STORIES_DATA);
    damaged[CORRUPT_AT_BYTE] = damaged[CORRUPT_AT_BYTE]! ^ 0xff;
    const damagedSha256 = crypto.createHash('sha256').update(damaged).digest('hex');
    const from = proxy.requests.length;
    try {
      const page = await openTalk(context, proxy);
      const error = page.getByTestId('model-downloads-error');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.textContent()).toBe(
        `stories260K/stories260K.gguf arrived damaged (sha256 ${damagedSha256.slice(0, 12)}…, the home server lists ${STORIES_SHA256.slice(0, 12)}…), so it was not kept.`,
      );
      expect(
        await page
          .locator('[data-testid="model-download-file"][data-path="stories260K.gguf"]')
          .getAttribute('data-status'),
      ).toBe('failed');
      // The damaged bytes are nowhere in the cache. (The engines still load: the language model
      // fetches the file itself, and the service worker may keep that clean copy.)
      const cached = await cachedModels(page);
      const stories = cached.find((c) => c.url === STORIES);
      if (stories) expect(stories.bodySha256).toBe(STORIES_SHA256);
      expect(cached.length).toBeGreaterThan(0); // the other files were kept
      // Only one try was corrupted: resume gets a good copy, without resuming from the bad bytes.
      await page.screenshot({ path: path.join(PROJECT_ROOT, 'tests', '.tmp', 'model-cache-damaged.png') });
      await page.getByTestId('model-downloads-resume').click();
      await page.getByTestId('model-downloads').waitFor({ state: 'detached', timeout: 30_000 });
      expect((await cachedModels(page)).find((c) => c.url === STORIES)).toMatchObject({
        bytes: STORIES_BYTES,
        sha256: STORIES_SHA256,
        bodySha256: STORIES_SHA256,
        verified: 'sha256',
      });
      const storiesRequests = managerRequests(proxy, from).filter((r) => r.path === STORIES);
      expect(storiesRequests.length).toBeGreaterThanOrEqual(1);
      for (const r of storiesRequests) expect(r.range).toBeNull();
    } finally {
      proxy.rules.clear();
      await context.close();
    }
  }, 180_000);
});
