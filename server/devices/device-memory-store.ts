// One toy's memories in SQLite: the core's MemoryStore, so the agent runs the same MemoryService
// (rule extraction, contradiction updates, retrieval, remember/forget) as the browser does over IndexedDB.
import type { HearthDatabase } from '../db/database.ts';
import { wipeDeleted } from '../db/wipe-deleted.ts';
import { capWords, MAX_FROM_WORDS } from '../../src/core/memory/memory-origin.ts';
import type { MemoryRecord, MemorySource, MemoryStore } from '../../src/core/memory/memory-types.ts';

interface MemoryRow {
  id: string;
  slot: string;
  text: string;
  source: MemorySource;
  conversation_id: string | null;
  created_at: number;
  updated_at: number;
  embedding: string | null;
  from_words: string | null;
}

const COLUMNS = 'id, slot, text, source, conversation_id, created_at, updated_at, embedding, from_words';

export class DeviceMemoryStore implements MemoryStore {
  constructor(
    private readonly db: HearthDatabase,
    readonly deviceId: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** When each memory is forgotten (epoch ms), for those that have a date. */
  forgetDates(): Map<string, number> {
    const rows = this.db
      .prepare('SELECT id, forget_after FROM device_memories WHERE device_id = ? AND forget_after IS NOT NULL')
      .all(this.deviceId) as { id: string; forget_after: number }[];
    return new Map(rows.map((row) => [row.id, row.forget_after]));
  }

  /**
   * Sets (epoch ms) or clears (null) when a memory is forgotten; a moment already past deletes it
   * now. False when there is no such memory.
   */
  setForgetAfter(id: string, forgetAfter: number | null): boolean {
    const changed = this.db
      .prepare('UPDATE device_memories SET forget_after = ? WHERE device_id = ? AND id = ?')
      .run(forgetAfter === null ? null : Math.round(forgetAfter), this.deviceId, id).changes;
    if (changed > 0 && forgetAfter !== null && forgetAfter <= this.now()) this.deleteSync(id);
    return changed > 0;
  }

  /** Newest first, like the browser's Memory screen. */
  list(): Promise<MemoryRecord[]> {
    return Promise.resolve(this.listSync());
  }

  listSync(): MemoryRecord[] {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM device_memories WHERE device_id = ? AND ${NOT_EXPIRED} ORDER BY updated_at DESC, id`,
      )
      .all(this.deviceId, this.now()) as MemoryRow[];
    return rows.map(fromRow);
  }

  getSync(id: string): MemoryRecord | undefined {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM device_memories WHERE device_id = ? AND id = ? AND ${NOT_EXPIRED}`)
      .get(this.deviceId, id, this.now()) as MemoryRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  put(record: MemoryRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO device_memories (device_id, id, slot, text, source, conversation_id, created_at, updated_at, embedding, from_words)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (device_id, id) DO UPDATE SET slot = excluded.slot, text = excluded.text, source = excluded.source,
           conversation_id = excluded.conversation_id, created_at = excluded.created_at, updated_at = excluded.updated_at,
           embedding = excluded.embedding, from_words = excluded.from_words`,
      )
      .run(
        this.deviceId,
        record.id,
        record.slot,
        record.text,
        record.source,
        record.conversationId,
        Math.round(record.createdAt),
        Math.round(record.updatedAt),
        record.embedding ? JSON.stringify(record.embedding) : null,
        // The core keeps one capped sentence; capped again here so the column's limit always holds.
        record.fromWords?.trim() ? capWords(record.fromWords, MAX_FROM_WORDS) : null,
      );
    return Promise.resolve();
  }

  delete(id: string): Promise<void> {
    this.deleteSync(id);
    return Promise.resolve();
  }

  /** True when the memory existed. */
  deleteSync(id: string): boolean {
    return (
      this.wiped(
        this.db.prepare('DELETE FROM device_memories WHERE device_id = ? AND id = ?').run(this.deviceId, id).changes,
      ) > 0
    );
  }

  /** How many were deleted. */
  clear(): number {
    return this.wiped(this.db.prepare('DELETE FROM device_memories WHERE device_id = ?').run(this.deviceId).changes);
  }

  /** A forgotten memory leaves no copy in the database file or its WAL. */
  private wiped(deleted: number): number {
    if (deleted > 0) wipeDeleted(this.db);
    return deleted;
  }
}

/** A memory whose forget moment (bound as the query's last parameter, now) has not come. */
const NOT_EXPIRED = '(forget_after IS NULL OR forget_after > ?)';

/** Deletes every toy's memories whose forget moment has come; returns how many (wiped after). */
export function pruneExpiredDeviceMemories(db: HearthDatabase, now: number = Date.now()): number {
  const deleted = db
    .prepare('DELETE FROM device_memories WHERE forget_after IS NOT NULL AND forget_after <= ?')
    .run(now).changes;
  if (deleted > 0) wipeDeleted(db);
  return deleted;
}

function fromRow(row: MemoryRow): MemoryRecord {
  return {
    id: row.id,
    slot: row.slot,
    text: row.text,
    source: row.source,
    conversationId: row.conversation_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    embedding: row.embedding ? (JSON.parse(row.embedding) as number[]) : null,
    ...(row.from_words ? { fromWords: row.from_words } : {}),
  };
}
