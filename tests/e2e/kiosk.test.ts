import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeWav } from '../../src/core/audio/wav.ts';
import { generateContractModels } from '../../scripts/contract-models/generate.ts';
import { collectPageProblems, launchChromium, RequestRecorder } from '../helpers/browser.ts';
import { PROJECT_ROOT, FIXTURE_MODELS, startHearthServer, type RunningServer } from '../helpers/server.ts';
import { waitFor } from './voice-helpers.ts';

// Kiosk mode with the real server and real engines (contract Whisper, so listening can start):
// `?kiosk` starts hands-free listening with no tap, keeps the screen on, goes full screen on the
// first touch, hides the navigation, refuses other screens,
// the back button and the context menu, survives a reload, and only the parent PIN (checked by
// the server) ends it; Settings (behind the PIN) starts it again. With no parent PIN set it
// cannot start at all: neither from `?kiosk` nor from Settings.

const TMP = path.join(PROJECT_ROOT, 'tests', '.tmp', 'kiosk-e2e');
const CONTRACT_DIR = path.join(TMP, 'contract-models');
const PIN = '2468';

/** A quiet room for the fake microphone: mono 16 kHz 16-bit silence. */
function silenceWav(seconds: number): string {
  const file = path.join(TMP, `silence-${seconds}s.wav`);
  if (fs.existsSync(file)) return file;
  const rate = 16_000;
  fs.writeFileSync(file, encodeWav(new Float32Array(rate * seconds), rate));
  return file;
}

async function inKiosk(page: Page): Promise<boolean> {
  return (await page.locator('.shell').getAttribute('data-kiosk')) === 'on';
}

