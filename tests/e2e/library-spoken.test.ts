// Songs and stories by SPEECH on the Talk screen (issue #6, point 5), in Chromium against the real
// server: Chromium's fake microphone plays one WAV holding both requests, "Tell me a story." and,
// well after the story has started, "Stop it." → capture worklet → Silero VAD (onnxruntime-web) →
// Whisper via transformers.js with the CONTRACT model from scripts/contract-models (a tiny
// generated model that spells " Tell me a story." for an utterance and " Stop." for a very short
// one: it proves the pipeline path, not recognition) → the tell_story and stop direct commands →
// the shared media player, heard at the output tap.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { generateContractModels } from '../../scripts/contract-models/generate.ts';
import { addAudioTap, audibleMs, micSoundAt, readTap, waitForOutputMs } from '../helpers/audio-tap.ts';
import { collectPageProblems, launchChromium, RequestRecorder } from '../helpers/browser.ts';
import { PROJECT_ROOT, FIXTURE_MODELS, startHearthServer, type RunningServer } from '../helpers/server.ts';
import { makeUtteranceWav, readWav } from '../helpers/utterance.ts';
import { addTalkTrace, orbStates, readTalkTrace, waitFor } from './voice-helpers.ts';

const CONTRACT_DIR = path.join(PROJECT_ROOT, 'tests', '.tmp', 'library-spoken-contract-models');
const TMP = path.join(PROJECT_ROOT, 'tests', '.tmp', 'library-spoken');
/** From the start of "Tell me a story." to "Stop it.": the announcement (~3 s) plus several seconds of the story. */
const STOP_AFTER_S = 16;

interface CatalogInfo {
  phase: string;
  items: { id: string; title: string; kind: string }[];
}

/** "Tell me a story.", silence, then "Stop it." STOP_AFTER_S seconds after the first request began. */
function makeRequestsWav(): { file: string; stopAtS: number } {
  const ask = makeUtteranceWav('Tell me a story.');
  // "Stop it.": flite's bare "Stop." is voiced for less than the 250 ms that makes speech a turn.
  const stop = makeUtteranceWav('Stop it.', { silenceBeforeS: 0 });
  const askS = readWav(ask).samples.length / 16_000;
  const gapS = 1 + STOP_AFTER_S - askS; // the request starts after 1 s of lead-in silence
  fs.mkdirSync(TMP, { recursive: true });
  const silence = path.join(TMP, `silence-${gapS.toFixed(3)}.wav`);
  execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', silence, 'trim', '0', gapS.toFixed(3)]);
  const file = path.join(TMP, 'tell-a-story-then-stop.wav');
  execFileSync('sox', [ask, silence, stop, file]);
  return { file, stopAtS: askS + gapS };
}

