// The parent's retention choices for this browser, applied at once: changing how long
// conversations are kept, or a memory's forget date, runs the retention chore straight away.

import { hearthDb } from '../../data/db.ts';
import { MemoryRepository } from '../../data/memory-repository.ts';
import { MAX_CONVERSATION_KEEP_DAYS, SettingsRepository } from '../../data/settings-repository.ts';
import { retentionChore } from './retention-chore.ts';

export { DEFAULT_CONVERSATION_KEEP_DAYS, MAX_CONVERSATION_KEEP_DAYS } from '../../data/settings-repository.ts';
export type { StoredMemory } from '../../data/records.ts';

export function conversationKeepDays(): Promise<number> {
  return new SettingsRepository(hearthDb()).get('conversationKeepDays');
}

export async function setConversationKeepDays(days: number): Promise<void> {
  if (!Number.isInteger(days) || days < 0 || days > MAX_CONVERSATION_KEEP_DAYS)
    throw new RangeError(`days: a whole number from 0 to ${MAX_CONVERSATION_KEEP_DAYS}`);
  await new SettingsRepository(hearthDb()).set('conversationKeepDays', days);
  await retentionChore().runNow();
}

/** Sets (epoch ms) or clears (null) when a memory is forgotten; a date already past deletes it now. */
export async function setMemoryForgetAfter(memoryId: string, forgetAfter: number | null): Promise<void> {
  await new MemoryRepository(hearthDb()).setForgetAfter(memoryId, forgetAfter);
  await retentionChore().runNow();
}
