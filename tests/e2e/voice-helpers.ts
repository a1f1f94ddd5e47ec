// Shared by the voice e2e tests: watching the Talk screen from inside the page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addAudioTap } from '../helpers/audio-tap.ts';
import { openPage, type OpenedPage } from '../helpers/e2e-session.ts';
import { addScriptedMic } from '../helpers/scripted-mic.ts';

export interface TalkTrace {
  /** Orb data-state changes with performance.now() times. */
  orb: { at: number; state: string }[];
  /**
   * Every distinct text of a streaming Hearth line, in order (proves streaming captions: word by
   * word, or one checked sentence at a time for a child-safe persona).
   */
  replySnapshots: string[];
}

/**
 * Records the orb and the live reply line at every change of the page, from page start. A
 * MutationObserver sees each rendered caption, however busy the machine; a timer polling the page
 * missed some when both cores were loaded.
 */
function installTalkTrace(): void {
  const trace: TalkTrace = { orb: [], replySnapshots: [] };
  (window as unknown as { __talkTrace: TalkTrace }).__talkTrace = trace;
  const record = () => {
    const orb = document.querySelector<HTMLElement>('[data-testid="talk-orb"]')?.dataset.state;
    if (orb && trace.orb.at(-1)?.state !== orb) trace.orb.push({ at: performance.now(), state: orb });
    const live = document.querySelector<HTMLElement>('[data-testid="talk-line-hearth"][data-live="true"] p');
    const text = live?.textContent ?? '';
    if (text && trace.replySnapshots.at(-1) !== text) trace.replySnapshots.push(text);
  };
  new MutationObserver(record).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-state', 'data-live'],
  });
}

export async function addTalkTrace(context: BrowserContext): Promise<void> {
  await context.addInitScript(installTalkTrace);
}

/**
 * A laptop-sized page that hears what plays (audio tap) and follows the Talk screen (talk trace);
 * the caller navigates. With `scriptedMic` the test speaks into the microphone itself (sayIntoMic).
 */
export function openTalkPage(browser: Browser, opts: { scriptedMic?: boolean } = {}): Promise<OpenedPage> {
  return openPage(browser, {
    context: { viewport: { width: 1280, height: 900 } },
    prepare: async (context) => {
      if (opts.scriptedMic) await addScriptedMic(context);
      await addAudioTap(context);
      await addTalkTrace(context);
    },
  });
}

export async function readTalkTrace(page: Page): Promise<TalkTrace> {
  return page.evaluate(() => (window as unknown as { __talkTrace: TalkTrace }).__talkTrace);
}

export async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Every orb state the trace saw, in order. */
export async function orbStates(page: Page): Promise<string[]> {
  return (await readTalkTrace(page)).orb.map((o) => o.state);
}

/**
 * A grown-up turns the library tools (tell_story, play_song...) off for the default persona on
 * the Personas screen ("All tools" unticked keeps Hearth's own tools), so "Tell me a story." goes
 * to the language model instead of the story library. Unlocks with `pin`, choosing it first if
 * the server has none yet. Ends back on the Talk screen.
 */
export async function storiesFromTheModel(page: Page, pin = '2468'): Promise<void> {
  await page.getByTestId('nav-personas').click();
  await page.getByTestId('personas-manage').click();
  await page.getByTestId('pin-input').waitFor({ timeout: 15_000 });
  await page.getByTestId('pin-input').fill(pin);
  if ((await page.getByTestId('pin-confirm').count()) > 0) await page.getByTestId('pin-confirm').fill(pin);
  await page.getByTestId('pin-submit').click();
  const hearth = page.locator('[data-persona-id="builtin-hearth"]');
  await hearth.getByTestId('persona-edit').click();
  await page.getByTestId('persona-all-tools').uncheck();
  await page.getByTestId('persona-save').click();
  await page
    .getByTestId('persona-editor')
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(async (error: Error) => {
      throw new Error(
        `${error.message}\nPersonas screen says: ${await page.locator('[data-testid="screen-personas"] [role="alert"]').allTextContents()}`,
      );
    });
  await page.getByTestId('admin-lock').click();
  await page.getByTestId('nav-talk').click();
  await page.locator('[data-testid="screen-talk"][data-engines-loading="false"]').waitFor({ timeout: 15_000 });
}

/**
 * Taps the orb and waits until the microphone is open. The fake microphone's beeps may be heard as
 * speech: any state past "starting" means it opened. A failure says what Talk showed instead.
 */
export async function tapOrbUntilListening(page: Page): Promise<void> {
  await page.getByTestId('talk-orb').click();
  await waitFor(
    async () =>
      !['idle', 'starting'].includes((await page.getByTestId('talk-orb').getAttribute('data-state')) ?? 'idle'),
    'the orb to listen',
    60_000,
  ).catch(async (error: Error) => {
    throw new Error(
      `${error.message}\norb: ${await page.getByTestId('talk-orb').getAttribute('data-state')}\nTalk says: ${await page.getByTestId('talk-notice').textContent()}`,
    );
  });
}
