// Talking time per toy per local day, for the daily limit (the browser keeps its own in IndexedDB).
// Only today counts for the limit; the last week is kept so a parent can see it, older days go.
import type { HearthDatabase } from '../db/database.ts';
import { wipeDeleted } from '../db/wipe-deleted.ts';

/** Days of talking time kept per toy, today included. */
export const USAGE_KEEP_DAYS = 7;

export class DeviceUsage {
  constructor(
    private readonly db: HearthDatabase,
    readonly deviceId: string,
  ) {}

  usedOn(date: Date): number {
    const row = this.db
      .prepare('SELECT used_ms FROM device_usage WHERE device_id = ? AND day = ?')
      .get(this.deviceId, localDay(date)) as { used_ms: number } | undefined;
    return row?.used_ms ?? 0;
  }

  add(date: Date, ms: number): void {
    if (!(ms > 0)) return;
    this.db
      .prepare(
        'INSERT INTO device_usage (device_id, day, used_ms) VALUES (?, ?, ?) ON CONFLICT (device_id, day) DO UPDATE SET used_ms = used_ms + excluded.used_ms',
      )
      .run(this.deviceId, localDay(date), Math.round(ms));
  }
}

/** Deletes every toy's talking time older than the last `keepDays` local days; returns the rows deleted. */
export function pruneDeviceUsage(db: HearthDatabase, keepDays = USAGE_KEEP_DAYS, now: Date = new Date()): number {
  const oldestKept = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (keepDays - 1));
  const deleted = db.prepare('DELETE FROM device_usage WHERE day < ?').run(localDay(oldestKept)).changes;
  if (deleted > 0) wipeDeleted(db);
  return deleted;
}

/** The home box's local calendar day, "YYYY-MM-DD". */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
