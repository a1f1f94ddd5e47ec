// The local database (Dexie on IndexedDB). Each schema version is listed once and never edited
// afterwards; a new version adds stores/indexes and, if needed, an upgrade that rewrites old rows.

import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { MemoryRecord } from '../core/memory/memory-types.ts';
import type { PersonaRecord } from '../core/personas/persona-record.ts';
import type { ConversationRecord, SettingRecord, StoredMemory, TurnRecord, UsageRecord } from './records.ts';

export const DEFAULT_DB_NAME = 'hearth';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      conversations: 'id, updatedAt',
      turns: 'id, conversationId, at',
      memories: 'id, updatedAt, conversationId',
      settings: 'key',
    },
  },
  {
    // Personas move into the database; memories get a slot index (one fact per slot); usage for time limits.
    version: 2,
    stores: {
      memories: 'id, slot, updatedAt, conversationId',
      personas: 'id, name',
      usage: 'day',
    },
    upgrade: async (tx) => {
      await tx
        .table('memories')
        .toCollection()
        .modify((memory: Partial<MemoryRecord>) => {
          memory.slot ??= `note:${memory.id ?? 'old'}`;
          memory.source ??= 'rules';
          memory.embedding ??= null;
          memory.conversationId ??= null;
          memory.createdAt ??= memory.updatedAt ?? Date.now();
        });
    },
  },
  {
    // Retention: a memory may carry a "forget after" date (indexed so expired ones are found fast).
    version: 3,
    stores: {
      memories: 'id, slot, updatedAt, conversationId, forgetAfter',
    },
  },
];

export class HearthDb extends Dexie {
  conversations!: EntityTable<ConversationRecord, 'id'>;
  turns!: EntityTable<TurnRecord, 'id'>;
  memories!: EntityTable<StoredMemory, 'id'>;
  personas!: EntityTable<PersonaRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  usage!: EntityTable<UsageRecord, 'day'>;

  constructor(name = DEFAULT_DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

let shared: HearthDb | null = null;

/** The page's database (opened on first use). */
export function hearthDb(): HearthDb {
  shared ??= new HearthDb();
  return shared;
}

/** Asks the browser not to evict Hearth's data under storage pressure (best effort). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await globalThis.navigator?.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