describe('songs and stories by speech in Chromium: "Tell me a story." → the library plays it; "Stop it." → it stops', () => {
  let server: RunningServer;
  let browser: Browser;
  let requests: { file: string; stopAtS: number };

  beforeAll(async () => {
    // The test server's own media folder starts as a copy of the starter library (built once per machine).
    const generated = generateContractModels({ outDir: CONTRACT_DIR });
    server = await startHearthServer({
      args: ['--manifest', generated.manifestPath, '--model-path', [CONTRACT_DIR, FIXTURE_MODELS].join(path.delimiter)],
    });
    await waitFor(
      async () => {
        const info = (await (await fetch(`${server.url}/api/catalog`)).json()) as CatalogInfo;
        return info.phase === 'ready' && info.items.filter((i) => i.kind === 'story').length >= 5;
      },
      'the starter library to be scanned',
      90_000,
      250,
    );
    requests = makeRequestsWav();
    browser = await launchChromium({ fakeAudioCapture: requests.file });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Engines load, then ~17 s of microphone audio plays in real time: longer than the default limit.
  it(
    'plays a story from the library at the output tap, and the spoken "Stop it." stops it',
    { timeout: 240_000 },
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await addAudioTap(context);
      await addTalkTrace(context);
      const recorder = new RequestRecorder(context);
      const page = await context.newPage();
      const problems = collectPageProblems(page);
      // For the failure messages: which requests failed, if any did.
      const failedRequests: string[] = [];
      page.on(
        'response',
        (response) => void (response.status() >= 400 && failedRequests.push(`${response.status()} ${response.url()}`)),
      );
      page.on(
        'requestfailed',
        (request) => void failedRequests.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`),
      );
      const problemShown = () =>
        page
          .getByTestId('talk-problem')
          .textContent({ timeout: 500 })
          .catch(() => 'none');
      await page.goto(server.url);
      // Everything loaded first, so the fake microphone's clock starts when the orb is pressed.
      await page.locator('[data-testid="screen-talk"][data-engines-loading="false"]').waitFor({ timeout: 90_000 });

      await page.getByTestId('talk-orb').click();
      await waitFor(
        async () => (await orbStates(page)).includes('listening'),
        'the orb to show "listening"',
        60_000,
        20,
      );
      const micOpenedAt = (await readTap(page)).micOpenedAt[0]!;

      // "Tell me a story." is heard and transcribed; tell_story answers without the model.
      await page.getByTestId('talk-line-you').filter({ hasText: 'Tell me a story.' }).waitFor({ timeout: 60_000 });
      const replies = page.getByTestId('talk-line-hearth');
      await expect
        .poll(() => replies.first().locator('p').textContent(), { timeout: 30_000 })
        .toMatch(/^Here's a story: .+\.$/)
        .catch(async (error: Error) => {
          throw new Error(
            `${error.message}\nproblem shown: ${await problemShown()}\npage problems: ${problems.join(' | ')}\nfailed requests: ${failedRequests.join(' | ')}`,
          );
        });
      const announced = ((await replies.first().locator('p').textContent()) ?? '')
        .replace(/^Here's a story: /, '')
        .replace(/\.$/, '');

      // The story plays in the mini player and is heard at the tap after Hearth has finished announcing it.
      const mini = page.getByTestId('mini-player');
      await mini.waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('mini-player-title').textContent()).toBe(announced);
      await waitFor(
        async () => (await replies.first().getAttribute('data-live')) === 'false',
        'Hearth to finish announcing the story',
        30_000,
      );
      await expect.poll(() => mini.getAttribute('data-status'), { timeout: 15_000 }).toBe('playing');
      const announcedAt = await page.evaluate(() => performance.now());
      await expect
        .poll(async () => audibleMs(await readTap(page), announcedAt), { timeout: 15_000 })
        .toBeGreaterThan(1_000);
      const tap = await readTap(page);
      const mediaStartedAt = tap.mediaPlays.find((p) => /\/media\/[0-9a-f]{16}$/.test(p.src))?.at;
      expect(mediaStartedAt, 'the story file was played').toBeDefined();

      // "Stop it." arrives while the story plays: heard over it, transcribed (as "Stop." by the contract model), and the story stops.
      await page
        .getByTestId('talk-line-you')
        .filter({ hasText: 'Stop.' })
        .waitFor({ timeout: 60_000 })
        .catch(async (error: Error) => {
          const heard = await page.getByTestId('talk-line-you').locator('p').allTextContents();
          const tap = await readTap(page);
          const loud = tap.input.filter((b) => b.rms >= 0.01).map((b) => ((b.at - micOpenedAt) / 1000).toFixed(1));
          throw new Error(
            `${error.message}\nheard: ${JSON.stringify(heard)}\norb: ${(await orbStates(page)).join(' → ')}\nmic sound at (s): ${[...new Set(loud)].join(' ')}` +
              `\nproblem shown: ${await problemShown()}`,
          );
        });
      const stopSpokenAt = micSoundAt(await readTap(page), micOpenedAt + (requests.stopAtS - 0.5) * 1000);
      expect(stopSpokenAt, '"Stop." reached the page').not.toBeNull();
      expect(mediaStartedAt!, 'the story was already playing when "Stop." was said').toBeLessThan(stopSpokenAt!);
      await mini.waitFor({ state: 'detached', timeout: 15_000 });
      await waitFor(async () => (await replies.count()) === 2, 'the reply to "Stop."', 30_000);
      await waitFor(
        async () => (await replies.nth(1).getAttribute('data-live')) === 'false',
        'Hearth to finish saying it stopped',
        30_000,
      );
      expect(await replies.nth(1).locator('p').textContent()).toMatch(/stopped/i);
      const quietFrom = await page.evaluate(() => performance.now());
      const heard = await waitForOutputMs(page, quietFrom, 1_000);
      expect(audibleMs(heard, quietFrom + 200), 'nothing plays after the stop').toBe(0);

      // Two spoken turns, each transcribed once: no other speech was heard in between.
      expect(await page.getByTestId('talk-line-you').locator('p').allTextContents()).toEqual([
        'Tell me a story.',
        'Stop.',
      ]);
      const trace = await readTalkTrace(page);
      expect(trace.orb.map((o) => o.state)).toContain('hearing');

      expect(recorder.offOrigin(server.url)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
