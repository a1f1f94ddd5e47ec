// Deleting means gone: with `secure_delete` on (openDatabase) SQLite zeroes what a DELETE frees,
// but earlier copies of those pages still sit in the write-ahead log until a checkpoint copies the
// newest pages into the database file. TRUNCATE then cuts the log to zero bytes, so the deleted
// words are in neither file.
import type { HearthDatabase } from './database.ts';

/**
 * Checkpoints the WAL into the database file and truncates it. Call after deleting a child's words.
 * True when the whole log was copied and cut; false when it could not be now (inside a transaction,
 * or another connection is still reading), in which case the next wipe or checkpoint finishes it.
 */
export function wipeDeleted(db: HearthDatabase): boolean {
  // A checkpoint cannot run inside a transaction; the caller's commit is followed by its own wipe.
  if (db.inTransaction || db.memory) return false;
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return result !== undefined && result.busy === 0;
}
