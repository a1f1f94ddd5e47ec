// The voice controller's conversation context (src/app/conversation-context.ts over src/core/conversation/) in the page:
// turns and memories in IndexedDB survive a reload and reach the prompt; personas and forgetting by
// typed command.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readStore } from '../helpers/app-database.ts';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { FIXTURE_MODELS } from '../helpers/server.ts';
import { waitFor } from './voice-helpers.ts';

async function say(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('talk-text-input');
  await waitFor(() => input.isEnabled(), 'the text box to open (LLM + voice loaded)', 90_000);
  const before = await page.getByTestId('talk-line-hearth').count();
  await input.fill(text);
  await page.getByTestId('talk-send').click();
  await waitFor(async () => (await page.getByTestId('talk-line-hearth').count()) > before, 'a reply line');
  const reply = page.getByTestId('talk-line-hearth').nth(before);
  await waitFor(async () => (await reply.getAttribute('data-live')) === 'false', 'the reply to finish', 90_000);
}

describe('memory across a reload in Chromium: real wllama (stories260K) + classic voice + IndexedDB', () => {
  const hearth = useHearthInChromium({ server: { args: ['--model-path', FIXTURE_MODELS] } });

  it('learns the name, and after a reload "what\'s my name?" goes to the model with the memory in its prompt', async () => {
    const { context, page, recorder, problems } = await hearth.openPage({
      context: { viewport: { width: 1280, height: 900 } },
    });
    await page.goto(hearth.server.url);

    await say(page, 'My name is Maya.');
    await waitFor(
      async () => (await readStore(page, 'memories')).some((m) => m.text === "The user's name is Maya."),
      'the name to be remembered',
    );
    // With the words it came from (that sentence only), for the parent's Memory screen.
    expect((await readStore(page, 'memories')).map((m) => m.fromWords)).toEqual(['My name is Maya.']);

    await page.reload();
    await say(page, "What's my name?");
    await waitFor(
      async () => (await readStore(page, 'turns')).some((t) => t.userText === "What's my name?"),
      'the turn to be saved',
    );
    const turn = (await readStore(page, 'turns')).find((t) => t.userText === "What's my name?")!;
    expect(turn.memoriesUsed).toEqual(["The user's name is Maya."]);
    expect(String(turn.replyText).length).toBeGreaterThan(0);

    // Persona by voice (typed here): direct command, no LLM; the setting follows.
    await say(page, 'Talk like a pirate!');
    expect(await page.getByTestId('talk-line-hearth').last().textContent()).toMatch(/Ahoy/);
    expect((await readStore(page, 'settings')).find((s) => s.key === 'activePersonaId')?.value).toBe(
      'builtin-captain-pip',
    );

    // Forget by text.
    await say(page, 'Forget my name.');
    expect(await readStore(page, 'memories')).toEqual([]);
    // The turn after the switch was the pirate's.
    const forgetTurn = (await readStore(page, 'turns')).find((t) => t.userText === 'Forget my name.');
    expect(forgetTurn?.personaId).toBe('builtin-captain-pip');

    expect(recorder.offOrigin(hearth.server.url)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
