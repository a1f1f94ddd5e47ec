// This browser's half of the parent's data ledger: every kind of data Hearth keeps on this device
// (IndexedDB, Cache Storage, localStorage), how many, how long, and per kind "see", "export" and
// "delete all". Deleting removes the records themselves (and their Cache Storage entries), never
// just hides them.

import { keptForDays, type LedgerEntry } from '../../core/privacy/data-ledger.ts';
import { ConversationRepository } from '../../data/conversation-repository.ts';
import { hearthDb, type HearthDb } from '../../data/db.ts';
import { MemoryRepository } from '../../data/memory-repository.ts';
import { PersonaRepository } from '../../data/persona-repository.ts';
import { USAGE_KEEP_DAYS } from '../../data/retention.ts';
import { SettingsRepository } from '../../data/settings-repository.ts';
import { UsageRepository } from '../../data/usage-repository.ts';
import { listCached } from '../../models-cache/cache-store.ts';
import { modelDownloads } from '../models/model-downloads.svelte.ts';
import { retentionChore } from './retention-chore.ts';
import { favourites } from '../media/favourites.ts';

export const BROWSER_DATA_KINDS = ['conversations', 'memories', 'personas', 'usage', 'settings', 'models'] as const;
export type BrowserDataKind = (typeof BROWSER_DATA_KINDS)[number];

/** This device's choices kept outside IndexedDB (microphone processing, kiosk mode). */
const LOCAL_STORAGE_PREFIX = 'hearth.';

export class BrowserLedger {
  constructor(private readonly db: HearthDb = hearthDb()) {}

  async entries(): Promise<LedgerEntry[]> {
    const base = { where: 'this-device' as const, deletable: true };
    const keepDays = await new SettingsRepository(this.db).get('conversationKeepDays');
    return [
      {
        ...base,
        kind: 'conversations',
        label: 'Conversations',
        what: 'The words said to Hearth in this browser and its answers, one entry per turn (no sound).',
        keptFor: keptForDays(keepDays),
        count: await this.db.turns.count(),
        unit: 'turns',
      },
      {
        ...base,
        kind: 'memories',
        label: 'Memories',
        what: 'Short facts Hearth remembers (“Maya loves kites”), to use in later conversations.',
        keptFor: 'until you delete them, or their “forget after” date',
        count: await this.db.memories.count(),
        unit: 'memories',
      },
      {
        ...base,
        kind: 'personas',
        label: 'Personas',
        what: 'The characters Hearth can be: the built-in ones and any you made or edited.',
        keptFor: 'until you delete them (deleting puts the built-in ones back)',
        count: await this.db.personas.count(),
        unit: 'personas',
      },
      {
        ...base,
        kind: 'usage',
        label: 'Talking time',
        what: 'How many minutes Hearth was used each day in this browser, for the daily time limit.',
        keptFor: keptForDays(USAGE_KEEP_DAYS),
        count: await this.db.usage.count(),
        unit: 'days',
      },
      {
        ...base,
        kind: 'settings',
        label: 'Settings',
        what: 'Choices made on this device: memory on or off, the active persona, limits, how long conversations are kept, microphone and kiosk mode.',
        keptFor: 'until you delete them',
        count: (await this.db.settings.count()) + localKeys().length,
        unit: 'settings',
      },
      {
        ...base,
        kind: 'models',
        label: 'Downloaded models',
        what: 'Speech, language and voice model files from the home server, so Hearth works offline. Not personal data.',
        keptFor: 'until you delete them',
        count: (await listCached()).reduce((sum, pack) => sum + pack.files.length, 0),
        unit: 'files',
      },
    ];
  }

  /** Everything of one kind, as it is stored (what "see" shows and "export" saves). */
  async items(kind: BrowserDataKind): Promise<unknown[]> {
    switch (kind) {
      case 'conversations': {
        const repository = new ConversationRepository(this.db);
        return Promise.all((await repository.list()).map(async (c) => ({ ...c, turns: await repository.turns(c.id) })));
      }
      case 'memories':
        return (await this.db.memories.orderBy('updatedAt').reverse().toArray()).map(
          ({ embedding: _embedding, ...memory }) => memory,
        );
      case 'personas':
        return new PersonaRepository(this.db).list();
      case 'usage':
        return new UsageRepository(this.db).all();
      case 'settings':
        return [
          ...(await this.db.settings.toArray()).map((row) => ({ where: 'IndexedDB', ...row })),
          ...localKeys().map((key) => ({ where: 'localStorage', key, value: localStorage.getItem(key) })),
        ];
      case 'models':
        return (await listCached()).flatMap((pack) =>
          pack.files.map((file) => ({ pack: file.packId, file: file.path, bytes: file.bytes })),
        );
    }
  }

  /** A JSON file of exactly that kind. */
  async exportFile(kind: BrowserDataKind): Promise<{ name: string; blob: Blob }> {
    const items = await this.items(kind);
    const exportedAt = new Date().toISOString();
    const body = { kind, where: 'this-device', exportedAt, count: items.length, items };
    return {
      name: `hearth-this-device-${kind}-${exportedAt.slice(0, 10)}.json`,
      blob: new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }),
    };
  }

  async deleteAll(kind: BrowserDataKind): Promise<void> {
    switch (kind) {
      case 'conversations':
        return new ConversationRepository(this.db).deleteAll();
      case 'memories':
        return new MemoryRepository(this.db).deleteAll();
      case 'personas': {
        // The built-in personas come back as shipped; the active choice falls back to the default.
        await this.db.personas.clear();
        await new PersonaRepository(this.db).restoreBuiltins();
        await this.db.settings.delete('activePersonaId');
        return;
      }
      case 'usage':
        return new UsageRepository(this.db).deleteAll();
      case 'settings':
        await this.db.settings.clear();
        for (const key of localKeys()) localStorage.removeItem(key);
        // The Library's hearts on screen go with them, not only the stored ones.
        await favourites().reload();
        // The default retention (a week) applies again from now.
        await retentionChore().runNow();
        return;
      case 'models':
        return modelDownloads.manager.clearAll();
    }
  }
}

function localKeys(): string[] {
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key?.startsWith(LOCAL_STORAGE_PREFIX)) keys.push(key);
  }
  return keys.sort();
}
