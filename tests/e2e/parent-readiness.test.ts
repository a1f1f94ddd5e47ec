import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { PROJECT_ROOT } from '../helpers/server.ts';
import { waitFor } from './voice-helpers.ts';

// A parent's first hour on a fresh server (no speech recognition, no language model): nothing
// on Talk, in kiosk mode or to a child shows a command line (only Settings → Advanced does);
// nothing claims to work when it cannot: typed songs and "stop" work without a language model,
// kiosk mode is refused with plain reasons, a `?kiosk` tablet says it can't listen yet instead of
// looping, the offline banner does not promise talking, and the offline Library is friendly.

const PIN = '1357';
const SHOTS = path.join(PROJECT_ROOT, 'tests', '.tmp', 'screenshots', 'parent-readiness');
const COMMAND = /npm (run|start|install)|node_modules|--[a-z]/;

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function bodyText(page: Page, without?: string): Promise<string> {
  return page.evaluate((skip) => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    if (skip) copy.querySelectorAll(`[data-testid="${skip}"]`).forEach((el) => el.remove());
    // innerText of a detached node is its textContent; include details' hidden text too.
    return copy.textContent ?? '';
  }, without ?? null);
}

async function readiness(page: Page): Promise<string | null> {
  return page
    .getByTestId('talk-readiness')
    .getAttribute('data-state', { timeout: 1_000 })
    .catch(() => null);
}

