// Songs and stories by voice (typed here) on the Talk screen, in Chromium against the real server:
// the starter library, real wllama (stories260K) + the classic voice so the text box opens, the
// tell_story and stop direct commands, the shared media player heard at the output tap, and the
// mini player in the app layout. No embeddings pack: the story is found by its words.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addAudioTap, audibleMs, readTap, waitForOutputMs } from '../helpers/audio-tap.ts';
import { collectPageProblems, launchChromium, RequestRecorder } from '../helpers/browser.ts';
import { FIXTURE_MODELS, startHearthServer, starterCache, type RunningServer } from '../helpers/server.ts';
import { waitFor } from './voice-helpers.ts';

interface CatalogInfo {
  phase: string;
  items: { id: string; title: string }[];
}

describe('songs and stories by typed command in Chromium: tell_story → media player → output tap, then "stop"', () => {
  let tmp: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-library-voice-e2e-'));
    // The starter library is narrated once per machine (cached), then copied for this server.
    const mediaDir = path.join(tmp, 'media');
    fs.cpSync(await starterCache(), mediaDir, { recursive: true });
    server = await startHearthServer({
      args: [
        '--media-dir',
        mediaDir,
        '--model-path',
        FIXTURE_MODELS,
        ...(process.env.HEARTH_E2E_APP_DIR ? ['--app-dir', process.env.HEARTH_E2E_APP_DIR] : []),
      ],
    });
    await waitFor(
      async () => {
        const info = (await (await fetch(`${server.url}/api/catalog`)).json()) as CatalogInfo;
        return info.phase === 'ready' && info.items.some((i) => i.title === 'The Tortoise and the Hare');
      },
      'the starter library to be scanned',
      60_000,
      250,
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('plays the story asked for (heard at the tap, music ducked while Hearth speaks) and stops it on "stop"', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addAudioTap(context);
    const recorder = new RequestRecorder(context);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(server.url);
    await page.getByTestId('screen-talk').waitFor();

    const input = page.getByTestId('talk-text-input');
    await waitFor(() => input.isEnabled(), 'the text box to open (LLM + voice loaded)', 90_000);
    const replies = page.getByTestId('talk-line-hearth');

    const askedAt = await page.evaluate(() => performance.now());
    await input.fill('play the story about the tortoise and the hare');
    await page.getByTestId('talk-send').click();

    // Hearth says what it is about to play (the tool's own words: a direct command, no model).
    await replies.first().waitFor();
    await expect
      .poll(() => replies.first().locator('p').textContent(), { timeout: 30_000 })
      .toContain('The Tortoise and the Hare');

    // The mini player (in the app layout, on Talk) shows the story; Hearth's voice ducks it.
    const mini = page.getByTestId('mini-player');
    await mini.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('mini-player-title').textContent()).toBe('The Tortoise and the Hare');
    await expect.poll(() => mini.textContent(), { timeout: 10_000 }).toMatch(/quieter while talking/);
    await waitFor(
      async () => (await replies.first().getAttribute('data-live')) === 'false',
      'Hearth to finish its sentence',
      30_000,
    );
    await expect.poll(() => mini.textContent(), { timeout: 10_000 }).not.toMatch(/quieter while talking/);
    await expect.poll(() => mini.getAttribute('data-status'), { timeout: 15_000 }).toBe('playing');

    // The recorded story itself streams from the server and is heard at the output tap, after Hearth has finished speaking.
    const spokenAt = await page.evaluate(() => performance.now());
    await expect.poll(async () => audibleMs(await readTap(page), spokenAt), { timeout: 15_000 }).toBeGreaterThan(1_000);
    const tap = await readTap(page);
    expect(tap.mediaPlays.some((p) => p.at >= askedAt && /\/media\/[0-9a-f]{16}$/.test(p.src))).toBe(true);

    // "stop": a direct command; the story stops and, once Hearth has said so, the output is silent.
    await input.fill('stop');
    await page.getByTestId('talk-send').click();
    await waitFor(async () => (await replies.count()) === 2, 'the reply to "stop"', 30_000);
    await mini.waitFor({ state: 'detached', timeout: 10_000 });
    await waitFor(
      async () => (await replies.nth(1).getAttribute('data-live')) === 'false',
      'Hearth to finish saying it stopped',
      30_000,
    );
    expect(await replies.nth(1).locator('p').textContent()).toMatch(/stopped/i);
    const quietFrom = await page.evaluate(() => performance.now());
    const heard = await waitForOutputMs(page, quietFrom, 1_000);
    expect(audibleMs(heard, quietFrom + 200)).toBe(0);

    expect(recorder.offOrigin(server.url)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
