// Search by meaning with no model installed, in the Library screen in Chromium: a fresh server
// (starter library, no packs) builds the full-text index with related words from WordNet, the
// page loads it, and the Library's own placeholder examples find what they mean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectPageProblems, launchChromium } from '../helpers/browser.ts';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';

interface CatalogInfo {
  phase: string;
  items: unknown[];
  index: { model: string | null } | null;
  text: { url: string } | null;
}

describe('Library search by meaning with no models installed', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startHearthServer({
      args: process.env.HEARTH_E2E_APP_DIR ? ['--app-dir', process.env.HEARTH_E2E_APP_DIR] : [],
    });
    // Ready once scanned and the full-text index is built (no embeddings pack: model stays null).
    for (;;) {
      const info = (await (await fetch(`${server.url}/api/catalog`)).json()) as CatalogInfo;
      if (info.phase === 'ready' && info.items.length === 9 && info.text !== null && info.index?.model === null) break;
      await new Promise((resolve) => setTimeout(resolve, 250)); // polling the server; the hook's timeout bounds it
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('"a story about a turtle" and "tortoise" find the fable; "a song about the moon" finds the star song', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    const textIndexLoaded = page.waitForResponse((r) => /\/api\/catalog\/index\/text-[0-9a-f]+\.json$/.test(r.url()));
    await page.goto(`${server.url}/#/library`);
    await page.getByTestId('screen-library').waitFor();
    expect((await textIndexLoaded).status()).toBe(200);
    const items = page.getByTestId('library-items').getByTestId('library-item');
    await expect.poll(() => items.count(), { timeout: 60_000 }).toBe(9);

    const search = async (query: string) => {
      await page.getByTestId('library-search').fill(query);
      await page.getByTestId('library-search-submit').click();
    };
    for (const [query, title] of [
      ['a story about a turtle', 'The Tortoise and the Hare'],
      ['tortoise', 'The Tortoise and the Hare'],
      ['a song about the moon', 'Twinkle Twinkle Little Star'],
    ] as const) {
      // A search that finds nothing first, so the list below is this query's answer, not the last one's.
      await search('qwxz');
      await page.getByTestId('library-no-results').waitFor({ timeout: 30_000 });
      await search(query);
      await page.getByTestId('library-no-results').waitFor({ state: 'detached', timeout: 30_000 });
      await expect.poll(() => items.first().getAttribute('data-title'), { timeout: 30_000 }).toBe(title);
      // The related words lead to what was meant, not to everything.
      await expect.poll(() => items.count(), { timeout: 30_000 }).toBeLessThan(9);
    }
    expect(await page.getByTestId('library-search-mode').textContent()).toMatch(/related words/);
    expect(await page.getByTestId('library-no-results').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
