// One toy's memories in SQLite: the core's MemoryStore, so the agent runs the same MemoryService
// (rule extraction, contradiction updates, retrieval, remember/forget) as the browser does over IndexedDB.
import type { HearthDatabase } from '../db/database.ts';
import { wipeDeleted } from '../db/wipe-deleted.ts';
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
}

export class DeviceMemoryStore implements MemoryStore {
  constructor(
    private readonly db: HearthDatabase,
    readonly deviceId: string,
  ) {}

  /** Newest first, like the browser's Memory screen. */
  list(): Promise<MemoryRecord[]> {
    return Promise.resolve(this.listSync());
  }

  listSync(): MemoryRecord[] {
    const rows = this.db
      .prepare(
        'SELECT id, slot, text, source, conversation_id, created_at, updated_at, embedding FROM device_memories WHERE device_id = ? ORDER BY updated_at DESC, id',
      )
      .all(this.deviceId) as MemoryRow[];
    return rows.map(fromRow);
  }

  getSync(id: string): MemoryRecord | undefined {
    const row = this.db
      .prepare(
        'SELECT id, slot, text, source, conversation_id, created_at, updated_at, embedding FROM device_memories WHERE device_id = ? AND id = ?',
      )
      .get(this.deviceId, id) as MemoryRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  put(record: MemoryRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO device_memories (device_id, id, slot, text, source, conversation_id, created_at, updated_at, embedding)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (device_id, id) DO UPDATE SET slot = excluded.slot, text = excluded.text, source = excluded.source,
           conversation_id = excluded.conversation_id, created_at = excluded.created_at, updated_at = excluded.updated_at, embedding = excluded.embedding`,
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
  };
}
