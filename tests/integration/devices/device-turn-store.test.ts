// Each toy's conversation history in SQLite (migration v5): kept per device, listed newest first a
// page at a time, deleted one by one or all, pruned by age, and gone with its device. And the toy
// context writing each finished turn there from the session's turn events.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createToyContext } from '../../../server/agent/toy-context.ts';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { DeviceMemoryStore } from '../../../server/devices/device-memory-store.ts';
import { DeviceRepository } from '../../../server/devices/device-repository.ts';
import { keepToyHistoryFor } from '../../../server/devices/device-turn-retention.ts';
import { DeviceTurnStore, type NewDeviceTurn } from '../../../server/devices/device-turn-store.ts';
import { DeviceUsage } from '../../../server/devices/device-usage.ts';
import { TypedEmitter } from '../../../src/core/events.ts';
import type { VoiceSessionEvents } from '../../../src/core/session-types.ts';

const turnAt = (iso: string, userText = `said at ${iso}`): NewDeviceTurn => ({
  startedAt: iso,
  endedAt: new Date(new Date(iso).getTime() + 2000).toISOString(),
  userText,
  replyText: `answer to ${userText}`,
  interrupted: false,
  guarded: null,
  personaName: 'Hearth',
});

describe('DeviceTurnStore', () => {
  let db: HearthDatabase;
  let devices: DeviceRepository;
  let turns: DeviceTurnStore;

  beforeEach(() => {
    db = openDatabase(':memory:');
    devices = new DeviceRepository(db);
    devices.create({ name: 'Bear', id: 'bear' });
    devices.create({ name: 'Owl', id: 'owl' });
    turns = new DeviceTurnStore(db);
  });
  afterEach(() => db.close());

  it('keeps every field of a turn, per device', () => {
    const added = turns.add('bear', {
      ...turnAt('2026-06-01T10:00:00.000Z', 'Tell me about monsters'),
      replyText: 'How about a story about a kind dragon?',
      interrupted: true,
      guarded: { stage: 'input', reason: 'blocked topic: monsters' },
      personaName: 'Captain Pip',
      memoriesUsed: ["The user's name is Maya."],
    });
    expect(added!.id).toMatch(/^turn-/);
    expect(turns.list('bear', { limit: 10 })).toEqual({
      turns: [
        {
          id: added!.id,
          deviceId: 'bear',
          startedAt: '2026-06-01T10:00:00.000Z',
          endedAt: '2026-06-01T10:00:02.000Z',
          userText: 'Tell me about monsters',
          replyText: 'How about a story about a kind dragon?',
          interrupted: true,
          guarded: { stage: 'input', reason: 'blocked topic: monsters' },
          personaName: 'Captain Pip',
          memoriesUsed: ["The user's name is Maya."],
        },
      ],
      next: null,
    });
    expect(turns.list('owl', { limit: 10 })).toEqual({ turns: [], next: null });
  });

  it('lists newest first, a page at a time, with the start of the last turn as the next cursor', () => {
    // Added out of order, with one time written with an offset: the order is by time, not by insertion.
    for (const iso of [
      '2026-06-01T10:02:00.000Z',
      '2026-06-01T10:00:00.000Z',
      '2026-06-01T12:04:00.000+02:00',
      '2026-06-01T10:01:00.000Z',
      '2026-06-01T10:03:00.000Z',
    ])
      turns.add('bear', turnAt(iso));
    turns.add('owl', turnAt('2026-06-01T10:05:00.000Z'));

    const first = turns.list('bear', { limit: 2 });
    expect(first.turns.map((t) => t.startedAt)).toEqual(['2026-06-01T10:04:00.000Z', '2026-06-01T10:03:00.000Z']);
    expect(first.next).toBe('2026-06-01T10:03:00.000Z');
    const second = turns.list('bear', { before: first.next, limit: 2 });
    expect(second.turns.map((t) => t.startedAt)).toEqual(['2026-06-01T10:02:00.000Z', '2026-06-01T10:01:00.000Z']);
    const last = turns.list('bear', { before: second.next, limit: 2 });
    expect(last).toMatchObject({ turns: [{ startedAt: '2026-06-01T10:00:00.000Z' }], next: null });
    // Exactly a full page left: no empty page after it.
    expect(turns.list('bear', { before: '2026-06-01T10:02:00.000Z', limit: 2 }).next).toBeNull();
    // At most 100 a page.
    expect(turns.list('bear', { limit: 1000 }).turns).toHaveLength(5);
  });

  it('deletes one turn of its own device only, or all of a device', () => {
    const bears = [
      turns.add('bear', turnAt('2026-06-01T10:00:00.000Z')),
      turns.add('bear', turnAt('2026-06-01T10:01:00.000Z')),
    ];
    const owl = turns.add('owl', turnAt('2026-06-01T10:00:00.000Z'));
    expect(turns.delete('owl', bears[0]!.id)).toBe(false);
    expect(turns.delete('bear', bears[0]!.id)).toBe(true);
    expect(turns.delete('bear', bears[0]!.id)).toBe(false);
    expect(turns.list('bear', { limit: 10 }).turns.map((t) => t.id)).toEqual([bears[1]!.id]);
    expect(turns.clear('bear')).toBe(1);
    expect(turns.list('bear', { limit: 10 }).turns).toEqual([]);
    expect(turns.list('owl', { limit: 10 }).turns.map((t) => t.id)).toEqual([owl!.id]);
  });

  it('prunes turns older than N days for every toy; 0 days keeps none', () => {
    const now = new Date('2026-06-30T12:00:00.000Z');
    turns.add('bear', turnAt('2026-05-31T11:59:59.000Z', 'old'));
    turns.add('owl', turnAt('2026-05-01T08:00:00.000Z', 'older'));
    turns.add('bear', turnAt('2026-05-31T12:00:01.000Z', 'recent'));
    expect(turns.prune(30, now)).toBe(2);
    expect(turns.list('bear', { limit: 10 }).turns.map((t) => t.userText)).toEqual(['recent']);
    expect(turns.list('owl', { limit: 10 }).turns).toEqual([]);
    expect(turns.prune(0, now)).toBe(1);
    expect(turns.list('bear', { limit: 10 }).turns).toEqual([]);
  });

  it('prunes at once when retention starts, and reports a failed prune instead of throwing', () => {
    turns.add('bear', turnAt('2000-01-01T00:00:00.000Z'));
    const pruned: number[] = [];
    const stop = keepToyHistoryFor(
      30,
      turns,
      () => {},
      (n) => pruned.push(n),
    );
    stop();
    expect(pruned).toEqual([1]);
    const problems: string[] = [];
    const stopBroken = keepToyHistoryFor(
      30,
      {
        prune: () => {
          throw new Error('disk full');
        },
      },
      (message) => problems.push(message),
    );
    stopBroken();
    expect(problems).toEqual(['Old toy conversation history could not be deleted.']);
  });

  it('goes with its device', () => {
    turns.add('bear', turnAt('2026-06-01T10:00:00.000Z'));
    turns.add('owl', turnAt('2026-06-01T10:00:00.000Z'));
    expect(devices.delete('bear')).toBe(true);
    expect(
      (db.prepare("SELECT COUNT(*) AS n FROM device_turns WHERE device_id = 'bear'").get() as { n: number }).n,
    ).toBe(0);
    expect(turns.list('owl', { limit: 10 }).turns).toHaveLength(1);
  });
});

