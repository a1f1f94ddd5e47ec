import { describe, expect, it } from 'vitest';
import type { ChatChunk, ChatModel, ChatRequest, Embedder } from '../../../src/core/engines.ts';
import { LlmFactExtractor, parseFacts } from '../../../src/core/memory/llm-fact-extractor.ts';
import { MemoryService } from '../../../src/core/memory/memory-service.ts';
import type { MemoryRecord, MemoryStore } from '../../../src/core/memory/memory-types.ts';
import { createForgetTool } from '../../../src/core/memory/tools/forget.ts';
import { createRememberTool } from '../../../src/core/memory/tools/remember.ts';

/** In-memory MemoryStore (the Dexie one is tested in tests/unit/data). */
class MapMemoryStore implements MemoryStore {
  readonly rows = new Map<string, MemoryRecord>();
  async list() {
    return [...this.rows.values()];
  }
  async put(record: MemoryRecord) {
    this.rows.set(record.id, structuredClone(record));
  }
  async delete(id: string) {
    this.rows.delete(id);
  }
}

/** Scripted fake ChatModel: replays fixed chunks, records the request. */
class ScriptedExtractionModel implements ChatModel {
  readonly requests: ChatRequest[] = [];
  constructor(private readonly chunks: ChatChunk[]) {}
  async *stream(req: ChatRequest): AsyncGenerator<ChatChunk> {
    this.requests.push(req);
    yield* this.chunks;
  }
}

/** Fake embedder over a tiny fixed vocabulary: one dimension per topic word. */
const TOPICS = ['name', 'brother', 'dinosaur', 'broccoli', 'dog', 'swim', 'blue', 'paris'];
const topicEmbedder: Embedder = {
  dimensions: TOPICS.length,
  async embed(texts) {
    return texts.map((text) => Float32Array.from(TOPICS.map((t) => (text.toLowerCase().includes(t) ? 1 : 0))));
  },
};

function service(options: Partial<ConstructorParameters<typeof MemoryService>[0]> = {}) {
  const store = new MapMemoryStore();
  let clock = 1000;
  let ids = 0;
  const memory = new MemoryService({ store, now: () => ++clock, newId: () => `m${++ids}`, ...options });
  return { store, memory };
}

