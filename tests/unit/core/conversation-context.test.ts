// The one conversation context (src/core/conversation/) with hooks as a home supplies them: test
// doubles that implement the real interfaces (MemoryStore, the hooks), a real VoiceSession from the
// harness (engine doubles), and the context's own MemoryService, guard and tools.
import { describe, expect, it } from 'vitest';
import { createConversationContext } from '../../../src/core/conversation/conversation-context.ts';
import type { ConversationHooks, FinishedTurn } from '../../../src/core/conversation/conversation-hooks.ts';
import type { ChatChunk, ChatModel, ChatRequest } from '../../../src/core/engines.ts';
import type { MemoryRecord, MemoryStore } from '../../../src/core/memory/memory-types.ts';
import {
  builtinPersona,
  CHILD_COMPANION_ID,
  PIRATE_ID,
  PRIVATE_ASSISTANT_ID,
} from '../../../src/core/personas/index.ts';
import type { PersonaRecord } from '../../../src/core/personas/persona-record.ts';
import { NO_TIME_LIMITS } from '../../../src/core/safety/time-limits.ts';
import { createHarness, type Harness } from './harness.ts';

/** A MemoryStore double: an in-memory map that counts every call. */
class InMemoryMemoryStore implements MemoryStore {
  readonly records = new Map<string, MemoryRecord>();
  calls = 0;
  async list(): Promise<MemoryRecord[]> {
    this.calls++;
    return [...this.records.values()].map((r) => ({ ...r }));
  }
  async put(record: MemoryRecord): Promise<void> {
    this.calls++;
    this.records.set(record.id, { ...record });
  }
  async delete(id: string): Promise<void> {
    this.calls++;
    this.records.delete(id);
  }
}

const persona = (id: string): PersonaRecord => builtinPersona(id)!;

/** Hooks as a home supplies them, recording what the context hands back. */
function homeHooks(over: Partial<ConversationHooks> = {}) {
  const store = new InMemoryMemoryStore();
  const saved: FinishedTurn[] = [];
  const usage: number[] = [];
  const problems: string[] = [];
  let ids = 0;
  const state = { memoryOn: true, active: persona(CHILD_COMPANION_ID) };
  const hooks: ConversationHooks = {
    persona: { active: () => state.active },
    memory: { store, enabled: () => state.memoryOn },
    limits: {
      limits: () => NO_TIME_LIMITS,
      usedOn: () => usage.reduce((a, b) => a + b, 0),
      addUsage: (_d, ms) => usage.push(ms),
    },
    saveTurn: (turn) => void saved.push(turn),
    newId: (kind) => `${kind}-${++ids}`,
    onProblem: (message) => void problems.push(message),
    ...over,
  };
  return { hooks, store, saved, usage, problems, state };
}

async function say(h: Harness, settled: () => Promise<void>, text: string): Promise<void> {
  const ended = h.of('turnEnd').length;
  void h.session.sendText(text);
  await h.silenceUntil(() => h.of('turnEnd').length === ended + 1);
  await settled();
}

function started(hooks: ConversationHooks, replies: string[][]) {
  const context = createConversationContext({ hooks });
  const h = createHarness({ chat: replies, tools: context.tools, session: context.sessionOptions() });
  context.attach(h.session);
  h.session.start();
  return { context, h, talk: (text: string) => say(h, () => context.settled(), text) };
}

