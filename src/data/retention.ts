// What this browser deletes once its time is up: conversation turns older than the days a parent
// chose, memories past their "forget after" date, and talking-time days no limit needs any more.

import { ConversationRepository } from './conversation-repository.ts';
import type { HearthDb } from './db.ts';
import { MemoryRepository } from './memory-repository.ts';
import { UsageRepository } from './usage-repository.ts';

/** Daily limits need only today; a week of talking time is kept so a parent can see it. */
export const USAGE_KEEP_DAYS = 7;

export interface RetentionResult {
  turns: number;
  memories: number;
  usageDays: number;
  /** The soonest memory forget date still to come (epoch ms), or null. */
  nextMemoryExpiry: number | null;
}

export async function deleteExpiredData(db: HearthDb, now = Date.now()): Promise<RetentionResult> {
  const memories = new MemoryRepository(db, () => now);
  return {
    turns: await new ConversationRepository(db).deleteOlderThanKeptDays(now),
    memories: await memories.deleteExpired(),
    usageDays: await new UsageRepository(db).deleteOlderThan(USAGE_KEEP_DAYS, new Date(now)),
    nextMemoryExpiry: await memories.nextExpiry(),
  };
}
