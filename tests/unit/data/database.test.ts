import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CHILD_COMPANION_ID, PIRATE_ID } from '../../../src/core/personas/builtin-personas.ts';
import { ConversationRepository } from '../../../src/data/conversation-repository.ts';
import { DataWriteError, onDataWriteFailure, type DataWriteFailure } from '../../../src/data/data-errors.ts';
import { HearthDb, SCHEMA_VERSIONS } from '../../../src/data/db.ts';
import { MemoryRepository } from '../../../src/data/memory-repository.ts';
import { PersonaRepository } from '../../../src/data/persona-repository.ts';
import { SettingsRepository } from '../../../src/data/settings-repository.ts';
import { UsageRepository } from '../../../src/data/usage-repository.ts';

let dbCount = 0;
const opened: HearthDb[] = [];
function freshName(): string {
  return `hearth-test-${++dbCount}-${Date.now()}`;
}
function open(name: string, versions = SCHEMA_VERSIONS): HearthDb {
  const db = new HearthDb(name, versions);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const memory = (id: string, text: string, slot = 'note:x') => ({
  id, slot, text, source: 'rules' as const, conversationId: 'c1', createdAt: 1, updatedAt: 2, embedding: [0.25, -1, 3.5],
});

describe('local database', () => {
  it('keeps memories, turns, personas and settings when the database is closed and opened again', async () => {
    const name = freshName();
    const first = open(name);
    await new MemoryRepository(first).put(memory('m1', "The user's name is Maya.", 'name'));
    await new ConversationRepository(first).addTurn({
      id: 't1', conversationId: 'c1', at: 5, userText: 'My name is Maya', replyText: 'Hi Maya!', personaId: CHILD_COMPANION_ID, interrupted: false, memoriesUsed: [], guarded: null,
    });
    await new SettingsRepository(first).set('memoryEnabled', false);
    const personas = new PersonaRepository(first);
    await personas.duplicate((await personas.get(PIRATE_ID)) ?? (await personas.list()).find((p) => p.id === PIRATE_ID)!);
    first.close();

    const second = open(name);
    expect(await new MemoryRepository(second).list()).toEqual([memory('m1', "The user's name is Maya.", 'name')]);
    expect(await new ConversationRepository(second).list()).toMatchObject([{ id: 'c1', title: 'My name is Maya', turnCount: 1 }]);
    expect(await new SettingsRepository(second).get('memoryEnabled')).toBe(false);
    expect((await new PersonaRepository(second).list()).map((p) => p.name)).toEqual(['Hearth', 'Captain Pip', 'Assistant', 'Captain Pip (copy)']);
  });

  it('migrates a version-1 database: memories get a slot and the new stores appear, data kept', async () => {
    const name = freshName();
    const v1 = open(name, SCHEMA_VERSIONS.slice(0, 1));
    await v1.table('memories').put({ id: 'old', text: 'The user loves kites.', updatedAt: 7 });
    v1.close();

    const current = open(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect(await current.memories.get('old')).toEqual({
      id: 'old', text: 'The user loves kites.', updatedAt: 7, slot: 'note:old', source: 'rules', embedding: null, conversationId: null, createdAt: 7,
    });
    expect(await current.personas.count()).toBe(0);
  });

  it('reports a failed write instead of dropping it', async () => {
    const db = open(freshName());
    const failures: DataWriteFailure[] = [];
    const off = onDataWriteFailure((f) => failures.push(f));
    db.close();
    await expect(new MemoryRepository(db).put(memory('m1', 'x'))).rejects.toBeInstanceOf(DataWriteError);
    off();
    expect(failures.map((f) => f.what)).toEqual(['a memory']);
  });

  it('deletes a conversation with its turns, and adds up talking time per day', async () => {
    const db = open(freshName());
    const conversations = new ConversationRepository(db);
    for (const [id, conversationId] of [['t1', 'a'], ['t2', 'a'], ['t3', 'b']] as const) {
      await conversations.addTurn({ id, conversationId, at: 1, userText: 'hi', replyText: 'hello', personaId: 'p', interrupted: false, memoriesUsed: [], guarded: null });
    }
    await conversations.delete('a');
    expect((await conversations.list()).map((c) => c.id)).toEqual(['b']);
    expect(await db.turns.count()).toBe(1);

    const usage = new UsageRepository(db);
    const day = new Date(2025, 2, 4, 10);
    await usage.add(day, 60_000);
    await usage.add(new Date(2025, 2, 4, 18), 30_000);
    expect(await usage.usedOn(day)).toBe(90_000);
    expect(await usage.usedOn(new Date(2025, 2, 5, 10))).toBe(0);
  });

  it('ignores a malformed stored setting', async () => {
    const db = open(freshName());
    await db.settings.put({ key: 'timeLimits', value: { dailyMinutes: 'lots', quietHours: { start: '25:00', end: '07:00' } } });
    expect(await new SettingsRepository(db).get('timeLimits')).toEqual({ dailyMinutes: null, quietHours: null });
  });
});