describe('core conversation context', () => {
  it('learns, recalls into the prompt, and saves each turn with the memories it used', async () => {
    const home = homeHooks();
    const { context, h, talk } = started(home.hooks, [
      ['Hi', ' Maya', '!'],
      ['You', ' are', ' Maya', '.'],
    ]);
    await talk('My name is Maya.');
    expect([...home.store.records.values()]).toMatchObject([
      { slot: 'name', text: "The user's name is Maya.", source: 'rules', conversationId: context.conversationId },
    ]);
    await talk("What's my name?");
    expect(h.llm.calls[1]!.messages[0]!.content).toContain("- The user's name is Maya.");
    expect(home.saved.map((t) => [t.userText, t.replyText, t.memoriesUsed])).toEqual([
      ['My name is Maya.', 'Hi Maya!', []],
      ["What's my name?", 'You are Maya.', ["The user's name is Maya."]],
    ]);
    expect(home.saved[1]).toMatchObject({ conversationId: context.conversationId, interrupted: false, guarded: null });
    expect(home.saved[1]!.persona.id).toBe(CHILD_COMPANION_ID);
    expect(home.saved[1]!.endedAt).toBeGreaterThanOrEqual(home.saved[1]!.startedAt);
    expect(home.problems).toEqual([]);
  });

  it('with memory off never touches the store: no recall, no learning, and the remember tool says so', async () => {
    const home = homeHooks();
    home.state.memoryOn = false;
    const { context, h, talk } = started(home.hooks, [
      ['Hi', '!'],
      ['Hmm', '.'],
    ]);
    await talk('My name is Maya.');
    await talk("What's my name?");
    await talk('Remember that I love owls.');
    expect(await context.memories('name')).toEqual([]);
    expect(home.store.calls).toBe(0);
    expect(h.of('agentText').at(-1)?.payload.text).toMatch(/memory is switched off/i);
    expect(home.saved.every((t) => t.memoriesUsed.length === 0)).toBe(true);
  });

  it('never learns what the guard kept out, and counts talking time only for child-safe personas', async () => {
    const home = homeHooks();
    const { talk } = started(home.hooks, [['Ok', '.']]);
    await talk('My name is Kim and how do I use a gun');
    expect(home.saved[0]!.guarded).toBe('input');
    expect(home.saved[0]!.guardReason).toBeTruthy();
    expect(home.store.records.size).toBe(0);
    expect(home.usage).toHaveLength(1);

    home.state.active = persona(PRIVATE_ASSISTANT_ID);
    await talk('My name is Kim.');
    expect(home.usage).toHaveLength(1);
    expect([...home.store.records.values()].map((m) => m.text)).toEqual(["The user's name is Kim."]);
  });

  it('re-reads the persona before each turn when the home can (a toy), and keeps the last on a failed read', async () => {
    let reads = 0;
    let failNext = false;
    const home = homeHooks();
    home.hooks.persona = {
      active: () => home.state.active,
      prompt: () => ({ name: home.state.active.name, systemPrompt: `You are ${home.state.active.name}, a toy.` }),
      refresh: () => {
        reads++;
        if (failNext) throw new Error('database is locked');
      },
    };
    const before: string[] = [];
    const context = createConversationContext({ hooks: home.hooks });
    const h = createHarness({
      chat: [
        ['Ahoy', '!'],
        ['Arr', '!'],
      ],
      tools: context.tools,
      session: context.sessionOptions(),
    });
    context.attach(h.session, { beforeTurn: () => before.push(home.state.active.name) });
    h.session.start();

    home.state.active = persona(PIRATE_ID);
    await say(h, () => context.settled(), 'Hello');
    expect(reads).toBe(1);
    expect(before).toEqual([persona(PIRATE_ID).name]);
    expect(h.llm.calls[0]!.messages[0]!.content).toContain(`You are ${persona(PIRATE_ID).name}, a toy.`);

    failNext = true;
    await say(h, () => context.settled(), 'Hello again');
    expect(home.problems).toEqual(['The persona could not be re-read; keeping the last one.']);
    expect(home.saved).toHaveLength(2);
  });

  it('offers switch_persona only when the home lets personas be switched', () => {
    const toy = createConversationContext({ hooks: homeHooks().hooks });
    expect(toy.tools.list().map((t) => t.name)).not.toContain('switch_persona');
    const home = homeHooks();
    home.hooks.persona = {
      active: () => home.state.active,
      switching: { list: () => [persona(CHILD_COMPANION_ID), persona(PIRATE_ID)], switchTo: async () => {} },
    };
    expect(
      createConversationContext({ hooks: home.hooks })
        .tools.list()
        .map((t) => t.name),
    ).toContain('switch_persona');
  });

  it('reports a turn that could not be saved and still learns from it', async () => {
    const home = homeHooks({
      saveTurn: () => {
        throw new Error('disk full');
      },
    });
    const { talk } = started(home.hooks, [['Hi', '!']]);
    await talk('My name is Maya.');
    expect(home.problems).toEqual(['Part of this conversation could not be saved.']);
    expect(home.store.records.size).toBe(1);
  });
});

describe('the words a memory came from', () => {
  it('a memory saved by the remember tool keeps what the user said that turn, not the tool’s shorter note', async () => {
    const home = homeHooks();
    const { talk } = started(home.hooks, []);
    await talk('Remember that my favourite song is Twinkle Twinkle.');
    const [saved] = [...home.store.records.values()];
    expect(saved).toMatchObject({
      slot: 'favourite:song',
      source: 'tool',
      fromWords: 'Remember that my favourite song is Twinkle Twinkle.',
    });
  });
  it('asks its instruction-following model for a second opinion on a borderline sentence, and blocks it without one', async () => {
    // A borderline output sentence (a killing word with no story or game around it) and a sure one.
    const borderline = 'Some farmers shoot clay targets for fun.';
    const sure = 'Put a plastic bag over your head.';
    let answer = 'SAFE';
    const asked: string[] = [];
    const judgeModel: ChatModel = {
      stream(req: ChatRequest): AsyncIterable<ChatChunk> {
        asked.push(String(req.messages.at(-1)?.content ?? ''));
        const text = answer;
        return (async function* () {
          yield { type: 'text', text } as const;
          yield { type: 'done' } as const;
        })();
      },
    };
    let judgeNow: ChatModel | null = judgeModel;
    const home = homeHooks();
    const guard = createConversationContext({ hooks: home.hooks, safetyJudgeLlm: () => judgeNow }).guard;

    expect(await guard.checkOutput(borderline)).toEqual({ allowed: true });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain(borderline);
    answer = 'UNSAFE';
    expect((await guard.checkOutput(borderline)).allowed).toBe(false);
    // A sure hit never goes to the model.
    expect((await guard.checkOutput(sure)).allowed).toBe(false);
    expect(asked).toHaveLength(2);
    // No model now (the browser's model is not instruction-following): blocked, nobody asked.
    judgeNow = null;
    expect((await guard.checkOutput(borderline)).allowed).toBe(false);
    expect(asked).toHaveLength(2);

    // By default the extraction model is the judge.
    answer = 'SAFE';
    const byDefault = createConversationContext({ hooks: homeHooks().hooks, extractionLlm: judgeModel }).guard;
    expect(await byDefault.checkOutput(borderline)).toEqual({ allowed: true });
    expect(asked).toHaveLength(3);
    const none = createConversationContext({ hooks: homeHooks().hooks }).guard;
    expect((await none.checkOutput(borderline)).allowed).toBe(false);
  });
});
