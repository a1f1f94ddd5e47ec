// Zero egress: nothing Hearth does in the browser reaches anything but its own server. Every
// request is recorded two ways while models download through the download manager, a spoken turn
// runs end to end (fake microphone → VAD → contract Whisper → stories260K → classic voice) and a
// song plays from the Library: Playwright sees each request of the pages, their workers and the
// service worker, and Chromium's proxy is an egress trap that receives anything addressed off
// this machine. Then the Content-Security-Policy is checked, and shown to block an outside fetch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { generateContractModels } from '../../scripts/contract-models/generate.ts';
import { addAudioTap, audibleMs, readTap } from '../helpers/audio-tap.ts';
import { collectPageProblems, launchChromium, RequestRecorder } from '../helpers/browser.ts';
import { startEgressTrap, type EgressTrap } from '../helpers/egress-trap.ts';
import { FIXTURE_MODELS, startHearthServer, starterCache, type RunningServer } from '../helpers/server.ts';
import { makeUtteranceWav } from '../helpers/utterance.ts';
import { storiesFromTheModel, waitFor } from './voice-helpers.ts';

describe('zero egress', () => {
  let tmp: string;
  let server: RunningServer;
  let trap: EgressTrap;
  let browser: Browser;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-zero-egress-'));
    // The starter library is narrated once per machine (cached), then copied for this server.
    const mediaDir = path.join(tmp, 'media');
    fs.cpSync(await starterCache(), mediaDir, { recursive: true });
    const models = generateContractModels({ outDir: path.join(tmp, 'packs') });
    server = await startHearthServer({
      args: [
        '--media-dir',
        mediaDir,
        '--manifest',
        models.manifestPath,
        '--model-path',
        [models.outDir, FIXTURE_MODELS].join(path.delimiter),
        '--models-dir',
        path.join(tmp, 'models'),
      ],
    });
    await waitFor(
      async () => {
        const info = (await (await fetch(`${server.url}/api/catalog`)).json()) as { phase: string; items: unknown[] };
        return info.phase === 'ready' && info.items.length > 0;
      },
      'the library to be indexed',
      90_000,
    );
    trap = await startEgressTrap();
    browser = await launchChromium({
      fakeAudioCapture: makeUtteranceWav('Tell me a story.'),
      // Fewer of Chromium's own calls home (the trap sets the remaining known ones aside).
      extraArgs: [
        trap.chromiumArg,
        '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter',
        '--disable-domain-reliability',
      ],
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await trap?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('model download, a spoken conversation turn and song playback stay on the server’s origin', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addAudioTap(context);
    const recorder = new RequestRecorder(context);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    try {
      const response = await page.goto(server.url);
      // The policy the server sends with the app.
      const csp = response?.headers()['content-security-policy'] ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      );
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('connect-src')).toEqual(["'self'"]);
      expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
      for (const name of ['script-src', 'worker-src', 'img-src', 'media-src', 'font-src', 'style-src']) {
        for (const source of directives.get(name) ?? [])
          expect(["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'", 'blob:', 'data:'], `${name} ${source}`).toContain(
            source,
          );
      }

      // 1. Models: the download manager keeps every pack the voice needs, then the engines load.
      await page.locator('[data-testid="screen-talk"][data-engines-loading="false"]').waitFor({ timeout: 120_000 });
      const cachedUrls = await page.evaluate(async () =>
        (await (await caches.open('hearth-models')).keys()).map((r) => r.url),
      );
      expect(cachedUrls.length).toBeGreaterThan(0);
      expect(recorder.requests.filter((r) => r.url.includes('/models/')).length).toBeGreaterThan(0);

      // 2. A spoken turn, heard and answered aloud.
      await storiesFromTheModel(page);
      await page.getByTestId('talk-orb').click();
      await page.getByTestId('talk-line-you').filter({ hasText: 'Tell me a story.' }).waitFor({ timeout: 90_000 });
      await waitFor(
        async () => (await page.getByTestId('talk-orb').getAttribute('data-state')) === 'speaking',
        'Hearth to answer aloud',
        90_000,
      );
      const speakingAt = await page.evaluate(() => performance.now());
      await expect
        .poll(async () => audibleMs(await readTap(page), speakingAt - 500), { timeout: 20_000 })
        .toBeGreaterThan(300);
      await page.getByTestId('talk-orb').click(); // interrupt: the story need not be heard to its end
      await waitFor(
        async () => (await page.getByTestId('talk-orb').getAttribute('data-state')) !== 'speaking',
        'the reply to stop',
        20_000,
      );

      // 3. A song from the Library.
      await page.getByTestId('nav-library').click();
      await page.getByTestId('library-kind-song').click();
      const song = page.getByTestId('library-item').first();
      await song.waitFor({ timeout: 20_000 });
      const playAt = await page.evaluate(() => performance.now());
      await song.getByTestId('library-play').click();
      await page.getByTestId('mini-player').waitFor();
      await expect.poll(async () => audibleMs(await readTap(page), playAt), { timeout: 20_000 }).toBeGreaterThan(1_000);
      await page.getByTestId('mini-player-stop').click();
      await page.waitForLoadState('networkidle');

      // Every request the pages, workers and service worker made went to the server's origin...
      expect(recorder.requests.some((r) => r.url.includes('/media/'))).toBe(true);
      expect(recorder.offOrigin(server.url)).toEqual([]);
      // ...and nothing but Chromium's own services tried to leave the machine.
      expect(trap.appAttempts()).toEqual([]);

      // 4. The policy is enforced: a fetch to another origin is refused before any connection.
      const violations: string[] = [];
      await page.exposeFunction('__cspViolation', (directive: string) => violations.push(directive));
      const outcome = await page.evaluate(async () => {
        document.addEventListener(
          'securitypolicyviolation',
          (e) =>
            void (window as unknown as { __cspViolation: (d: string) => void }).__cspViolation(e.effectiveDirective),
        );
        try {
          await fetch('http://example.com/telemetry', { mode: 'no-cors' });
          return 'fetched';
        } catch (error) {
          return `blocked: ${String(error)}`;
        }
      });
      expect(outcome).toMatch(/^blocked: TypeError/);
      await expect.poll(() => violations).toContain('connect-src');
      expect(trap.appAttempts()).toEqual([]);
      // The app itself never tripped the policy (a blocked load would be egress it tried).
      expect(
        problems.filter((p) => /Content Security Policy|Refused to/i.test(p) && !p.includes('example.com')),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
