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

  it('command boxes break lines between words, never inside one', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await openScreen(page, server.url, 'settings-advanced');
    await page.getByTestId('settings-advanced-toggle').click();
    await page.getByTestId('advanced-https').waitFor();
    const split = await page.evaluate(() => {
      const cut: string[] = [];
      for (const code of document.querySelectorAll<HTMLElement>('.copy code')) {
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          // Each word's boxes: a word cut in two lies on two lines (two boxes at different heights).
          for (const match of (text.textContent ?? '').matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (tops.size > 1) cut.push(match[0]);
          }
        }
      }
      return { cut, boxes: document.querySelectorAll('.copy code').length };
    });
    expect(split.boxes).toBeGreaterThan(1);
    expect(split.cut).toEqual([]);
    await context.close();
  });
});
