// The Memory screen's actions (src/app/memory/memory-screen.ts) on a real Dexie database
// (fake-indexeddb): what the screen shows and what each button does to the stored data. The backup
// file (dexie-export-import needs a browser) is covered by tests/e2e/memory-screen.test.ts.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  conversationTurns,
  deleteConversation,
  listConversations,
  listMemories,
  listMemoriesToShow,
  memorySwitch,
  saveEditedMemory,
  setMemorySwitch,
} from '../../../src/app/memory/memory-screen.ts';
import { ConversationRepository } from '../../../src/data/conversation-repository.ts';
import { hearthDb } from '../../../src/data/db.ts';
import { MemoryRepository } from '../../../src/data/memory-repository.ts';

const NOW = Date.UTC(2026, 11, 3, 9);

beforeEach(async () => {
  const db = hearthDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  await new MemoryRepository(db).put({
    id: 'm1',
    slot: 'pet:name',
    text: 'The dog is called Rex',
    source: 'rules',
    conversationId: 'c1',
    createdAt: NOW - 1000,
    updatedAt: NOW - 1000,
    embedding: [0.1, 0.2],
  });
  await new ConversationRepository(db).addTurn({
    id: 't1',
    conversationId: 'c1',
    at: NOW - 500,
    userText: 'My dog is called Rex',
    replyText: 'What a good name!',
    personaId: 'p',
    interrupted: false,
    memoriesUsed: [],
    guarded: null,
  });
});

describe('the Memory screen actions', () => {
  it("a parent's edit replaces the words, counts as the parent's and drops the old embedding", async () => {
    const [memory] = await listMemories();
    await saveEditedMemory(memory!, '  The dog is called Rexy  ', NOW);
    const [edited] = await listMemories();
    expect(edited).toMatchObject({ id: 'm1', text: 'The dog is called Rexy', source: 'parent', updatedAt: NOW });
    expect(edited!.embedding).toBeNull();
  });

  it('the switches are stored and read back', async () => {
    expect(await memorySwitch('memoryEnabled')).toBe(true);
    await setMemorySwitch('memoryEnabled', false);
    await setMemorySwitch('memoryLlmExtraction', false);
    expect(await memorySwitch('memoryEnabled')).toBe(false);
    expect(await memorySwitch('memoryLlmExtraction')).toBe(false);
  });

  it('a conversation opens to its turns, and deleting it removes them', async () => {
    const [conversation] = await listConversations();
    expect((await conversationTurns(conversation!.id)).map((t) => t.userText)).toEqual(['My dog is called Rex']);
    await deleteConversation(conversation!.id);
    expect(await listConversations()).toEqual([]);
    expect(await conversationTurns(conversation!.id)).toEqual([]);
  });

  it('shows each memory about the child by name, with the words it came from and one date', async () => {
    const db = hearthDb();
    const repository = new MemoryRepository(db);
    const memory = (id: string, slot: string, text: string, at: number, extra: object = {}) => ({
      id,
      slot,
      text,
      source: 'rules' as const,
      conversationId: 'c2',
      createdAt: at,
      updatedAt: at,
      embedding: null,
      ...extra,
    });
    await repository.put(memory('n', 'name', "The user's name is Maya.", NOW - 300, { fromWords: 'My name is Maya.' }));
    await repository.put(
      memory('d', 'likes:dinosaur', 'The user loves dinosaurs.', NOW - 200, { fromWords: 'I love dinosaurs!' }),
    );
    // Older memories, stored before the words were kept: found again in their conversation's turns, or not.
    await repository.put(memory('b', 'family:brother', "The user's brother is called Leo.", NOW - 100));
    await repository.put(memory('s', 'note:swim', 'The user has swimming on Tuesdays.', NOW - 50));
    await repository.put({
      ...memory('p', 'note:kite', 'Maya flies kites.', NOW - 10, { source: 'parent' }),
      conversationId: null,
    });
    await new ConversationRepository(db).addTurn({
      id: 't2',
      conversationId: 'c2',
      at: NOW - 400,
      userText: 'Hello. My brother is called Leo!',
      replyText: 'Hi!',
      personaId: 'p',
      interrupted: false,
      memoriesUsed: [],
      guarded: null,
    });

    const shown = Object.fromEntries((await listMemoriesToShow()).map((m) => [m.memory.id, m]));
    expect(shown['n']).toMatchObject({ text: 'Their name is Maya.', fromWords: 'My name is Maya.', at: NOW - 300 });
    expect(shown['d']).toMatchObject({
      text: 'Maya loves dinosaurs.',
      fromWords: 'I love dinosaurs!',
      fromOlderConversation: false,
    });
    expect(shown['b']).toMatchObject({ text: "Maya's brother is called Leo.", fromWords: 'My brother is called Leo!' });
    expect(shown['s']).toMatchObject({
      text: 'Maya has swimming on Tuesdays.',
      fromWords: null,
      fromOlderConversation: true,
    });
    expect(shown['p']).toMatchObject({ text: 'Maya flies kites.', fromWords: null, fromOlderConversation: false });
    // Words without "the user" stay; its conversation's turn holds no rule for its slot: "from an earlier conversation".
    expect(shown['m1']).toMatchObject({ text: 'The dog is called Rex', fromOlderConversation: true });
    for (const m of Object.values(shown)) expect(m.text).not.toMatch(/\buser\b/i);
  });

  it('without a name memory, memories read without a subject; a parent’s edit keeps the words it came from', async () => {
    const repository = new MemoryRepository(hearthDb());
    await repository.put({
      id: 'd',
      slot: 'likes:dinosaur',
      text: 'The user loves dinosaurs.',
      source: 'llm',
      conversationId: 'c9',
      createdAt: NOW,
      updatedAt: NOW,
      embedding: null,
      fromWords: 'I really love dinosaurs',
    });
    const [first] = (await listMemoriesToShow()).filter((m) => m.memory.id === 'd');
    expect(first).toMatchObject({ text: 'Loves dinosaurs.', fromWords: 'I really love dinosaurs' });
    await saveEditedMemory(first!.memory, 'Loves stegosauruses.', NOW + 1);
    const [edited] = (await listMemoriesToShow()).filter((m) => m.memory.id === 'd');
    expect(edited).toMatchObject({ text: 'Loves stegosauruses.', fromWords: 'I really love dinosaurs', at: NOW + 1 });
    expect(edited!.memory.source).toBe('parent');
  });
});
