// The toy honours its parent's memory switch (a per-toy profile field, PATCHed by Settings → Toys)
// and keeps in its history the memories each turn's prompt used, like the browser. A real
// VoiceSession (the core harness's engine doubles) follows the toy context over SQLite; the memory
// store is the real DeviceMemoryStore behind a counting double, so "nothing read or written" is
// counted, not assumed.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createToyContext, type ToyContext } from '../../../server/agent/toy-context.ts';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { DeviceMemoryStore } from '../../../server/devices/device-memory-store.ts';
import { DeviceRepository } from '../../../server/devices/device-repository.ts';
import { DeviceTurnStore } from '../../../server/devices/device-turn-store.ts';
import { DeviceUsage } from '../../../server/devices/device-usage.ts';
import type { MemoryRecord, MemoryStore } from '../../../src/core/memory/memory-types.ts';
import { createHarness, type Harness } from '../../unit/core/harness.ts';
import { buildTestApp, type BuiltApp } from './helpers.ts';

/** A MemoryStore test double: the real SQLite store underneath, every call counted. */
class CountingMemoryStore implements MemoryStore {
  readonly calls = { list: 0, put: 0, delete: 0 };
  constructor(private readonly inner: MemoryStore) {}
  list(): Promise<MemoryRecord[]> {
    this.calls.list++;
    return this.inner.list();
  }
  put(record: MemoryRecord): Promise<void> {
    this.calls.put++;
    return this.inner.put(record);
  }
  delete(id: string): Promise<void> {
    this.calls.delete++;
    return this.inner.delete(id);
  }
  touched(): number {
    return this.calls.list + this.calls.put + this.calls.delete;
  }
}

describe('toy memory switch and memories used', () => {
  let db: HearthDatabase;
  let devices: DeviceRepository;
  let store: CountingMemoryStore;
  let history: DeviceTurnStore;
  const problems: string[] = [];

  beforeEach(() => {
    db = openDatabase(':memory:');
    devices = new DeviceRepository(db);
    devices.create({ name: 'Bear', id: 'bear' });
    store = new CountingMemoryStore(new DeviceMemoryStore(db, 'bear'));
    history = new DeviceTurnStore(db);
    problems.length = 0;
  });
  afterEach(() => {
    expect(problems).toEqual([]);
    db.close();
  });

  /** A toy context as the agent builds it, followed by a VoiceSession that answers with `replies`. */
  function talkingToy(replies: string[][]): { toy: ToyContext; h: Harness } {
    const toy = createToyContext({
      deviceId: 'bear',
      profile: (id) => devices.get(id),
      memoryStore: store,
      usage: new DeviceUsage(db, 'bear'),
      history,
      onProblem: (message, error) => problems.push(`${message}: ${String(error)}`),
    });
    const h = createHarness({ chat: replies, tools: toy.tools, session: toy.sessionOptions() });
    toy.attach(h.session);
    h.session.start();
    return { toy, h };
  }

  /** Says `text`, waits for the turn to end and for the toy to finish saving and learning from it. */
  async function say(toy: ToyContext, h: Harness, text: string): Promise<void> {
    const ended = h.of('turnEnd').length;
    void h.session.sendText(text);
    await h.silenceUntil(() => h.of('turnEnd').length === ended + 1);
    await toy.settled();
  }

  const systemPrompt = (h: Harness, call: number) => h.llm.calls[call]!.messages[0]!.content;

  it('with memory on, learns, recalls, and records the memories a turn used in its history', async () => {
    const { toy, h } = talkingToy([
      ['Hello', ' Maya', '!'],
      ['You', ' are', ' Maya', '.'],
    ]);
    await say(toy, h, 'My name is Maya.');
    expect((await store.list()).map((m) => m.text)).toEqual(["The user's name is Maya."]);

    await say(toy, h, "What's my name?");
    expect(systemPrompt(h, 1)).toContain("Things you remember about the user:\n- The user's name is Maya.");
    const turns = history.list('bear', { limit: 10 }).turns;
    expect(turns.map((t) => [t.userText, t.memoriesUsed])).toEqual([
      ["What's my name?", ["The user's name is Maya."]],
      ['My name is Maya.', []],
    ]);
  });

  it('with memory off, reads and writes no memory at all (recall, learning, the remember tool), and records none used', async () => {
    await new DeviceMemoryStore(db, 'bear').put({
      id: 'mem-1',
      slot: 'name',
      text: "The user's name is Maya.",
      source: 'parent',
      conversationId: null,
      createdAt: 1,
      updatedAt: 1,
      embedding: null,
    });
    devices.updateProfile('bear', { memoryEnabled: false });
    const { toy, h } = talkingToy([
      ['Hi', ' Sam', '!'],
      ['I', ' do', ' not', ' know', '.'],
    ]);

    await say(toy, h, 'My name is Sam.');
    await say(toy, h, "What's my name?");
    await say(toy, h, 'Remember that I love owls.');

    expect(store.touched()).toBe(0);
    expect(systemPrompt(h, 1)).not.toContain('Maya');
    expect(h.of('agentText').at(-1)?.payload.text).toMatch(/memory is switched off/i);
    expect((await new DeviceMemoryStore(db, 'bear').list()).map((m) => m.text)).toEqual(["The user's name is Maya."]);
    expect(history.list('bear', { limit: 10 }).turns.every((t) => t.memoriesUsed.length === 0)).toBe(true);
    expect(history.list('bear', { limit: 10 }).turns).toHaveLength(3);
  });

  it("follows the parent's switch from the next turn, without a new session", async () => {
    const { toy, h } = talkingToy([
      ['Hi', '!'],
      ['Hello', ' Sam', '!'],
    ]);
    devices.updateProfile('bear', { memoryEnabled: false });
    await say(toy, h, 'My name is Sam.');
    expect(store.calls.put).toBe(0);

    devices.updateProfile('bear', { memoryEnabled: true });
    await say(toy, h, 'My name is Sam.');
    expect((await store.list()).map((m) => m.text)).toEqual(["The user's name is Sam."]);
  });
});

describe('memory switch in the devices API', () => {
  let built: BuiltApp;
  beforeAll(async () => {
    built = await buildTestApp();
  }, 60_000);
  afterAll(async () => {
    await built?.close();
  });

  const call = (method: 'GET' | 'PATCH', url: string, payload?: object) =>
    built.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${built.householdKey}` },
      ...(payload ? { payload } : {}),
    });

  it('is on for a new toy, PATCHes to off and back, and refuses anything but true or false with a clear 400', async () => {
    // Registered straight in the database: adding a toy over the API has its own rules (consent).
    new DeviceRepository(built.db).create({ name: 'Owl', id: 'owl' });
    expect((await call('GET', '/api/devices/owl')).json()).toMatchObject({ memoryEnabled: true });

    const off = await call('PATCH', '/api/devices/owl', { memoryEnabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ memoryEnabled: false });
    expect((await call('GET', '/api/devices/owl')).json()).toMatchObject({ memoryEnabled: false });

    const bad = await call('PATCH', '/api/devices/owl', { memoryEnabled: 'no' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ message: expect.stringContaining('memoryEnabled: true') });
    expect((await call('GET', '/api/devices/owl')).json()).toMatchObject({ memoryEnabled: false });

    expect((await call('PATCH', '/api/devices/owl', { memoryEnabled: true })).json()).toMatchObject({
      memoryEnabled: true,
    });
  });
});
