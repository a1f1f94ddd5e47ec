// Browser retention: conversations are kept for the days a parent chose (a week by default, none
// for 0), memories past their "forget after" date are deleted (not hidden), and old talking-time
// days go. Each case proves the data was there first and reads the raw IndexedDB store afterwards.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationRepository } from '../../../src/data/conversation-repository.ts';
import { HearthDb } from '../../../src/data/db.ts';
import { MemoryRepository } from '../../../src/data/memory-repository.ts';
import type { TurnRecord } from '../../../src/data/records.ts';
import { deleteExpiredData } from '../../../src/data/retention.ts';
import { DEFAULT_CONVERSATION_KEEP_DAYS, SettingsRepository } from '../../../src/data/settings-repository.ts';
import { UsageRepository, localDay } from '../../../src/data/usage-repository.ts';
import { RetentionChore } from '../../../src/app/privacy/retention-chore.ts';
import { MemoryService } from '../../../src/core/memory/memory-service.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 3, 20, 12);

let count = 0;
const opened: HearthDb[] = [];
function freshDb(): HearthDb {
  const db = new HearthDb(`hearth-retention-${++count}-${Date.now()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function turn(id: string, conversationId: string, at: number, userText: string): TurnRecord {
  return { id, conversationId, at, userText, replyText: `You said ${userText}`, personaId: 'p', interrupted: false, memoriesUsed: [], guarded: null };
}

const memory = (id: string, text: string) => ({
  id, slot: `note:${id}`, text, source: 'rules' as const, conversationId: null, createdAt: 1, updatedAt: 2, embedding: null,
});

/** Every string stored anywhere in the raw tables, to prove words are gone (not just unlisted). */
async function everyStoredWord(db: HearthDb): Promise<string> {
  const rows = await Promise.all(db.tables.map((t) => t.toArray()));
  return JSON.stringify(rows);
}

describe('browser conversation retention', () => {
  it('keeps a week by default: older turns and their conversation are deleted, the title follows the first kept turn', async () => {
    const db = freshDb();
    const conversations = new ConversationRepository(db);
    expect(await new SettingsRepository(db).get('conversationKeepDays')).toBe(DEFAULT_CONVERSATION_KEEP_DAYS);
    expect(DEFAULT_CONVERSATION_KEEP_DAYS).toBe(7);
    await conversations.addTurn(turn('t1', 'old', NOW - 9 * DAY, 'my secret den is under the stairs'));
    await conversations.addTurn(turn('t2', 'mixed', NOW - 8 * DAY, 'my teacher is Mrs Pemberton'));
    await conversations.addTurn(turn('t3', 'mixed', NOW - 1 * DAY, 'tell me about owls'));
    await conversations.addTurn(turn('t4', 'new', NOW - 6 * DAY, 'a story about a turtle'));
    expect(await everyStoredWord(db)).toContain('secret den');
    expect(await everyStoredWord(db)).toContain('Pemberton');

    const result = await deleteExpiredData(db, NOW);

    expect(result.turns).toBe(2);
    expect((await conversations.list()).map((c) => c.id).sort()).toEqual(['mixed', 'new']);
    expect(await conversations.turns('mixed')).toMatchObject([{ id: 't3' }]);
    expect((await conversations.list()).find((c) => c.id === 'mixed')).toMatchObject({
      title: 'tell me about owls',
      turnCount: 1,
      startedAt: NOW - 1 * DAY,
    });
    const left = await everyStoredWord(db);
    expect(left).not.toContain('secret den');
    expect(left).not.toContain('Pemberton');
    expect(left).toContain('a story about a turtle');
  });

  it('follows the days the parent chose', async () => {
    const db = freshDb();
    await new SettingsRepository(db).set('conversationKeepDays', 2);
    const conversations = new ConversationRepository(db);
    await conversations.addTurn(turn('t1', 'c1', NOW - 3 * DAY, 'three days ago'));
    await conversations.addTurn(turn('t2', 'c2', NOW - 1 * DAY, 'yesterday'));
    await deleteExpiredData(db, NOW);
    expect((await conversations.allTurns()).map((t) => t.userText)).toEqual(['yesterday']);
  });

  it('"don’t keep" (0 days) saves no new turn and deletes every kept one', async () => {
    const db = freshDb();
    const conversations = new ConversationRepository(db);
    await conversations.addTurn(turn('t1', 'c1', NOW - 60_000, 'kept before the parent changed it'));
    expect(await conversations.turnCount()).toBe(1);
    const settings = new SettingsRepository(db);
    await settings.set('conversationKeepDays', 0);

    await conversations.addTurn(turn('t2', 'c2', NOW, 'said after'));
    expect(await conversations.turnCount()).toBe(1);
    await deleteExpiredData(db, NOW);
    expect(await conversations.turnCount()).toBe(0);
    expect(await conversations.list()).toEqual([]);
    expect(await everyStoredWord(db)).not.toContain('kept before');
  });

  it('a damaged setting falls back to a week; days are capped at a year', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'conversationKeepDays', value: 'forever' });
    expect(await new SettingsRepository(db).get('conversationKeepDays')).toBe(7);
    await db.settings.put({ key: 'conversationKeepDays', value: -3 });
    expect(await new SettingsRepository(db).get('conversationKeepDays')).toBe(7);
    await db.settings.put({ key: 'conversationKeepDays', value: 100_000 });
    expect(await new SettingsRepository(db).get('conversationKeepDays')).toBe(365);
  });
});

describe('memory expiry', () => {
  it('an expired memory is never listed and is deleted from the store; others stay', async () => {
    const db = freshDb();
    let now = NOW;
    const memories = new MemoryRepository(db, () => now);
    await memories.put(memory('m1', 'Maya is scared of the dentist Dr Quillfeather'));
    await memories.put(memory('m2', 'Maya loves kites'));
    expect(await memories.setForgetAfter('m1', NOW + DAY)).toBe(true);
    expect(await memories.setForgetAfter('nope', NOW + DAY)).toBe(false);
    expect((await memories.list()).map((m) => m.id).sort()).toEqual(['m1', 'm2']);
    expect(await memories.nextExpiry()).toBe(NOW + DAY);

    now = NOW + DAY + 1;
    // Past the date: not listed (so never put into a prompt) even before the chore runs.
    expect((await memories.list()).map((m) => m.id)).toEqual(['m2']);
    expect(await everyStoredWord(db)).toContain('Quillfeather');
    const result = await deleteExpiredData(db, now);
    expect(result.memories).toBe(1);
    expect(await memories.count()).toBe(1);
    expect(await everyStoredWord(db)).not.toContain('Quillfeather');
    expect(await memories.nextExpiry()).toBeNull();
  });

  it('the forget date survives the memory being learned again or edited, and can be cleared', async () => {
    const db = freshDb();
    const memories = new MemoryRepository(db, () => NOW);
    const service = new MemoryService({ store: memories, now: () => NOW });
    const [learned] = await service.saveFacts([{ slot: 'likes:kites', text: 'The user likes kites.' }], 'rules', 'c1');
    await memories.setForgetAfter(learned!.id, NOW + 5 * DAY);
    // Same slot, new words: the service replaces the record by id.
    await service.saveFacts([{ slot: 'likes:kites', text: 'The user loves red kites.' }], 'rules', 'c1');
    const [relearned] = await memories.list();
    expect(relearned).toMatchObject({ id: learned!.id, text: 'The user loves red kites.', forgetAfter: NOW + 5 * DAY });
    await service.edit(relearned!, 'The user loves blue kites.');
    expect((await memories.list())[0]).toMatchObject({ text: 'The user loves blue kites.', forgetAfter: NOW + 5 * DAY });

    await memories.setForgetAfter(learned!.id, null);
    expect((await memories.list())[0]).not.toHaveProperty('forgetAfter');
    expect(await memories.nextExpiry()).toBeNull();
  });
});

describe('talking time', () => {
  it('keeps the last week of days only', async () => {
    const db = freshDb();
    const usage = new UsageRepository(db);
    const today = new Date(NOW);
    for (const daysAgo of [0, 6, 7, 30]) await usage.add(new Date(NOW - daysAgo * DAY), 60_000);
    await deleteExpiredData(db, NOW);
    expect((await usage.all()).map((u) => u.day)).toEqual([localDay(new Date(NOW - 6 * DAY)), localDay(today)]);
  });
});

describe('the retention chore', () => {
  it('runs at start and again, by itself, when a memory’s forget date comes', async () => {
    const db = freshDb();
    let now = NOW;
    const memories = new MemoryRepository(db, () => now);
    await memories.put(memory('m1', 'soon forgotten'));
    await memories.setForgetAfter('m1', NOW + 60_000);
    const runs: number[] = [];
    const chore = new RetentionChore({
      db,
      now: () => now,
      onRun: (result) => {
        runs.push(result.memories);
        // After the first run the clock passes the forget date; without a wake-up for it the
        // next run would be a day away and this test would time out.
        now = NOW + 120_000;
      },
    });
    const secondRun = new Promise<void>((resolve) => {
      const wait = setInterval(() => {
        if (runs.length >= 2) {
          clearInterval(wait);
          resolve();
        }
      }, 5);
    });
    await chore.runNow();
    await secondRun;
    chore.stop();
    expect(runs).toEqual([0, 1]);
    expect(await memories.count()).toBe(0);
  });
});
