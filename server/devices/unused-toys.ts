// Toys nobody uses: when each was last used (for the notice on its card) and the daily deletion of
// everything a toy kept once it passes the parent's days, through the same delete as the parent's
// "Delete" (rows cascade, secure_delete zeroes them, the WAL is checkpointed and cut).
import type { HearthDatabase } from '../db/database.ts';
import {
  unusedToyDeletion,
  unusedToyIsDue,
  type UnusedToyDeletion,
} from '../../src/core/devices/unused-toy-deletion.ts';
import { DeviceRepository } from './device-repository.ts';

interface UseRow {
  id: string;
  days: number;
  created_at: string;
  last_active_at: string | null;
  unused_clock_from: string | null;
  last_seen_at: number | null;
  last_turn_at: string | null;
  last_usage_day: string | null;
}

// Every trace of use counts, so a toy is never deleted while it is used: a LiveKit token fetched,
// a stock toy's check-in or session, a kept turn, a day of talking time. Never used: its registration.
const USE_SELECT = `
  SELECT d.id, d.delete_unused_after_days AS days, d.created_at, d.last_active_at, d.unused_clock_from,
    (SELECT last_seen_at FROM toy_transports WHERE device_id = d.id) AS last_seen_at,
    (SELECT MAX(ended_at) FROM device_turns WHERE device_id = d.id) AS last_turn_at,
    (SELECT MAX(day) FROM device_usage WHERE device_id = d.id) AS last_usage_day
  FROM devices d`;

export class UnusedToys {
  private readonly devices: DeviceRepository;

  constructor(
    private readonly db: HearthDatabase,
    private readonly now: () => number = Date.now,
  ) {
    this.devices = new DeviceRepository(db);
  }

  /** When the toy was last used and when its data is deleted; undefined for an unknown id. */
  deletion(deviceId: string): UnusedToyDeletion | undefined {
    const row = this.db.prepare(`${USE_SELECT} WHERE d.id = ?`).get(deviceId) as UseRow | undefined;
    const now = this.now();
    return row ? unusedToyDeletion(lastUsedMs(row, now), row.days, now, clockFromMs(row)) : undefined;
  }

  /** Deletes every toy past its parent's days without use, with all it kept; returns their ids. */
  deleteDue(): string[] {
    const now = this.now();
    const due = (this.db.prepare(USE_SELECT).all() as UseRow[]).filter((row) =>
      unusedToyIsDue(lastUsedMs(row, now), row.days, now, clockFromMs(row)),
    );
    return due.filter((row) => this.devices.delete(row.id)).map((row) => row.id);
  }
}

/** The latest trace of use, in ms since the epoch; `now` when none can be read (a row damaged by hand is kept). */
function lastUsedMs(row: UseRow, now: number): number {
  const times = [
    Date.parse(row.created_at),
    row.last_active_at === null ? NaN : Date.parse(row.last_active_at),
    row.last_seen_at ?? NaN,
    row.last_turn_at === null ? NaN : Date.parse(row.last_turn_at),
    row.last_usage_day === null ? NaN : localDayStart(row.last_usage_day),
  ].filter((ms) => Number.isFinite(ms));
  return times.length > 0 ? Math.max(...times) : now;
}

/** The days count from no earlier than this (the upgrade that brought the rule, or the parent's last change). */
function clockFromMs(row: UseRow): number {
  const ms = row.unused_clock_from === null ? NaN : Date.parse(row.unused_clock_from);
  return Number.isFinite(ms) ? ms : 0;
}

/** "YYYY-MM-DD" (the home box's local day, as device_usage keeps it) to the start of that day. */
function localDayStart(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return year && month && date ? new Date(year, month - 1, date).getTime() : NaN;
}
