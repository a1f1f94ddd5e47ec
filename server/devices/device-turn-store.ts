// Each toy's conversation history in SQLite: what the child said and what the toy answered, one row
// per finished turn, for the parent's Settings → Toys → Conversation history.
import crypto from 'node:crypto';
import type { DeviceTurn, DeviceTurnPage } from '../../src/core/devices/device-turn.ts';
import type { HearthDatabase } from '../db/database.ts';
import { wipeDeleted } from '../db/wipe-deleted.ts';

export type { DeviceTurn, DeviceTurnPage };

type GuardStage = NonNullable<DeviceTurn['guarded']>['stage'];

/** A turn to store; `memoriesUsed` left out: its prompt used none. */
export type NewDeviceTurn = Omit<DeviceTurn, 'id' | 'deviceId' | 'memoriesUsed'> & { memoriesUsed?: string[] };

export const MAX_TURNS_PER_PAGE = 100;

interface TurnRow {
  id: string;
  device_id: string;
  started_at: string;
  ended_at: string;
  user_text: string;
  reply_text: string;
  interrupted: number;
  guard_stage: GuardStage | null;
  guard_reason: string | null;
  persona_name: string;
  memories_used: string;
}

const COLUMNS =
  'id, device_id, started_at, ended_at, user_text, reply_text, interrupted, guard_stage, guard_reason, persona_name, memories_used';

export class DeviceTurnStore {
  constructor(private readonly db: HearthDatabase) {}

  /** Stores a finished turn; null (nothing stored) when the parent set this toy to keep no history. */
  add(deviceId: string, turn: NewDeviceTurn): DeviceTurn | null {
    if (this.historyDaysOf(deviceId) === 0) return null;
    const stored: DeviceTurn = {
      id: `turn-${crypto.randomUUID()}`,
      deviceId,
      ...turn,
      memoriesUsed: turn.memoriesUsed ?? [],
    };
    this.db
      .prepare(`INSERT INTO device_turns (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        stored.id,
        deviceId,
        isoTime(turn.startedAt),
        isoTime(turn.endedAt),
        turn.userText,
        turn.replyText,
        turn.interrupted ? 1 : 0,
        turn.guarded?.stage ?? null,
        turn.guarded?.reason ?? null,
        turn.personaName,
        JSON.stringify(stored.memoriesUsed),
      );
    return stored;
  }

  /**
   * Newest first, `limit` (1..100) turns that started before `before` (an ISO time). The cursor is
   * a start time: one toy's turns follow each other, so two never start in the same millisecond.
   */
  list(deviceId: string, options: { before?: string | null; limit: number }): DeviceTurnPage {
    const limit = Math.min(Math.max(1, Math.floor(options.limit)), MAX_TURNS_PER_PAGE);
    const before = options.before ? isoTime(options.before) : null;
    // One extra row says whether there is an older page.
    const rows = (
      before
        ? this.db
            .prepare(
              `SELECT ${COLUMNS} FROM device_turns WHERE device_id = ? AND started_at < ? ORDER BY started_at DESC, id DESC LIMIT ?`,
            )
            .all(deviceId, before, limit + 1)
        : this.db
            .prepare(
              `SELECT ${COLUMNS} FROM device_turns WHERE device_id = ? ORDER BY started_at DESC, id DESC LIMIT ?`,
            )
            .all(deviceId, limit + 1)
    ) as TurnRow[];
    const turns = rows.slice(0, limit).map(fromRow);
    return { turns, next: rows.length > limit ? (turns.at(-1)?.startedAt ?? null) : null };
  }

  /** True when the turn existed. */
  delete(deviceId: string, turnId: string): boolean {
    return (
      this.wiped(
        this.db.prepare('DELETE FROM device_turns WHERE device_id = ? AND id = ?').run(deviceId, turnId).changes,
      ) > 0
    );
  }

  /** How many were deleted. */
  clear(deviceId: string): number {
    return this.wiped(this.db.prepare('DELETE FROM device_turns WHERE device_id = ?').run(deviceId).changes);
  }

  /**
   * Deletes each toy's turns that started more than its days before `now`: the toy's own
   * `historyDays` when the parent set one, else `defaultDays`; 0 deletes them all. How many were deleted.
   */
  prune(defaultDays: number, now: Date = new Date()): number {
    const days = `COALESCE((SELECT history_days FROM devices WHERE devices.id = device_turns.device_id), ?)`;
    // Stored times all have toISOString's shape; strftime gives the cutoff in the same shape.
    const deleted = this.db
      .prepare(
        `DELETE FROM device_turns WHERE ${days} <= 0 OR started_at < strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-' || ${days} || ' days')`,
      )
      .run(defaultDays, now.toISOString(), defaultDays).changes;
    return this.wiped(deleted);
  }

  /** The days the parent set for this toy, or null (the server's default). */
  historyDaysOf(deviceId: string): number | null {
    const row = this.db.prepare('SELECT history_days FROM devices WHERE id = ?').get(deviceId) as
      { history_days: number | null } | undefined;
    return row?.history_days ?? null;
  }

  /** Deleted turns leave no copy in the database file or its WAL. */
  private wiped(deleted: number): number {
    if (deleted > 0) wipeDeleted(this.db);
    return deleted;
  }
}

/** Stored times all have toISOString's shape, so text order is time order. */
function isoTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a time: ${value}`);
  return date.toISOString();
}

function fromRow(row: TurnRow): DeviceTurn {
  return {
    id: row.id,
    deviceId: row.device_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    userText: row.user_text,
    replyText: row.reply_text,
    interrupted: row.interrupted === 1,
    guarded: row.guard_stage ? { stage: row.guard_stage, reason: row.guard_reason ?? '' } : null,
    personaName: row.persona_name,
    memoriesUsed: memoriesOf(row.memories_used),
  };
}

/** Stored as a JSON array of texts (checked on the way in); anything else reads as none. */
function memoriesOf(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((m): m is string => typeof m === 'string') : [];
  } catch {
    return [];
  }
}
