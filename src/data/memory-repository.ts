// Memories in IndexedDB: the core's MemoryStore, plus what the Memory screen needs. A parent may
// give a memory a "forget after" date: from then on it is never listed, and the retention chore
// deletes it (deleted, not hidden).

import type { MemoryRecord, MemoryStore } from '../core/memory/memory-types.ts';
import { reportingWrite } from './data-errors.ts';
import type { HearthDb } from './db.ts';
import type { StoredMemory } from './records.ts';

export class MemoryRepository implements MemoryStore {
  constructor(
    private readonly db: HearthDb,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Newest first, without the expired ones (they are deleted by `deleteExpired`). */
  async list(): Promise<StoredMemory[]> {
    const now = this.now();
    return (await this.db.memories.orderBy('updatedAt').reverse().toArray()).filter((m) => !isExpired(m, now));
  }

  count(): Promise<number> {
    return this.db.memories.count();
  }

  /** Saves a memory; a date to forget it, set by a parent, stays when the memory is learned again or edited. */
  async put(record: MemoryRecord): Promise<void> {
    await reportingWrite('a memory', () =>
      this.db.transaction('rw', this.db.memories, async () => {
        const given = record as StoredMemory;
        const forgetAfter = 'forgetAfter' in given ? given.forgetAfter : (await this.db.memories.get(record.id))?.forgetAfter;
        await this.db.memories.put(forgetAfter == null ? withoutExpiry(given) : { ...given, forgetAfter });
      }),
    );
  }

  /** Sets (epoch ms) or clears (null) when the memory is forgotten. False when there is no such memory. */
  async setForgetAfter(id: string, forgetAfter: number | null): Promise<boolean> {
    return reportingWrite('a memory’s forget date', () =>
      this.db.transaction('rw', this.db.memories, async () => {
        const memory = await this.db.memories.get(id);
        if (!memory) return false;
        await this.db.memories.put(forgetAfter === null ? withoutExpiry(memory) : { ...memory, forgetAfter });
        return true;
      }),
    );
  }

  async delete(id: string): Promise<void> {
    await reportingWrite('a memory deletion', () => this.db.memories.delete(id));
  }

  async deleteAll(): Promise<void> {
    await reportingWrite('deleting every memory', () => this.db.memories.clear());
  }

  /** Deletes every memory whose forget date has come; how many. */
  async deleteExpired(): Promise<number> {
    const now = this.now();
    return reportingWrite('deleting forgotten memories', () =>
      this.db.memories.where('forgetAfter').belowOrEqual(now).delete(),
    );
  }

  /** The soonest forget date still to come, or null (the retention chore wakes for it). */
  async nextExpiry(): Promise<number | null> {
    const next = await this.db.memories.where('forgetAfter').above(this.now()).first();
    return next?.forgetAfter ?? null;
  }
}

function isExpired(memory: StoredMemory, now: number): boolean {
  return typeof memory.forgetAfter === 'number' && memory.forgetAfter <= now;
}

function withoutExpiry(memory: StoredMemory): StoredMemory {
  const { forgetAfter: _forgetAfter, ...rest } = memory;
  return rest;
}