describe('kiosk mode in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(TMP, { recursive: true });
    const generated = generateContractModels({ outDir: CONTRACT_DIR });
    server = await startHearthServer({
      args: ['--manifest', generated.manifestPath, '--model-path', [CONTRACT_DIR, FIXTURE_MODELS].join(path.delimiter)],
    });
    browser = await launchChromium({ fakeAudioCapture: silenceWav(120) });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Runs first: the server has no parent PIN yet.
  it('cannot be turned on while no parent PIN is set', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const problems = collectPageProblems(page);

    // `?kiosk` shows a full-screen notice instead of a kiosk anyone could leave: no listening.
    await page.goto(`${server.url}/?kiosk`);
    const notice = page.getByTestId('kiosk-needs-pin-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/parent PIN/);
    expect(await page.getByTestId('kiosk-listening').count()).toBe(0);
    expect(await page.getByTestId('kiosk-exit').count()).toBe(0);

    // It sends the parent to Settings, where the kiosk switch stays off until a PIN is set.
    await page.getByTestId('kiosk-needs-pin-settings').click();
    await page.getByTestId('screen-settings').waitFor();
    expect(await inKiosk(page)).toBe(false);
    await page.getByTestId('nav').waitFor();
    const toggle = page.getByTestId('kiosk-toggle');
    await page.getByTestId('kiosk-needs-pin').waitFor();
    expect(await page.getByTestId('kiosk-needs-pin').textContent()).toMatch(/Set an admin PIN first/);
    expect(await toggle.isDisabled()).toBe(true);
    await toggle.click({ force: true });
    expect(await toggle.isChecked()).toBe(false);
    expect(await inKiosk(page)).toBe(false);

    // Nor does a reload bring a kiosk back: `?kiosk` was not remembered.
    await page.reload();
    await page.getByTestId('nav').waitFor();
    expect(await inKiosk(page)).toBe(false);
    expect(await page.getByTestId('kiosk-needs-pin-notice').count()).toBe(0);

    // "Set a PIN" opens the form that chooses one (not submitted here: the next test sets it).
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-open-kiosk').click();
    await page.getByTestId('kiosk-set-pin').click();
    await page.getByTestId('kiosk-settings').getByTestId('pin-confirm').waitFor();

    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('listens hands-free on the Talk screen only, survives a reload, and leaves only with the parent PIN', async () => {
    // A parent PIN exists (chosen earlier in Settings).
    const setPin = await fetch(`${server.url}/api/admin/pin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pin: PIN }),
    });
    expect(setPin.status).toBe(204);

    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    // Going into kiosk mode starts listening (engines load in workers): on a machine whose cores are
    // busy, a click's wait for the page to settle can take longer than Playwright's 30 s default.
    // These are bounds on waiting for the page's own events, not windows the test measures.
    context.setDefaultTimeout(120_000);
    const recorder = new RequestRecorder(context);
    const page = await context.newPage();
    const problems = collectPageProblems(page);

    // Asked for another screen, a kiosk still opens on Talk, with no navigation.
    await page.goto(`${server.url}/?kiosk#/library`);
    await page.getByTestId('screen-talk').waitFor();
    expect(await inKiosk(page)).toBe(true);
    expect(await page.getByTestId('nav').count()).toBe(0);
    expect(new URL(page.url()).hash).toBe('#/talk');

    // Hands-free: the microphone opens by itself and the big indicator says so.
    const indicator = page.getByTestId('kiosk-listening');
    await waitFor(
      async () => (await indicator.getAttribute('data-mic')) === 'on',
      'the kiosk to start listening by itself',
      100_000,
    ).catch(async (error: Error) => {
      throw new Error(
        `${error.message}\nkiosk says: ${await indicator.textContent()}\nTalk says: ${await page.getByTestId('talk-notice').textContent()}`,
      );
    });
    expect(await indicator.getAttribute('data-tone')).toBe('listening');
    expect(await indicator.textContent()).toMatch(/listening/i);
    expect(await page.getByTestId('talk-orb').getAttribute('data-state')).toBe('listening');
    const box = await indicator.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(64);

    // The screen stays on (wake lock), and the first touch makes the kiosk full screen.
    await waitFor(
      async () => (await indicator.getAttribute('data-wake-lock')) === 'held',
      'the screen wake lock',
      10_000,
    );
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    await page.locator('h1').click();
    await waitFor(
      () => page.evaluate(() => document.fullscreenElement !== null),
      'full screen after the first touch',
      5_000,
    );

    // No way to another screen: a changed hash snaps back, the back button stays, no context menu.
    await page.evaluate(() => (window.location.hash = '#/settings'));
    await waitFor(async () => new URL(page.url()).hash === '#/talk', 'the hash to snap back to #/talk', 5_000);
    expect(await page.getByTestId('screen-settings').count()).toBe(0);
    await page.goBack({ timeout: 5_000 }).catch(() => null);
    await page.getByTestId('screen-talk').waitFor();
    expect(new URL(page.url()).origin).toBe(server.url);
    expect(await inKiosk(page)).toBe(true);
    const menuBlocked = await page.evaluate(
      () => !document.body.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })),
    );
    expect(menuBlocked).toBe(true);

    // Kiosk is remembered on this device: a reload without `?kiosk` comes back into it.
    await page.goto(`${server.url}/`);
    await page.getByTestId('screen-talk').waitFor();
    expect(await inKiosk(page)).toBe(true);
    await waitFor(
      async () => (await indicator.getAttribute('data-mic')) === 'on',
      'listening again after the reload',
      100_000,
    );

    // A wrong PIN keeps the kiosk.
    await page.getByTestId('kiosk-exit').click();
    await page.getByTestId('kiosk-exit-dialog').waitFor();
    await page.getByTestId('kiosk-pin-input').fill('1111');
    await page.getByTestId('kiosk-pin-submit').click();
    await expect.poll(async () => page.getByTestId('kiosk-pin-error').textContent()).toMatch(/not right/i);
    expect(await inKiosk(page)).toBe(true);
    await page.getByTestId('kiosk-exit-cancel').click();
    expect(await page.getByTestId('kiosk-exit-dialog').count()).toBe(0);
    expect(await inKiosk(page)).toBe(true);

    // The right PIN leaves: navigation is back, and a reload stays out of kiosk mode.
    await page.getByTestId('kiosk-exit').click();
    await page.getByTestId('kiosk-pin-input').fill(PIN);
    await page.getByTestId('kiosk-pin-submit').click();
    await waitFor(async () => !(await inKiosk(page)), 'kiosk mode to end', 10_000);
    await page.getByTestId('nav').waitFor();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('screen-settings').waitFor();
    await page.reload();
    await page.getByTestId('nav').waitFor();
    expect(await inKiosk(page)).toBe(false);

    // Settings → Kiosk mode (behind the parent PIN, still unlocked from leaving) starts it again.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-open-kiosk').click();
    await page.getByTestId('kiosk-toggle').click();
    await page.getByTestId('screen-talk').waitFor();
    expect(await inKiosk(page)).toBe(true);
    expect(new URL(page.url()).hash).toBe('#/talk');
    expect(await page.getByTestId('nav').count()).toBe(0);

    expect(recorder.offOrigin(server.url)).toEqual([]);
    // The wrong PIN's 401 is logged by Chromium as a failed resource load; nothing else may fail.
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  }, 240_000);
});
