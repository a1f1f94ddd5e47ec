import { describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { FIXTURE_MODELS } from '../helpers/server.ts';
import { waitFor } from './voice-helpers.ts';

/** One sentence the classic voice's worker was asked to speak, as it arrived in the worker. */
interface SynthRequest {
  text: string;
  voice: string;
  stretch: number;
}

/**
 * Listens inside every worker of the page for Comlink calls of `synthesize(text, voice, stretch)`:
 * the flite worker's real inputs, read as they arrive (the app itself is not changed).
 */
function watchSynthesisRequests(page: Page): () => Promise<SynthRequest[]> {
  const workers: Worker[] = [];
  page.on('worker', (worker) => {
    workers.push(worker);
    void worker
      .evaluate(() => {
        type Wire = { type?: string; value?: unknown };
        const calls: { text: string; voice: string; stretch: number }[] = [];
        (self as unknown as { __synthRequests: typeof calls }).__synthRequests = calls;
        self.addEventListener('message', (event: MessageEvent) => {
          const data = event.data as { type?: string; path?: string[]; argumentList?: Wire[] } | null;
          if (data?.type !== 'APPLY' || data.path?.join('.') !== 'synthesize') return;
          const [text, voice, stretch] = (data.argumentList ?? []).map((arg) => arg.value);
          calls.push({ text: String(text), voice: String(voice), stretch: Number(stretch) });
        });
      })
      .catch(() => undefined);
  });
  return async () => {
    const all: SynthRequest[] = [];
    for (const worker of workers) {
      const calls = await worker
        .evaluate(() => (self as unknown as { __synthRequests?: SynthRequest[] }).__synthRequests ?? [])
        .catch(() => []);
      all.push(...calls);
    }
    return all;
  };
}

// Stories260K for the language model and the classic (flite) voice: the persona switch itself is a
// direct command, so the greeting comes from the persona record, not from the model.
describe('persona switch by voice command in Chromium: the greeting is already in the new voice', () => {
  const hearth = useHearthInChromium({ server: { args: ['--model-path', FIXTURE_MODELS] } });

  it('"talk like a pirate" → the pirate greeting is synthesised with Captain Pip\'s voice (awb) and rate (0.9)', async () => {
    const { context, page, recorder, problems } = await hearth.openPage({
      context: { viewport: { width: 1280, height: 900 } },
    });
    const synthesisRequests = watchSynthesisRequests(page);
    await page.goto(hearth.server.url);

    const input = page.getByTestId('talk-text-input');
    await waitFor(() => input.isEnabled(), 'the text box to open (LLM + voice loaded)');

    // Before the switch the children's companion speaks in its own voice (slt, rate 0.95).
    await input.fill('Once upon a time');
    await page.getByTestId('talk-send').click();
    await waitFor(
      async () => (await synthesisRequests()).length > 0,
      'the first reply sentence to reach the voice',
      90_000,
    );
    await waitFor(
      async () => (await page.getByTestId('talk-orb').getAttribute('data-state')) === 'idle',
      'the first reply to end',
      90_000,
    );
    const before = await synthesisRequests();
    expect(before.map((r) => r.voice)).toEqual(before.map(() => 'slt'));
    for (const request of before) expect(request.stretch).toBeCloseTo(1 / 0.95, 3);

    await input.fill('Talk like a pirate!');
    await page.getByTestId('talk-send').click();
    await page.getByTestId('talk-line-hearth').filter({ hasText: 'Ahoy, matey!' }).waitFor({ timeout: 30_000 });
    await waitFor(
      async () => (await synthesisRequests()).some((r) => /where shall we sail/i.test(r.text)),
      'the whole greeting to reach the voice',
      30_000,
    );

    const greeting = (await synthesisRequests()).slice(before.length);
    expect(greeting.map((r) => r.text).join(' ')).toMatch(
      /Ahoy, matey!.*Captain Pip at your service.*Where shall we sail today\?/,
    );
    for (const request of greeting) {
      expect(request.voice, request.text).toBe('awb');
      expect(request.stretch, request.text).toBeCloseTo(1 / 0.9, 3);
    }

    expect(recorder.offOrigin(hearth.server.url)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
