// No screen scrolls sideways on a 360 px phone: each one (Settings unlocked, a toy's editor open)
// is as wide as the viewport, and nothing sticks out past its right edge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import type { RunningServer } from '../helpers/server.ts';
import { openScreen, SCREENS, startScreensServer } from './screens-helpers.ts';

describe('layout at 360 px', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startScreensServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('no screen scrolls sideways', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const wide: Record<string, unknown> = {};
    for (const screen of SCREENS) {
      await openScreen(page, server.url, screen);
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        // What sticks out, to say where to look when this fails.
        const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && box.right > width + 1;
          })
          .slice(0, 5)
          .map(
            (el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}.${el.className}`,
          );
        return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
      });
      if (overflow.scrollWidth > overflow.width || overflow.culprits.length > 0) wide[screen] = overflow;
    }
    expect(wide).toEqual({});
    await context.close();
  });
});
