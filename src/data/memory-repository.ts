// Memories in IndexedDB: the core's MemoryStore, plus what the Memory screen needs.

import type { MemoryRecord, MemoryStore } from '../core/memory/memory-types.ts';
import { reportingWrite } from './data-errors.ts';
import type { HearthDb } from './db.ts';

export class MemoryRepository implements MemoryStore {
  constructor(private readonly db: HearthDb) {}

  list(): Promise<MemoryRecord[]> {
    return this.db.memories.orderBy('updatedAt').reverse().toArray();
  }

  async put(record: MemoryRecord): Promise<void> {
    await reportingWrite('a memory', () => this.db.memories.put(record));
  }

  async delete(id: string): Promise<void> {
    await reportingWrite('a memory deletion', () => this.db.memories.delete(id));
  }

  async deleteAll(): Promise<void> {
    await reportingWrite('deleting every memory', () => this.db.memories.clear());
  }
}
