import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectPageProblems, launchChromium } from '../helpers/browser.ts';
import { PROJECT_ROOT, startHearthServer, type RunningServer } from '../helpers/server.ts';
import { waitFor } from './voice-helpers.ts';

// "A new version is ready": the server's app folder is a copy of the build, so the test can
// deploy a new service worker into it while the page is open (a real sw.js with different
// bytes, as any new build has). The real workbox-window in the page must notice the waiting
// worker, offer "Reload", and only then switch to it and reload.

const BUILT_APP = path.resolve(PROJECT_ROOT, process.env.HEARTH_APP_DIR ?? 'dist');

/** A throwaway app folder: copies of the small top-level files, the big assets/ folder linked. */
function copyOfBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-app-update-'));
  for (const entry of fs.readdirSync(BUILT_APP)) {
    const from = path.join(BUILT_APP, entry);
    if (entry === 'assets') fs.symlinkSync(from, path.join(dir, entry), 'dir');
    else fs.cpSync(from, path.join(dir, entry), { recursive: true });
  }
  return dir;
}

describe('update prompt in Chromium', () => {
  let appDir: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(BUILT_APP, 'sw.js')))
      throw new Error(`${BUILT_APP} has no sw.js: build the app first (vite build)`);
    appDir = copyOfBuild();
    server = await startHearthServer({ env: { HEARTH_APP_DIR: appDir } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (appDir) fs.rmSync(appDir, { recursive: true, force: true });
  });

  it('shows "A new version of Hearth is ready" when a new service worker waits, and Reload switches to it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    const firstWorker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(await page.getByTestId('update-banner').count()).toBe(0);

    // Deploy: the new build's service worker differs from the running one.
    const swFile = path.join(appDir, 'sw.js');
    fs.writeFileSync(swFile, `${fs.readFileSync(swFile, 'utf8')}\n// deployed ${Date.now()}\n`);

    // A reload checks for a new version; it installs and waits (the old one keeps control).
    await page.reload();
    const banner = page.getByTestId('update-banner');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.textContent()).toMatch(/a new version of hearth is ready/i);
    const waiting = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: registration?.waiting?.state ?? null, controlled: navigator.serviceWorker.controller !== null };
    });
    expect(waiting).toEqual({ waiting: 'installed', controlled: true });

    // Reload: the waiting version takes over and the page reloads into it, once.
    await page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true));
    await page.getByTestId('update-reload').click();
    await waitFor(
      async () =>
        (await page
          .evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)
          .catch(() => true)) !== true,
      'the page to reload',
      30_000,
    );
    await page.getByTestId('screen-talk').waitFor();
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: registration?.waiting ?? null, active: registration?.active?.state ?? null };
    });
    expect(after).toEqual({ waiting: null, active: 'activated' });
    expect(firstWorker).toBe(`${server.url}/sw.js`);
    expect(await page.getByTestId('update-banner').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