describe('MemoryService', () => {
  it('learns a fact from a turn with the rules and recalls it for "what is my name?"', async () => {
    const { memory, store } = service();
    await memory.learnFromTurn({ userText: 'Hello! My name is Maya.', replyText: 'Hi Maya!', conversationId: 'c1' });
    expect([...store.rows.values()]).toMatchObject([
      { slot: 'name', text: "The user's name is Maya.", source: 'rules', conversationId: 'c1' },
    ]);
    expect((await memory.relevant("What's my name?")).map((m) => m.text)).toEqual(["The user's name is Maya."]);
  });

  it('de-duplicates, and a new fact replaces the contradicted old one (keeping when it was first learned)', async () => {
    const { memory, store } = service();
    await memory.learnFromTurn({ userText: 'I love broccoli', replyText: '', conversationId: 'c1' });
    const first = [...store.rows.values()][0]!;
    expect(await memory.learnFromTurn({ userText: 'I love broccoli!', replyText: '', conversationId: 'c2' })).toEqual(
      [],
    );
    await memory.learnFromTurn({ userText: "I don't like broccoli any more", replyText: '', conversationId: 'c3' });
    const rows = [...store.rows.values()];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: first.id,
      text: 'The user does not like broccoli.',
      createdAt: first.createdAt,
      conversationId: 'c3',
    });
    expect(rows[0]!.updatedAt).toBeGreaterThan(first.updatedAt);
  });

  it('retrieves the most relevant few by embedding, always including the name', async () => {
    const { memory } = service({ embedder: topicEmbedder, promptLimit: 2 });
    for (const text of [
      'My name is Maya',
      'my brother is Leo',
      'I love dinosaurs',
      'I have a dog',
      'my favourite colour is blue',
      'I live in Paris',
    ]) {
      await memory.learnFromTurn({ userText: text, replyText: '', conversationId: 'c1' });
    }
    const recalled = (await memory.relevant('tell me about my brother')).map((m) => m.text);
    expect(recalled).toEqual(["The user's name is Maya.", "The user's brother is called Leo."]);
  });

  it('an embedder that finishes loading later is used from then on; older memories get their embedding at the next recall', async () => {
    let loaded: Embedder | null = null;
    const { memory, store } = service({ embedder: () => loaded, promptLimit: 2 });
    for (const text of ['My name is Maya', 'I love dinosaurs', 'I have a dog'])
      await memory.learnFromTurn({ userText: text, replyText: '', conversationId: 'c1' });
    expect([...store.rows.values()].map((m) => m.embedding)).toEqual([null, null, null]);
    loaded = topicEmbedder;
    await memory.learnFromTurn({ userText: 'my brother is Leo', replyText: '', conversationId: 'c1' });
    expect([...store.rows.values()].filter((m) => m.embedding !== null).map((m) => m.text)).toEqual([
      "The user's brother is called Leo.",
    ]);
    // "pet" shares no word with "dog": only the embedding can find it.
    const recalled = (await memory.relevant('what pet dog')).map((m) => m.text);
    expect(recalled).toEqual(["The user's name is Maya.", 'The user has a dog.']);
    for (const row of store.rows.values()) expect(row.embedding).toHaveLength(TOPICS.length);
  });

  it('an LLM extraction cut short on purpose (the user spoke again) keeps the rule facts and warns nobody', async () => {
    const warnings: string[] = [];
    const controller = new AbortController();
    // A model that only stops when told to (as a busy wllama does).
    const busy: ChatModel = {
      async *stream(req) {
        await new Promise((resolve) => req.signal?.addEventListener('abort', resolve, { once: true }));
        throw new DOMException('aborted', 'AbortError');
        yield { type: 'text', text: '' }; // never reached: the stream ends by throwing
      },
    };
    const { memory, store } = service({ llmExtractor: new LlmFactExtractor(busy), onWarning: (m) => warnings.push(m) });
    const learning = memory.learnFromTurn(
      { userText: 'I have a cat', replyText: '', conversationId: 'c1' },
      controller.signal,
    );
    controller.abort();
    await learning;
    expect([...store.rows.values()].map((m) => m.text)).toEqual(['The user has a cat.']);
    expect(warnings).toEqual([]);
  });

  it('falls back to shared words without an embedder', async () => {
    const { memory } = service({ promptLimit: 2 });
    for (const text of ['My name is Maya', 'I love dinosaurs', 'I have a dog', 'I live in Paris']) {
      await memory.learnFromTurn({ userText: text, replyText: '', conversationId: 'c1' });
    }
    expect((await memory.relevant('do you know any dinosaurs?')).map((m) => m.text)).toEqual([
      "The user's name is Maya.",
      'The user loves dinosaurs.',
    ]);
  });

  it('learns and recalls nothing while memory is switched off', async () => {
    let enabled = false;
    const { memory, store } = service({ enabled: () => enabled });
    await memory.learnFromTurn({ userText: 'My name is Maya', replyText: '', conversationId: 'c1' });
    expect(store.rows.size).toBe(0);
    enabled = true;
    await memory.learnFromTurn({ userText: 'My name is Maya', replyText: '', conversationId: 'c1' });
    enabled = false;
    expect(await memory.relevant('what is my name')).toEqual([]);
  });

  it('forget: the brother\'s name, "that", and everything', async () => {
    const { memory, store } = service();
    for (const text of ['My name is Maya', 'my brother is Leo', 'I love dinosaurs']) {
      await memory.learnFromTurn({ userText: text, replyText: '', conversationId: 'c1' });
    }
    const forgetTool = createForgetTool({
      forget: async (what) => ({ forgotten: (await memory.forget(what, 'c1')).map((m) => m.text) }),
    });
    const args = forgetTool.directCommand!("Forget my brother's name.");
    expect(args).toEqual({ what: 'my brothers name' });
    const result = await forgetTool.execute(args!, {
      signal: new AbortController().signal,
      now: new Date(),
      services: {},
    });
    expect(result.say).toBe('Okay, I’ve forgotten that.');
    expect([...store.rows.values()].map((m) => m.slot).sort()).toEqual(['likes:dinosaur', 'name']);

    expect((await memory.forget('that', 'c1')).map((m) => m.slot)).toEqual(['likes:dinosaur']);
    await memory.forget('everything', 'c1');
    expect(store.rows.size).toBe(0);
    // A request to forget is never learned as a fact itself.
    expect(
      await memory.learnFromTurn({ userText: 'forget that I love dinosaurs', replyText: '', conversationId: 'c1' }),
    ).toEqual([]);
  });

  it('remember: a rule fact or a third-person note, by direct command', async () => {
    const { memory, store } = service();
    const rememberTool = createRememberTool({
      remember: async (text) => ({ enabled: true, saved: (await memory.remember(text, 'c1')).map((m) => m.text) }),
    });
    expect(rememberTool.directCommand!('do you remember my name?')).toBeNull();
    const args = rememberTool.directCommand!('Remember that I have swimming on Tuesdays.');
    expect(args).toEqual({ fact: 'I have swimming on Tuesdays' });
    const result = await rememberTool.execute(args!, {
      signal: new AbortController().signal,
      now: new Date(),
      services: {},
    });
    expect(result.say).toBe('Okay, I’ll remember that.');
    await memory.remember('my brother is Leo', 'c1');
    expect([...store.rows.values()].map((m) => m.text)).toEqual([
      'The user has swimming on Tuesdays.',
      "The user's brother is called Leo.",
    ]);
  });
});

