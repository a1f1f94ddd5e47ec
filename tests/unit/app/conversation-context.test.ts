import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CHILD_COMPANION_ID, PIRATE_ID } from '../../../src/core/personas/builtin-personas.ts';
import { getTimeTool } from '../../../src/core/tools/get-time.ts';
import { createConversationContext } from '../../../src/app/conversation-context.ts';
import { HearthDb } from '../../../src/data/db.ts';
import { SettingsRepository } from '../../../src/data/settings-repository.ts';
import { createHarness } from '../core/harness.ts';
import type { ChatModel } from '../../../src/core/engines.ts';

const opened: HearthDb[] = [];
let n = 0;
function freshDb(): HearthDb {
  const db = new HearthDb(`hearth-context-${++n}-${Date.now()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** Resolves once `check` holds (IndexedDB writes finish on their own schedule). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition never held');
}

describe('conversation context (the voice controller integration)', () => {
  it('learns "my name is Maya" in one page, and a new page puts it in the prompt for "what\'s my name?"', async () => {
    const db = freshDb();
    const first = await createConversationContext({ db, extraTools: [getTimeTool] });
    const h1 = createHarness({ chat: [['Hello', ' Maya', '!']], tools: first.tools, session: first.sessionOptions() });
    first.attach(h1.session);
    h1.session.start();
    void h1.session.sendText('My name is Maya.');
    await h1.silenceUntil(() => h1.of('turnEnd').length === 1);
    await eventually(async () => (await db.memories.count()) === 1 && (await db.turns.count()) === 1);
    const [saved] = await db.memories.toArray();
    expect(saved).toMatchObject({
      slot: 'name',
      text: "The user's name is Maya.",
      conversationId: first.conversationId,
    });

    // "Reload": a new context and session over the same database.
    const second = await createConversationContext({ db });
    const h2 = createHarness({
      chat: [['You', ' are', ' Maya', '.']],
      tools: second.tools,
      session: second.sessionOptions(),
    });
    second.attach(h2.session);
    h2.session.start();
    void h2.session.sendText("What's my name?");
    await h2.silenceUntil(() => h2.of('turnEnd').length === 1);
    expect(h2.llm.calls[0]!.messages[0]!.content).toContain(
      "Things you remember about the user:\n- The user's name is Maya.",
    );
    await eventually(async () => (await db.turns.count()) === 2);
    const turn = (await db.turns.where('conversationId').equals(second.conversationId).toArray())[0];
    expect(turn).toMatchObject({
      userText: "What's my name?",
      replyText: 'You are Maya.',
      memoriesUsed: ["The user's name is Maya."],
      personaId: CHILD_COMPANION_ID,
    });
  });

  it('forgets by voice, switches persona by voice (prompt and voice follow), and respects the memory switch', async () => {
    const db = freshDb();
    const context = await createConversationContext({ db });
    const h = createHarness({
      chat: [
        ['Wow', '!'],
        ['Arr', ',', ' over', ' there', '!'],
      ],
      tools: context.tools,
      session: context.sessionOptions(),
    });
    context.attach(h.session);
    h.session.start();

    void h.session.sendText('My brother is Leo and I love dinosaurs.');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    await eventually(async () => (await db.memories.count()) === 2);

    void h.session.sendText("Forget my brother's name.");
    await h.silenceUntil(() => h.of('turnEnd').length === 2);
    expect((await db.memories.toArray()).map((m) => m.slot)).toEqual(['likes:dinosaur']);

    void h.session.sendText('Talk like a pirate!');
    await h.silenceUntil(() => h.of('turnEnd').length === 3);
    expect(context.personaRecord().id).toBe(PIRATE_ID);
    expect(await new SettingsRepository(db).get('activePersonaId')).toBe(PIRATE_ID);
    // The switch greeting is already in the pirate's voice.
    const greeting = h.tts.calls.filter((c) => /Ahoy|Captain Pip|sail/.test(c.text));
    expect(greeting.length).toBeGreaterThan(0);
    for (const call of greeting) expect(call).toMatchObject({ voice: 'awb', rate: 0.9 });

    void h.session.sendText('where is the treasure?');
    await h.silenceUntil(() => h.of('turnEnd').length === 4);
    expect(h.llm.calls.at(-1)!.messages[0]!.content).toMatch(/^You are Captain Pip/);
    expect(h.tts.calls.at(-1)).toMatchObject({ text: 'Arr, over there!', voice: 'awb' });
    expect(h.llm.calls).toHaveLength(2);

    await new SettingsRepository(db).set('memoryEnabled', false);
    expect(await context.memories('dinosaurs')).toEqual([]);
  });

  it('asks the LLM for memories only when the model can follow instructions and the parent has not switched it off', async () => {
    const db = freshDb();
    const asked: string[] = [];
    const extractionLlm: ChatModel = {
      async *stream(req) {
        asked.push(String(req.messages.at(-1)?.content));
        yield {
          type: 'tool_call',
          call: {
            id: 'x',
            name: 'save_facts',
            arguments: { facts: [{ slot: 'pet:cat', text: "The user's cat is called Tom." }] },
          },
        };
      },
    };
    let capable = false;
    const context = await createConversationContext({ db, extractionLlm, llmCanExtract: () => capable });
    const exchange = (userText: string) =>
      context.onTurnEnd({ userText, replyText: 'Nice!', interrupted: false, guarded: null, durationMs: 1000 });

    await exchange('My cat is Tom.');
    expect(asked).toEqual([]);
    capable = true;
    await exchange('I have a cat called Tom.');
    expect(asked).toHaveLength(1);
    expect((await db.memories.toArray()).map((m) => m.text)).toContain("The user's cat is called Tom.");
    await new SettingsRepository(db).set('memoryLlmExtraction', false);
    await exchange('Tom is grey.');
    expect(asked).toHaveLength(1);
  });
  it("asks a language model that follows instructions about the child's borderline words, never about reply sentences", async () => {
    const asked: string[] = [];
    const llm: ChatModel = {
      stream(req) {
        asked.push(String(req.messages.at(-1)?.content ?? ''));
        return (async function* () {
          yield { type: 'text', text: 'SAFE' } as const;
          yield { type: 'done' } as const;
        })();
      },
    };
    let followsInstructions = false;
    const context = await createConversationContext({
      db: freshDb(),
      extractionLlm: llm,
      llmCanExtract: () => followsInstructions,
    });
    const borderline = 'Some farmers shoot clay targets for fun.';
    expect((await context.guard.checkInput(borderline)).allowed).toBe(false);
    expect(asked).toHaveLength(0);
    followsInstructions = true;
    expect(await context.guard.checkInput(borderline)).toEqual({ allowed: true });
    expect(asked).toHaveLength(1);
    // A reply sentence's judge would wait behind the reply itself (one generation at a time): blocked at once.
    expect((await context.guard.checkOutput(borderline, new AbortController().signal)).allowed).toBe(false);
    expect(asked).toHaveLength(1);
  });
});
