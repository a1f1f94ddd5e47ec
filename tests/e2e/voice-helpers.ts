// Shared by the voice e2e tests: watching the Talk screen from inside the page.
import type { BrowserContext, Page } from 'playwright-core';

export interface TalkTrace {
  /** Orb data-state changes with performance.now() times. */
  orb: { at: number; state: string }[];
  /** Every distinct text of a streaming Hearth line, in order (proves word-by-word captions). */
  replySnapshots: string[];
}

/** Polls the orb and the live reply line every 10 ms from page start. */
function installTalkTrace(): void {
  const trace: TalkTrace = { orb: [], replySnapshots: [] };
  (window as unknown as { __talkTrace: TalkTrace }).__talkTrace = trace;
  setInterval(() => {
    const orb = document.querySelector<HTMLElement>('[data-testid="talk-orb"]')?.dataset.state;
    if (orb && trace.orb.at(-1)?.state !== orb) trace.orb.push({ at: performance.now(), state: orb });
    const live = document.querySelector<HTMLElement>('[data-testid="talk-line-hearth"][data-live="true"] p');
    const text = live?.textContent ?? '';
    if (text && trace.replySnapshots.at(-1) !== text) trace.replySnapshots.push(text);
  }, 10);
}

export async function addTalkTrace(context: BrowserContext): Promise<void> {
  await context.addInitScript(installTalkTrace);
}

export async function readTalkTrace(page: Page): Promise<TalkTrace> {
  return page.evaluate(() => (window as unknown as { __talkTrace: TalkTrace }).__talkTrace);
}

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
