// axe-core finds no violations on any screen at phone and laptop sizes (Settings unlocked, a
// toy's editor open), and a screenshot of each screen at 390, 820 and 1440 px is saved under
// tests/.tmp/screens/ for people to review.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import type { RunningServer } from '../helpers/server.ts';
import { openScreen, SCREENS, SCREENSHOTS, startScreensServer } from './screens-helpers.ts';

const SIZES = [
  { name: 'phone', width: 390, height: 844, axe: true },
  { name: 'tablet', width: 820, height: 1180, axe: false },
  { name: 'laptop', width: 1440, height: 900, axe: true },
] as const;

describe('accessibility (axe-core) and screenshots', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startScreensServer();
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const size of SIZES) {
    // A generous bound: eleven screens and pages, axe and full-page screenshots take minutes on a loaded 2-core box.
    it(
      `every screen at ${size.width} px${size.axe ? ' has no axe violations' : ''}`,
      { timeout: 720_000 },
      async () => {
        const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
        const page = await context.newPage();
        const found: string[] = [];
        for (const screen of SCREENS) {
          await openScreen(page, server.url, screen);
          await page.screenshot({ path: path.join(SCREENSHOTS, `${screen}-${size.width}.png`), fullPage: true });
          if (!size.axe) continue;
          const results = await new AxeBuilder({ page }).analyze();
          for (const v of results.violations) {
            const where = v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ');
            found.push(`${screen}: ${v.id} (${v.impact ?? 'n/a'}) ${v.help} — ${where}`);
          }
        }
        expect(found).toEqual([]);
        await context.close();
      },
    );
  }
});
