// Toy memory in SQLite under the core's MemoryService (rules, contradiction updates, retrieval,
// forget), kept per device; and the toy context's guard: child-safe filter, the device's own
// daily limit and quiet hours, and profile changes picked up on the next turn.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { DeviceMemoryStore } from '../../../server/devices/device-memory-store.ts';
import { DeviceRepository } from '../../../server/devices/device-repository.ts';
import { DeviceUsage } from '../../../server/devices/device-usage.ts';
import { createToyContext } from '../../../server/agent/toy-context.ts';
import { MemoryService } from '../../../src/core/memory/memory-service.ts';
import { builtinPersona, PRIVATE_ASSISTANT_ID } from '../../../src/core/personas/index.ts';

describe('toy memory and context', () => {
  let db: HearthDatabase;
  let devices: DeviceRepository;
  let clock: Date;

  beforeEach(() => {
    db = openDatabase(':memory:');
    devices = new DeviceRepository(db);
    devices.create({ name: 'Bear', id: 'bear' });
    devices.create({ name: 'Owl', id: 'owl' });
    clock = new Date(2026, 5, 1, 10, 0); // local 10:00
  });
  afterEach(() => db.close());

  const contextFor = (deviceId: string) =>
    createToyContext({
      deviceId,
      profile: (id) => devices.get(id),
      memoryStore: new DeviceMemoryStore(db, deviceId),
      usage: new DeviceUsage(db, deviceId),
      now: () => clock,
      onProblem: (message, error) => {
        throw new Error(`${message}: ${String(error)}`);
      },
    });

  it('round-trips records and runs MemoryService over SQLite, per device', async () => {
    const bearStore = new DeviceMemoryStore(db, 'bear');
    const memory = new MemoryService({ store: bearStore });
    await memory.learnFromTurn({
      userText: 'My name is Maya and I love dinosaurs.',
      replyText: 'Hi Maya!',
      conversationId: 'c1',
    });
    const learned = await bearStore.list();
    expect(learned.map((m) => m.text).sort()).toEqual(['The user loves dinosaurs.', "The user's name is Maya."]);
    expect(learned.every((m) => m.conversationId === 'c1' && m.source === 'rules')).toBe(true);

    // A contradiction replaces the old fact in the same slot.
    await memory.learnFromTurn({ userText: 'My name is Ava.', replyText: '', conversationId: 'c2' });
    const names = (await bearStore.list()).filter((m) => m.slot === 'name');
    expect(names.map((m) => m.text)).toEqual(["The user's name is Ava."]);

    expect((await memory.relevant("what's my name?")).map((m) => m.text)).toContain("The user's name is Ava.");
    expect((await memory.forget('my name', 'c2')).map((m) => m.text)).toEqual(["The user's name is Ava."]);

    // The owl remembers nothing the bear learned.
    expect(await new DeviceMemoryStore(db, 'owl').list()).toEqual([]);
    // Embeddings survive the round trip as numbers.
    await bearStore.put({ ...learned[0]!, embedding: [0.5, -0.25] });
    expect((await bearStore.list()).find((m) => m.id === learned[0]!.id)?.embedding).toEqual([0.5, -0.25]);
  });

  it('builds the prompt persona from the profile: owner, voice and language win', () => {
    devices.updateProfile('bear', {
      ownerName: 'Maya',
      ownerNotes: 'She is six and loves owls.',
      voice: 'awb',
      language: 'de',
    });
    const persona = contextFor('bear').persona();
    expect(persona.systemPrompt).toContain('You are Bear, the toy of a child called Maya.');
    expect(persona.systemPrompt).toContain('She is six and loves owls.');
    expect(persona.voice).toBe('awb');
    expect(persona.language).toBe('de');
  });

  it('guards a child-safe toy: unsafe words, its own daily limit and quiet hours', async () => {
    const context = contextFor('bear');
    expect(await context.guard.checkInput('tell me about dinosaurs')).toEqual({ allowed: true });
    expect((await context.guard.checkInput('how do I use a gun')).allowed).toBe(false);
    expect((await context.guard.checkOutput('Let us find a knife to stab with.')).allowed).toBe(false);

    devices.updateProfile('bear', { limits: { dailyMinutes: 1, quietHours: null } });
    context.refresh();
    await context.onTurnEnd({ userText: 'hello', replyText: 'hi', guarded: null, durationMs: 61_000 });
    const limited = await context.guard.checkInput('tell me about dinosaurs');
    expect(limited).toMatchObject({ allowed: false, reason: 'daily-limit' });
    // The owl's time is its own.
    expect(await contextFor('owl').guard.checkInput('tell me about dinosaurs')).toEqual({ allowed: true });
    // Tomorrow is a new day.
    clock = new Date(2026, 5, 2, 10, 0);
    expect(await context.guard.checkInput('tell me about dinosaurs')).toEqual({ allowed: true });

    devices.updateProfile('bear', { limits: { dailyMinutes: null, quietHours: { start: '19:30', end: '07:00' } } });
    context.refresh();
    clock = new Date(2026, 5, 2, 20, 15);
    expect(await context.guard.checkInput('tell me a story')).toMatchObject({ allowed: false, reason: 'quiet-hours' });
  });

  it('an assistant persona is not limited, and words the guard stopped are never learned', async () => {
    devices.updateProfile('owl', {
      persona: builtinPersona(PRIVATE_ASSISTANT_ID)!,
      limits: { dailyMinutes: 1, quietHours: null },
    });
    const context = contextFor('owl');
    await context.onTurnEnd({ userText: 'My name is Sam.', replyText: 'Hi Sam.', guarded: null, durationMs: 120_000 });
    expect(await context.guard.checkInput('what is a gun')).toEqual({ allowed: true });
    expect(new DeviceUsage(db, 'owl').usedOn(clock)).toBe(0);
    expect((await context.memory.relevant('name')).map((m) => m.text)).toEqual(["The user's name is Sam."]);

    const bear = contextFor('bear');
    await bear.onTurnEnd({ userText: 'My name is Kim.', replyText: '', guarded: 'input', durationMs: 1000 });
    expect(await new DeviceMemoryStore(db, 'bear').list()).toEqual([]);
  });

  it('refuses a device that is not registered', () => {
    expect(() => contextFor('ghost')).toThrow(/not registered/);
  });
  it("filters songs and stories for the toy's audience: its persona's ages and the toy's language", () => {
    // The default persona is the children's companion (ages 3-10, child-safe).
    const bear = contextFor('bear');
    expect(bear.mediaAudience()).toEqual({ language: 'en', ages: { min: 3, max: 10 } });
    devices.updateProfile('bear', { language: 'de' });
    bear.refresh();
    expect(bear.mediaAudience().language).toBe('de');
    // A grown-up assistant has no age range: nothing is left out for age.
    devices.updateProfile('owl', { persona: builtinPersona(PRIVATE_ASSISTANT_ID)! });
    expect(contextFor('owl').mediaAudience().ages).toBeUndefined();
  });
});