describe('LLM fact extraction (constrained JSON)', () => {
  it('reads the save_facts tool call and drops anything that does not validate', async () => {
    const llm = new ScriptedExtractionModel([
      {
        type: 'tool_call',
        call: {
          id: 'x',
          name: 'save_facts',
          arguments: {
            facts: [
              { slot: 'family:grandmother', text: "The user's granny lives by the sea" },
              { slot: 'DROP TABLE', text: 'x' },
              { slot: 'age' },
            ],
          },
        },
      },
      { type: 'done' },
    ]);
    const facts = await new LlmFactExtractor(llm).extract('My granny lives by the sea', 'How lovely!');
    expect(facts).toEqual([{ slot: 'family:grandmother', text: "The user's granny lives by the sea." }]);
    expect(llm.requests[0]!.tools!.map((t) => t.name)).toEqual(['save_facts']);
    expect(llm.requests[0]!.temperature).toBe(0);
  });

  it('accepts a bare JSON reply and ignores prose', async () => {
    const json = new ScriptedExtractionModel([
      { type: 'text', text: 'Sure: {"facts":[{"slot":"likes:kite","text":"The user loves kites."}]}' },
      { type: 'done' },
    ]);
    expect(await new LlmFactExtractor(json).extract('I love kites', '')).toEqual([
      { slot: 'likes:kite', text: 'The user loves kites.' },
    ]);
    const prose = new ScriptedExtractionModel([
      { type: 'text', text: 'Once upon a time there was a kite.' },
      { type: 'done' },
    ]);
    expect(await new LlmFactExtractor(prose).extract('I love kites', '')).toEqual([]);
    expect(parseFacts({ facts: 'nope' })).toEqual([]);
  });

  it('LLM facts win over the rules for the same slot; an LLM failure still keeps the rule facts', async () => {
    const llm = new ScriptedExtractionModel([
      {
        type: 'tool_call',
        call: {
          id: 'x',
          name: 'save_facts',
          arguments: { facts: [{ slot: 'name', text: "The user's name is Maya Rose." }] },
        },
      },
    ]);
    const { memory, store } = service({ llmExtractor: new LlmFactExtractor(llm) });
    await memory.learnFromTurn({ userText: 'My name is Maya Rose', replyText: '', conversationId: 'c1' });
    expect([...store.rows.values()].map((m) => m.text)).toEqual(["The user's name is Maya Rose."]);

    const warnings: string[] = [];
    const failing = service({
      llmExtractor: { extract: async () => Promise.reject(new Error('model busy')) },
      onWarning: (m) => warnings.push(m),
    });
    await failing.memory.learnFromTurn({ userText: 'I have a cat', replyText: '', conversationId: 'c1' });
    expect([...failing.store.rows.values()].map((m) => m.text)).toEqual(['The user has a cat.']);
    expect(warnings).toHaveLength(1);
  });
});