describe('toy context keeping the history', () => {
  let db: HearthDatabase;
  let devices: DeviceRepository;

  beforeEach(() => {
    db = openDatabase(':memory:');
    devices = new DeviceRepository(db);
    devices.create({ name: 'Bear', id: 'bear' });
  });
  afterEach(() => db.close());

  /** A toy context attached to a session's event stream (the emitter VoiceSession uses; no engines behind it). */
  function attached(history: Parameters<typeof createToyContext>[0]['history'], problems: string[] = []) {
    const clock = { ms: Date.parse('2026-06-01T10:00:00.000Z') };
    const events = new TypedEmitter<VoiceSessionEvents>();
    // A session double: VoiceSession's event emitter and its setPersona, which is all the toy context uses.
    const session = Object.assign(events, { setPersona: () => {} });
    const context = createToyContext({
      deviceId: 'bear',
      profile: (id) => devices.get(id),
      memoryStore: new DeviceMemoryStore(db, 'bear'),
      usage: new DeviceUsage(db, 'bear'),
      history,
      now: () => new Date(clock.ms),
      onProblem: (message) => problems.push(message),
    });
    context.attach(session);
    return { events, clock };
  }
  const nextTick = () => new Promise((r) => setImmediate(r));

  it('stores each finished turn with its times, guard and interruption', async () => {
    const { events, clock } = attached(new DeviceTurnStore(db));
    events.emit('userTranscript', { turnId: 't1', text: 'Tell me something scary', final: true });
    events.emit('guarded', { turnId: 't1', stage: 'input', reason: 'child-safe: scary' });
    events.emit('agentText', { turnId: 't1', delta: 'Let us talk about kittens.', text: 'Let us talk about kittens.' });
    clock.ms += 1500;
    events.emit('turnEnd', { turnId: 't1', interrupted: true });
    await nextTick();
    expect(new DeviceTurnStore(db).list('bear', { limit: 10 }).turns).toEqual([
      expect.objectContaining({
        startedAt: '2026-06-01T10:00:00.000Z',
        endedAt: '2026-06-01T10:00:01.500Z',
        userText: 'Tell me something scary',
        replyText: 'Let us talk about kittens.',
        interrupted: true,
        guarded: { stage: 'input', reason: 'child-safe: scary' },
        personaName: devices.get('bear')!.persona.name,
      }),
    ]);
  });

  it('keeps nothing when history is off, and only reports a write that fails', async () => {
    const off = attached(null);
    off.events.emit('userTranscript', { turnId: 't1', text: 'Hello', final: true });
    off.events.emit('turnEnd', { turnId: 't1', interrupted: false });
    await nextTick();
    expect(new DeviceTurnStore(db).list('bear', { limit: 10 }).turns).toEqual([]);

    const problems: string[] = [];
    const broken = attached(
      {
        add: () => {
          throw new Error('database is locked');
        },
      },
      problems,
    );
    broken.events.emit('userTranscript', { turnId: 't2', text: 'Hello again', final: true });
    expect(() => broken.events.emit('turnEnd', { turnId: 't2', interrupted: false })).not.toThrow();
    await nextTick();
    expect(problems).toContain('This turn could not be kept in the conversation history.');
  });
});