describe('a fresh server in Chromium: no commands for children, honest readiness', () => {
  const hearth = useHearthInChromium();

  it('Talk: plain words instead of commands, typed songs and "stop" work without a language model', async () => {
    const { page, recorder, problems } = await hearth.openPage({ context: { viewport: { width: 390, height: 844 } } });
    await page.goto(hearth.server.url);
    await waitFor(async () => (await readiness(page)) === 'setup', 'Talk to say what is missing');
    expect(await page.getByTestId('talk-readiness').textContent()).toMatch(/grown-up/);
    // One readiness state: no "Hearth is ready on this device" panel beside it.
    expect(await page.getByTestId('model-downloads').count()).toBe(0);

    // Tapping the orb explains, in words, why Hearth can't listen: no command to copy.
    await page.getByTestId('talk-orb').click();
    const problem = page.getByTestId('talk-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/grown-up needs to add speech recognition/);
    expect(await page.getByTestId('fix-command').count()).toBe(0);
    expect(await bodyText(page)).not.toMatch(COMMAND);
    await shot(page, 'talk-fresh-390');

    // Typing works for songs and stories (core's direct commands), without a language model.
    const input = page.getByTestId('talk-text-input');
    await waitFor(() => input.isEnabled(), 'the text box to open with only the voice loaded');
    expect(await page.getByTestId('talk-type-hint').textContent()).toMatch(/play a song/);
    await input.fill('play the story about the tortoise and the hare');
    await page.getByTestId('talk-send').click();
    const replies = page.getByTestId('talk-line-hearth');
    await expect
      .poll(() => replies.first().locator('p').textContent(), { timeout: 30_000 })
      .toContain('The Tortoise and the Hare');
    const mini = page.getByTestId('mini-player');
    await mini.waitFor({ timeout: 30_000 });
    await input.fill('stop');
    await page.getByTestId('talk-send').click();
    await mini.waitFor({ state: 'detached', timeout: 30_000 });
    await waitFor(async () => (await replies.count()) === 2, 'the reply to "stop"', 30_000);

    // Chatting needs the model: Hearth says so plainly.
    await input.fill('what is your favourite colour');
    await page.getByTestId('talk-send').click();
    await expect.poll(() => problem.textContent(), { timeout: 30_000 }).toMatch(/can’t chat yet/);
    expect(await bodyText(page)).not.toMatch(COMMAND);
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'talk-fresh-1440');

    expect(recorder.offOrigin(hearth.server.url)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('Settings: commands only under Advanced; kiosk mode refused while Hearth cannot listen or answer', async () => {
    const setPin = await fetch(`${hearth.server.url}/api/admin/pin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pin: PIN }),
    });
    expect(setPin.status).toBe(204);
    const { page, problems } = await hearth.openPage({ context: { viewport: { width: 1440, height: 900 } } });
    const openSettingsPage = async (sub: string): Promise<void> => {
      await page.goto(`${hearth.server.url}/#/settings/${sub}`);
      await page.locator(`[data-testid="screen-settings"][data-page="${sub}"]`).waitFor();
    };
    await openSettingsPage('device');
    await waitFor(
      async () => (await page.getByTestId('engine-stt').getAttribute('data-state')) === 'missing',
      'speech recognition to show as not installed',
    );
    await openSettingsPage('models');
    await page.getByTestId('model-how-stt').waitFor();

    // Kiosk mode: unlocked with the PIN, its switch stays off and says why, in plain words.
    await openSettingsPage('kiosk');
    const kioskSettings = page.getByTestId('kiosk-settings');
    await kioskSettings.getByTestId('pin-input').fill(PIN);
    await kioskSettings.getByTestId('pin-submit').click();
    const reason = page.getByTestId('kiosk-not-ready');
    await expect
      .poll(() => reason.textContent({ timeout: 30_000 }), { timeout: 30_000 })
      .toMatch(/understand speech .* or answer/);
    const toggle = page.getByTestId('kiosk-toggle');
    expect(await toggle.isDisabled()).toBe(true);
    await toggle.click({ force: true });
    expect(await page.locator('.shell').getAttribute('data-kiosk')).not.toBe('on');

    // No command on any Settings page but Advanced, where the parent finds them.
    for (const sub of ['device', 'models', 'toys', 'kiosk', 'parents']) {
      await openSettingsPage(sub);
      expect(await bodyText(page), sub).not.toMatch(COMMAND);
    }
    await openSettingsPage('advanced');
    await page.getByTestId('settings-advanced-toggle').click();
    const sttFix = page.getByTestId('advanced-fix-stt');
    await sttFix.waitFor();
    expect(await sttFix.textContent()).toMatch(/npm run models -- download/);
    await shot(page, 'settings-advanced-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'settings-advanced-390');

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a `?kiosk` tablet says it cannot listen yet, with no countdown loop and no command', async () => {
    // Runs after the PIN was set above: the kiosk itself may start.
    const { page, problems } = await hearth.openPage({ context: { viewport: { width: 390, height: 844 } } });
    await page.goto(`${hearth.server.url}/?kiosk`);
    const indicator = page.getByTestId('kiosk-listening');
    await waitFor(
      async () => (await indicator.getAttribute('data-blocked')) === 'true',
      'the kiosk to say it cannot listen yet',
    );
    expect(await indicator.textContent()).toMatch(/can’t listen yet/);
    expect(await indicator.textContent()).not.toMatch(/trying again/i);
    expect(await indicator.getAttribute('data-mic')).toBe('off');
    expect(await page.getByTestId('talk-problem').count()).toBe(0);
    expect(await bodyText(page)).not.toMatch(COMMAND);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'kiosk-blocked-390');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('offline: the banner does not promise talking, and the Library says so in friendly words', async () => {
    const { page, context } = await hearth.openPage({ context: { viewport: { width: 390, height: 844 } } });
    await page.goto(hearth.server.url);
    await waitFor(async () => (await readiness(page)) === 'setup', 'Talk to know what this device has');
    // The app has fetched the other screens' code in the background: opening one needs no network.
    await page.waitForFunction(() => performance.getEntriesByName('hearth:screens:loaded').length > 0);
    await context.setOffline(true);
    await page.getByTestId('nav-library').click();
    await page.getByTestId('screen-library').waitFor();
    const libraryProblem = page.getByTestId('library-problem');
    await libraryProblem.waitFor({ timeout: 30_000 });
    expect(await libraryProblem.textContent()).toMatch(/home server, which can’t be reached right now/);
    expect(await page.getByTestId('library-empty').count()).toBe(0);
    expect(await bodyText(page)).not.toMatch(/Failed to fetch/);
    // The health poll notices the server is gone (Try again would too): no "Talking still works" here.
    const detail = page.getByTestId('server-offline-detail');
    await detail.waitFor({ timeout: 30_000 });
    expect(await detail.textContent()).toMatch(/needs the home server until it is fully set up/);
    expect(await detail.textContent()).not.toMatch(/Talking still works/);
    await shot(page, 'library-offline-390');
    await context.close();
  });

  it('a toy whose companion cannot start says why on its card, and no "try it" command is offered', async () => {
    // Runs after the PIN was set above.
    const { page, problems } = await hearth.openPage({ context: { viewport: { width: 390, height: 844 } } });
    await page.goto(`${hearth.server.url}/#/settings/toys`);
    const section = page.getByTestId('toys-section');
    await section.getByTestId('pin-input').fill(PIN);
    await section.getByTestId('pin-submit').click();
    await page.getByTestId('toy-register-name').fill('Bedtime bunny');
    await page.getByTestId('toy-register-id').fill('AA:BB:CC:DD:EE:31');
    await page.getByTestId('toy-register-consent-age').fill('5');
    await page.getByTestId('toy-register-consent-accept').check();
    await page.getByTestId('toy-register-submit').click();
    await page.getByTestId('toy-credential').waitFor();
    // Without speech recognition the simulator could not be answered: it is not offered.
    expect(await page.getByTestId('toy-credential-hint').count()).toBe(0);
    await page.getByTestId('toy-credential-done').click();
    const why = page.getByTestId('toy-companion-problem').first();
    await why.waitFor();
    expect(await why.textContent()).toMatch(/speech/i);
    expect(await bodyText(page)).not.toMatch(COMMAND);
    await shot(page, 'toy-companion-missing-390');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
