// Every screen of the app on a fresh server (starter library, no model packs), in the state a
// parent sees in the first hour: Settings unlocked with the PIN, a toy registered with its
// editor open (its time-limits fieldset once widened the page on a phone), and one song added
// with a cover picture in its tags (the Library's "New this week" shelf and a real cover). Used by
// the layout and accessibility tests.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { householdKeyFile } from '../../server/livekit/household-key.ts';
import { PROJECT_ROOT, startHearthServer, type RunningServer } from '../helpers/server.ts';
import { taggedMp3, TINY_PNG } from '../helpers/tagged-mp3.ts';
import { TEST_CONSENT } from '../helpers/toy-consent.ts';

export const PIN = '2468';
export const TOY_ID = 'aa-bb-cc-dd-ee-07';
/** The five screens and Settings' pages ("settings-toys" is #/settings/toys). */
export const SCREENS = [
  'talk',
  'library',
  'memory',
  'personas',
  'settings',
  'settings-device',
  'settings-models',
  'settings-toys',
  'settings-kiosk',
  'settings-parents',
  'settings-advanced',
] as const;
export type ScreenName = (typeof SCREENS)[number];

function routeOf(screen: ScreenName): string {
  return screen.startsWith('settings-') ? `settings/${screen.slice('settings-'.length)}` : screen;
}
/** Where screenshots go for review (git-ignored). */
export const SCREENSHOTS = path.join(PROJECT_ROOT, 'tests', '.tmp', 'screens');

/** A fresh server with the parent PIN set and one LiveKit toy registered. */
export async function startScreensServer(): Promise<RunningServer> {
  const server = await startHearthServer({
    args: process.env.HEARTH_E2E_APP_DIR ? ['--app-dir', process.env.HEARTH_E2E_APP_DIR] : [],
  });
  const key = fs.readFileSync(householdKeyFile(server.dataDir), 'utf8').trim();
  const json = { 'content-type': 'application/json' };
  const pin = await fetch(`${server.url}/api/admin/pin`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ pin: PIN }),
  });
  if (!pin.ok) throw new Error(`setting the PIN failed: HTTP ${pin.status}`);
  const toy = await fetch(`${server.url}/api/devices`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${key}` },
    body: JSON.stringify({ name: 'Teddy', id: TOY_ID, ownerName: 'Maya', consent: TEST_CONSENT }),
  });
  if (!toy.ok) throw new Error(`registering the toy failed: HTTP ${toy.status} ${await toy.text()}`);
  const session = await fetch(`${server.url}/api/admin/session`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ pin: PIN }),
  });
  if (!session.ok) throw new Error(`opening an admin session failed: HTTP ${session.status}`);
  const { token } = (await session.json()) as { token: string };
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(taggedMp3({ title: 'Moon Lullaby', picture: TINY_PNG }))]), 'moon.mp3');
  const song = await fetch(`${server.url}/api/catalog/items`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (!song.ok) throw new Error(`adding a song failed: HTTP ${song.status} ${await song.text()}`);
  return server;
}

/** Opens a screen and waits until it has rendered what a person would look at. */
export async function openScreen(page: Page, origin: string, screen: ScreenName): Promise<void> {
  await page.goto(`${origin}/#/${routeOf(screen)}`);
  if (screen.startsWith('settings'))
    await page
      .locator(
        `[data-testid="screen-settings"][data-page="${screen === 'settings' ? 'menu' : screen.slice('settings-'.length)}"]`,
      )
      .waitFor();
  else await page.getByTestId(`screen-${screen}`).waitFor();
  // Settings pages are seen unlocked, as a parent sees them.
  const gate = page.getByTestId('pin-gate').first();
  if (screen.startsWith('settings-') && (await gate.isVisible())) {
    await gate.getByTestId('pin-input').fill(PIN);
    await gate.getByTestId('pin-submit').click();
    await gate.waitFor({ state: 'detached' });
  }
  if (screen === 'library') {
    await page.getByTestId('library-items').getByTestId('library-item').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('library-new').waitFor();
    // Every card's picture has loaded (the cover from the song's tags, the others made in the page).
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('[data-testid="library-cover"]')].every(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    );
  }
  if (screen === 'settings-toys') {
    const row = page.locator(`[data-testid="toy-row"][data-toy-id="${TOY_ID}"]`);
    await row.waitFor({ timeout: 30_000 });
    if ((await row.getByTestId('toy-editor').count()) === 0) await row.getByTestId('toy-open-profile').click();
    await row.getByTestId('toy-editor').waitFor();
  }
  // Fonts and late layout settle before measuring.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
