import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

export const CHROMIUM_PATH = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium';

// Chromium flags for these machines: no background traffic, fake media devices, autoplay allowed.
export function chromiumArgs(opts: { fakeAudioCapture?: string; extraArgs?: string[] } = {}): string[] {
  const args = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--enable-unsafe-webgpu',
    '--autoplay-policy=no-user-gesture-required',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
  ];
  if (opts.fakeAudioCapture) args.push(`--use-file-for-fake-audio-capture=${opts.fakeAudioCapture}%noloop`);
  args.push(...(opts.extraArgs ?? []));
  return args;
}

export async function launchChromium(opts: { fakeAudioCapture?: string; extraArgs?: string[] } = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install chromium" (bash .ci/run does) or set HEARTH_CHROMIUM`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs(opts) });
}

/** Records every request a context makes, to prove nothing leaves the Hearth server's origin. */
export class RequestRecorder {
  readonly requests: { url: string; method: string; resourceType: string }[] = [];

  constructor(context: BrowserContext) {
    context.on('request', (r: Request) =>
      this.requests.push({ url: r.url(), method: r.method(), resourceType: r.resourceType() }),
    );
  }

  offOrigin(origin: string): string[] {
    return this.requests
      .map((r) => r.url)
      .filter((url) => {
        if (url.startsWith('data:') || url.startsWith('blob:')) return false;
        return new URL(url).origin !== origin;
      });
  }
}

/** Collects console errors and CSP violations so a test can assert the page ran cleanly. */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

export interface PersistentChromium {
  context: BrowserContext;
  /** Closes Chromium, then deletes its profile folder. */
  close: () => Promise<void>;
}

/**
 * A persistent (non-incognito) Chromium profile in a fresh temp folder: what installability
 * checks and service-worker tests need (a normal context reports 'in-incognito').
 */
export async function launchPersistentChromium(
  opts: { fakeAudioCapture?: string; viewport?: { width: number; height: number } } = {},
): Promise<PersistentChromium> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install chromium" (bash .ci/run does) or set HEARTH_CHROMIUM`,
    );
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(opts),
    viewport: opts.viewport ?? { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      // Chromium's helper processes may still be flushing the profile for a moment.
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
