import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import {
  collectPageProblems,
  launchPersistentChromium,
  RequestRecorder,
  type PersistentChromium,
} from '../helpers/browser.ts';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';
import { waitFor } from './voice-helpers.ts';

// Installable PWA: Chromium's own installability check (it needs a persistent, non-incognito
// profile), the manifest as Chromium parsed it, the service worker serving the app shell, and
// the headers the server sends for the PWA files.
describe('installable PWA in Chromium', () => {
  let server: RunningServer;
  let chromium: PersistentChromium;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startHearthServer();
    chromium = await launchPersistentChromium();
    context = chromium.context;
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('has no installability or manifest errors, and a service worker that controls the page', async () => {
    const recorder = new RequestRecorder(context);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(server.url);
    await page.getByTestId('screen-talk').waitFor();

    // The first install takes over the open page (clientsClaim) and says it works offline now.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await page.getByTestId('offline-ready-toast').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => self.crossOriginIsolated), 'COOP/COEP still apply with the service worker').toBe(
      true,
    );

    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      url: string;
      errors: { message: string }[];
      data?: string;
    };
    expect(manifest.url).toBe(`${server.url}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? '{}') as Record<string, unknown>;
    expect(parsed).toMatchObject({
      name: 'Hearth',
      short_name: 'Hearth',
      id: '/',
      start_url: '/',
      scope: '/',
      display: 'standalone',
    });
    const icons = parsed.icons as { sizes: string; purpose: string; src: string }[];
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);

    // Chromium decides installability asynchronously (it fetches the icons too): poll until settled.
    let errors: { errorId: string }[] = [{ errorId: 'not-checked' }];
    await waitFor(
      async () => {
        errors = ((await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] })
          .installabilityErrors;
        return errors.length === 0;
      },
      'Chromium to find the app installable',
      30_000,
      500,
    ).catch(() => {});
    expect(errors).toEqual([]);

    // Every icon the manifest lists is a real PNG of the stated size.
    for (const icon of icons) {
      const size = await page.evaluate(async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        return `${bitmap.width}x${bitmap.height}`;
      }, icon.src);
      expect(size, icon.src).toBe(icon.sizes);
    }

    expect(recorder.offOrigin(server.url)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('serves the service worker and manifest fresh, hashed assets immutable, and keeps the CSP to its own origin', async () => {
    const head = async (path: string): Promise<Headers> => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      await response.arrayBuffer();
      return response.headers;
    };
    const sw = await head('/sw.js');
    expect(sw.get('content-type')).toMatch(/javascript/);
    expect(sw.get('cache-control')).toBe('no-cache');
    const swSource = await (await fetch(`${server.url}/sw.js`)).text();
    const workboxFile = /workbox-[\w-]+/.exec(swSource)?.[0];
    expect(workboxFile, 'sw.js imports its workbox runtime').toBeTruthy();
    expect((await head(`/${workboxFile}.js`)).get('cache-control')).toBe('no-cache');

    const manifest = await head('/manifest.webmanifest');
    expect(manifest.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(manifest.get('cache-control')).toBe('no-cache');

    const index = await (await fetch(server.url)).text();
    const asset = /\/assets\/index-[\w-]+\.js/.exec(index)?.[0];
    expect(asset).toBeTruthy();
    expect((await head(asset!)).get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await head('/icons/icon-512.png')).get('cache-control')).toBe('no-cache');

    const root = await head('/');
    expect(root.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(root.get('cross-origin-embedder-policy')).toBe('require-corp');
    const csp = root.get('content-security-policy') ?? '';
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).not.toMatch(/https?:\/\//);
  });
});
