// Each toy's data for the parent's ledger: how many of each kind, that kind alone as JSON, and
// "delete all" of it. Reuses the stores the toy routes use, so deleting here wipes the same way
// (secure_delete, WAL checkpointed and truncated).
import type { HearthDatabase } from '../../db/database.ts';
import { wipeDeleted } from '../../db/wipe-deleted.ts';
import { DeviceMemoryStore } from '../../devices/device-memory-store.ts';
import type { DeviceProfile } from '../../devices/device-repository.ts';
import { DeviceTurnStore, MAX_TURNS_PER_PAGE, type DeviceTurn } from '../../devices/device-turn-store.ts';
import { keptForDays, type LedgerEntry, type ToyDataKind } from '../../../src/core/privacy/data-ledger.ts';
import { USAGE_KEEP_DAYS } from '../../devices/device-usage.ts';

/** Everything a toy kept goes when it is not used for the parent's days (0: never). */
function orUntilUnused(days: number): string {
  return days > 0 ? `, or until the toy has not been used for ${days} days` : '';
}

const GOES_WITH_TOY = 'It goes when you delete the toy (Settings → Toys → Delete), with everything else it kept.';

export class ToyDataLedger {
  private readonly turns: DeviceTurnStore;

  constructor(
    private readonly db: HearthDatabase,
    /** The server's default days for toy history (`--toy-history-days`) when a toy has no choice of its own. */
    private readonly defaultHistoryDays: number,
  ) {
    this.turns = new DeviceTurnStore(db);
  }

  entries(device: DeviceProfile): LedgerEntry[] {
    const historyDays = device.historyDays ?? this.defaultHistoryDays;
    const unused = orUntilUnused(device.deleteUnusedAfterDays);
    const base = { where: 'home-server' as const };
    return [
      {
        ...base,
        kind: 'history',
        label: 'Conversation history',
        what: 'The words the child said to the toy and the words it answered, one entry per turn (no sound).',
        keptFor: keptForDays(historyDays),
        count: this.countRows('device_turns', device.id),
        unit: 'turns',
        deletable: true,
      },
      {
        ...base,
        kind: 'memories',
        label: 'Memories',
        what: 'Short facts the toy remembers about the child (“Maya loves kites”), to use in later conversations.',
        keptFor: `until you or the child delete them, or the forget date you gave one${unused}`,
        count: this.countRows('device_memories', device.id),
        unit: 'memories',
        deletable: true,
      },
      {
        ...base,
        kind: 'usage',
        label: 'Talking time',
        what: 'How many minutes the toy was used each day, for the daily time limit.',
        keptFor: `the last ${USAGE_KEEP_DAYS} days (older days are deleted every day)`,
        count: this.countRows('device_usage', device.id),
        unit: 'days',
        deletable: true,
      },
      {
        ...base,
        kind: 'consent',
        label: 'Your consent',
        what: 'The child’s age you gave, which words you accepted, how you were signed in and when.',
        keptFor: `as long as the toy is registered${unused}`,
        count: this.consentRows(device.id).length,
        unit: 'records',
        deletable: false,
        deleteNote: GOES_WITH_TOY,
      },
      {
        ...base,
        kind: 'profile',
        label: 'Toy profile',
        what: 'The toy’s name, who it is for and your notes, its persona, voice, language, volume and limits.',
        keptFor: `as long as the toy is registered${unused}`,
        count: 1,
        unit: 'profile',
        deletable: false,
        deleteNote: GOES_WITH_TOY,
      },
      {
        ...base,
        kind: 'credential',
        label: 'Toy credential',
        what: 'A one-way hash of the toy’s secret key, so only this toy can connect as itself. Not personal data.',
        keptFor: `as long as the toy is registered${unused}`,
        count: 1,
        unit: 'hash',
        deletable: false,
        deleteNote: `${GOES_WITH_TOY} “Replace credential” makes a new one.`,
      },
    ];
  }

  /** That kind alone, as JSON-ready data. */
  export(device: DeviceProfile, kind: ToyDataKind): unknown[] {
    switch (kind) {
      case 'history':
        return this.allTurns(device.id);
      case 'memories':
        return new DeviceMemoryStore(this.db, device.id)
          .listSync()
          .map(({ embedding: _embedding, ...memory }) => ({ ...memory, fromWords: memory.fromWords ?? null }));
      case 'usage':
        return (
          this.db.prepare('SELECT day, used_ms FROM device_usage WHERE device_id = ? ORDER BY day').all(device.id) as {
            day: string;
            used_ms: number;
          }[]
        ).map((row) => ({ day: row.day, usedMs: row.used_ms }));
      case 'consent':
        return this.consentRows(device.id);
      case 'profile':
        return [device];
      case 'credential':
        // The hash is not shown: only that one exists and how it is kept.
        return [{ storedAs: 'SHA-256 hash of the toy’s 256-bit credential', deviceId: device.id }];
    }
  }

  /** Deletes every record of a deletable kind; how many. */
  deleteAll(device: DeviceProfile, kind: 'history' | 'memories' | 'usage'): number {
    switch (kind) {
      case 'history':
        return this.turns.clear(device.id);
      case 'memories':
        return new DeviceMemoryStore(this.db, device.id).clear();
      case 'usage': {
        const deleted = this.db.prepare('DELETE FROM device_usage WHERE device_id = ?').run(device.id).changes;
        if (deleted > 0) wipeDeleted(this.db);
        return deleted;
      }
    }
  }

  private allTurns(deviceId: string): DeviceTurn[] {
    const all: DeviceTurn[] = [];
    let before: string | null = null;
    do {
      const page = this.turns.list(deviceId, { before, limit: MAX_TURNS_PER_PAGE });
      all.push(...page.turns);
      before = page.next;
    } while (before);
    return all;
  }

  private countRows(table: 'device_turns' | 'device_memories' | 'device_usage', deviceId: string): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE device_id = ?`).get(deviceId) as { n: number }).n;
  }

  private consentRows(deviceId: string): unknown[] {
    return (
      this.db
        .prepare('SELECT child_age, text_version, given_by, given_at FROM device_consents WHERE device_id = ?')
        .all(deviceId) as { child_age: number; text_version: string; given_by: string; given_at: string }[]
    ).map((row) => ({
      childAge: row.child_age,
      textVersion: row.text_version,
      givenBy: row.given_by,
      givenAt: row.given_at,
    }));
  }
}
