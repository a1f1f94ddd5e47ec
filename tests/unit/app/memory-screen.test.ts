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
});
