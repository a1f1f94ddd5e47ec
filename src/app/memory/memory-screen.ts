// What the Memory screen reads and changes in this browser: the memories, the conversations and
// their turns, and the memory switches (the backup file is memory-backup-file.ts). The screen
// renders; this opens the database. Each reader is a plain query the screen follows live.

import { findFromWords } from '../../core/memory/memory-origin.ts';
import type { MemoryRecord } from '../../core/memory/memory-types.ts';
import { childNameFromMemories, naturalMemoryText } from '../../core/memory/memory-wording.ts';
import { ConversationRepository } from '../../data/conversation-repository.ts';
import { hearthDb } from '../../data/db.ts';
import { MemoryRepository } from '../../data/memory-repository.ts';
import type { ConversationRecord, StoredMemory, TurnRecord } from '../../data/records.ts';
import { SettingsRepository } from '../../data/settings-repository.ts';

export { onDataWriteFailure } from '../../data/data-errors.ts';
// The screens render these records; they name them through this module, not src/data.
export type { ConversationRecord, TurnRecord };

/** The Memory screen's two switches. */
export type MemorySwitch = 'memoryEnabled' | 'memoryLlmExtraction';

const memories = () => new MemoryRepository(hearthDb());
const conversations = () => new ConversationRepository(hearthDb());
const settings = () => new SettingsRepository(hearthDb());

export function listMemories(): Promise<StoredMemory[]> {
  return memories().list();
}

/** A memory as the Memory screen shows it. */
export interface ShownMemory {
  memory: StoredMemory;
  /** How it reads to a parent: "Maya loves dinosaurs." (never "The user ..."). */
  text: string;
  /** The user's words it came from ("I love dinosaurs!"), or null when they are not known. */
  fromWords: string | null;
  /** Learned in a conversation before Hearth kept the words (and they could not be found again). */
  fromOlderConversation: boolean;
  /** When it was learned or last changed: the one date the screen shows. */
  at: number;
}

/**
 * The memories as a parent reads them, newest first: about the child by name when a memory holds
 * it, each with the words it came from. A memory stored before Hearth kept those words gets them
 * from its conversation's saved turns when the rules find it there.
 */
export async function listMemoriesToShow(): Promise<ShownMemory[]> {
  const all = await memories().list();
  const name = childNameFromMemories(all);
  const saidIn = new Map<string, Promise<string[]>>();
  const userTexts = (conversationId: string) => {
    let texts = saidIn.get(conversationId);
    if (!texts) {
      texts = conversations()
        .turns(conversationId)
        .then((turns) => turns.map((turn) => turn.userText));
      saidIn.set(conversationId, texts);
    }
    return texts;
  };
  return Promise.all(
    all.map(async (memory) => {
      let fromWords = memory.fromWords?.trim() || null;
      if (!fromWords && memory.conversationId)
        fromWords = findFromWords(memory, await userTexts(memory.conversationId));
      return {
        memory,
        text: naturalMemoryText(memory.text, name),
        fromWords,
        fromOlderConversation: !fromWords && memory.conversationId != null,
        at: memory.updatedAt,
      };
    }),
  );
}

/** A parent's edit: the new words replace the old, and the memory now counts as the parent's. */
export function saveEditedMemory(memory: MemoryRecord, text: string, now = Date.now()): Promise<void> {
  return memories().put({ ...memory, text: text.trim(), source: 'parent', updatedAt: now, embedding: null });
}

export function deleteMemory(id: string): Promise<void> {
  return memories().delete(id);
}

export function deleteAllMemories(): Promise<void> {
  return memories().deleteAll();
}

export function listConversations(): Promise<ConversationRecord[]> {
  return conversations().list();
}

export function conversationTurns(conversationId: string): Promise<TurnRecord[]> {
  return conversations().turns(conversationId);
}

export function deleteConversation(id: string): Promise<void> {
  return conversations().delete(id);
}

export function deleteAllConversations(): Promise<void> {
  return conversations().deleteAll();
}

export function memorySwitch(which: MemorySwitch): Promise<boolean> {
  return settings().get(which);
}

export function setMemorySwitch(which: MemorySwitch, on: boolean): Promise<void> {
  return settings().set(which, on);
}
