import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, RequestRecorder } from '../helpers/browser.ts';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';
import { buildLivekitPage } from './build-page.ts';

export interface HearthWithLivekit {
  hearth: RunningServer;
  householdKey: string;
  /** A token from the real token API (`POST /api/livekit/token`, household key). */
  token(identity: string, room: string): Promise<{ url: string; token: string }>;
}

/** The real Hearth server (no LiveKit settings: embedded room server), serving the compatibility page as its app. */
export async function startHearthWithLivekitPage(): Promise<HearthWithLivekit> {
  const appDir = await buildLivekitPage();
  const hearth = await startHearthServer({ args: ['--app-dir', appDir] });
  const householdKey = fs.readFileSync(path.join(hearth.dataDir, 'secrets', 'household-key'), 'utf8').trim();
  return {
    hearth,
    householdKey,
    token: async (identity, room) => {
      const res = await fetch(`${hearth.url}/api/livekit/token`, {
        method: 'POST',
        headers: { authorization: `Bearer ${householdKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ identity, room }),
      });
      if (!res.ok) throw new Error(`token API answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { url: string; token: string };
    },
  };
}

export interface BrowserParticipant {
  context: BrowserContext;
  page: Page;
  recorder: RequestRecorder;
  close(): Promise<void>;
}

/** One browser participant: its own context with the page loaded; drive it with `page.evaluate(() => window.lkPage...)`. */
export async function openBrowserParticipant(browser: Browser, hearthUrl: string): Promise<BrowserParticipant> {
  const context = await browser.newContext();
  const recorder = new RequestRecorder(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page] ${err.message}`));
  await page.goto(hearthUrl);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  return {
    context,
    page,
    recorder,
    close: async () => {
      await page.evaluate(() => window.lkPage.leave()).catch(() => {});
      await context.close();
    },
  };
}

export { launchChromium };
