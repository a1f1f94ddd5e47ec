// Registered toys: their profile (who they are for, persona, voice, language, volume, limits) and
// credential. Only a SHA-256 of each credential is stored: the credential is 256 random bits, so a
// fast hash is enough and a leaked database yields nothing usable.
import crypto from 'node:crypto';
import type { HearthDatabase } from '../db/database.ts';
import { wipeDeleted } from '../db/wipe-deleted.ts';
import { builtinPersona, CHILD_COMPANION_ID, type PersonaRecord } from '../../src/core/personas/index.ts';
import type { DeviceProfile } from '../../src/core/devices/device-profile.ts';
import { NO_TIME_LIMITS } from '../../src/core/safety/time-limits.ts';
import { generateDeviceId, normalizeDeviceId } from './device-id.ts';
import { PersonaRecordSchema, TimeLimitsSchema, type DeviceProfileChanges } from './device-schemas.ts';
import { ToyConsentStore, type ToyConsent, type ToyConsentRequest } from './toy-consent-store.ts';

export type { DeviceProfile };

export interface NewDevice extends DeviceProfileChanges {
  name: string;
  id?: string | undefined;
}

export class DeviceExistsError extends Error {
  override name = 'DeviceExistsError';
}

interface DeviceRow {
  id: string;
  name: string;
  owner_name: string;
  owner_notes: string;
  persona: string | null;
  voice: string;
  language: string;
  volume: number;
  limits: string;
  history_days: number | null;
  delete_unused_after_days: number;
  memory_enabled: number;
  created_at: string;
  updated_at: string | null;
}

const COLUMNS =
  'id, name, owner_name, owner_notes, persona, voice, language, volume, limits, history_days, delete_unused_after_days, memory_enabled, created_at, updated_at';

export function defaultDevicePersona(): PersonaRecord {
  const record = builtinPersona(CHILD_COMPANION_ID);
  if (!record) throw new Error('built-in child companion persona is missing');
  return record;
}

export class DeviceRepository {
  constructor(private readonly db: HearthDatabase) {}

  /** Registers a device (with the parent's consent, when given); the credential is returned once and never stored. */
  create(
    input: NewDevice,
    consent?: { request: ToyConsentRequest; givenBy: ToyConsent['givenBy'] },
  ): { device: DeviceProfile; credential: string } {
    const id = input.id === undefined || input.id.trim() === '' ? generateDeviceId() : normalizeDeviceId(input.id);
    const credential = newCredential();
    const insert = this.db.transaction(() => {
      if (this.get(id)) throw new DeviceExistsError(`a device with id ${id} is already registered`);
      this.db
        .prepare('INSERT INTO devices (id, name, credential_hash, updated_at) VALUES (?, ?, ?, ?)')
        .run(id, input.name, hashCredential(credential), nowIso());
      this.updateProfile(id, { ...input, name: input.name });
      if (consent) new ToyConsentStore(this.db).record(id, consent.request, consent.givenBy);
    });
    // IMMEDIATE: the write lock is taken before the existence check, so two creates cannot both pass it.
    insert.immediate();
    return { device: this.get(id)!, credential };
  }

  list(): DeviceProfile[] {
    const consents = new ToyConsentStore(this.db).all();
    return (this.db.prepare(`SELECT ${COLUMNS} FROM devices ORDER BY created_at, id`).all() as DeviceRow[]).map(
      (row) => ({ ...fromRow(row), consent: consents.get(row.id) ?? null }),
    );
  }

  get(id: string): DeviceProfile | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM devices WHERE id = ?`).get(id) as DeviceRow | undefined;
    return row ? { ...fromRow(row), consent: new ToyConsentStore(this.db).get(id) } : undefined;
  }

  /** Applies the given fields only; returns the new profile, or undefined for an unknown id. */
  updateProfile(id: string, changes: DeviceProfileChanges): DeviceProfile | undefined {
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => {
      sets.push(`${column} = ?`);
      values.push(value);
    };
    if (changes.name !== undefined) set('name', changes.name);
    if (changes.ownerName !== undefined) set('owner_name', changes.ownerName);
    if (changes.ownerNotes !== undefined) set('owner_notes', changes.ownerNotes);
    if (changes.persona !== undefined)
      set('persona', changes.persona === null ? null : JSON.stringify(changes.persona));
    if (changes.voice !== undefined) set('voice', changes.voice);
    if (changes.language !== undefined) set('language', changes.language);
    if (changes.volume !== undefined) set('volume', changes.volume);
    if (changes.limits !== undefined) set('limits', JSON.stringify(changes.limits));
    if (changes.historyDays !== undefined) set('history_days', changes.historyDays);
    if (changes.memoryEnabled !== undefined) set('memory_enabled', changes.memoryEnabled ? 1 : 0);
    if (changes.deleteUnusedAfterDays !== undefined) {
      // A new choice counts from now (SET reads the old row), so a shorter one never deletes without notice.
      sets.push('unused_clock_from = CASE WHEN delete_unused_after_days = ? THEN unused_clock_from ELSE ? END');
      values.push(changes.deleteUnusedAfterDays, nowIso());
      set('delete_unused_after_days', changes.deleteUnusedAfterDays);
    }
    set('updated_at', nowIso());
    const result = this.db.prepare(`UPDATE devices SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
    return result.changes > 0 ? this.get(id) : undefined;
  }

  /** The toy was used now (it fetched a token): its data is not deleted as unused. */
  markActive(id: string, at: Date = new Date()): void {
    this.db.prepare('UPDATE devices SET last_active_at = ? WHERE id = ?').run(at.toISOString(), id);
  }

  /** A new credential; the old one stops working at once. Undefined for an unknown id. */
  rotateCredential(id: string): string | undefined {
    const credential = newCredential();
    const result = this.db
      .prepare('UPDATE devices SET credential_hash = ?, updated_at = ? WHERE id = ?')
      .run(hashCredential(credential), nowIso(), id);
    return result.changes > 0 ? credential : undefined;
  }

  /** Deletes the device with its memories, turns and usage (ON DELETE CASCADE), leaving no copy in the file or its WAL. */
  delete(id: string): boolean {
    const deleted = this.db.prepare('DELETE FROM devices WHERE id = ?').run(id).changes > 0;
    if (deleted) wipeDeleted(this.db);
    return deleted;
  }

  /** The stored hash of the device's credential (changes when it is replaced); undefined for an unknown id. */
  credentialHash(id: string): string | undefined {
    return (
      this.db.prepare('SELECT credential_hash FROM devices WHERE id = ?').get(id) as
        { credential_hash: string } | undefined
    )?.credential_hash;
  }

  /** True when `credential` belongs to device `id` (hashes compared in constant time). */
  verify(id: string, credential: string | undefined | null): boolean {
    if (!credential) return false;
    const row = this.db.prepare('SELECT credential_hash FROM devices WHERE id = ?').get(id) as
      { credential_hash: string } | undefined;
    if (!row) return false;
    return crypto.timingSafeEqual(
      Buffer.from(hashCredential(credential), 'hex'),
      Buffer.from(row.credential_hash, 'hex'),
    );
  }
}

function fromRow(row: DeviceRow): Omit<DeviceProfile, 'consent'> {
  // Stored JSON was checked on the way in; a row damaged by hand falls back to safe defaults.
  const persona = row.persona === null ? null : PersonaRecordSchema.safeParse(safeJson(row.persona));
  const limits = TimeLimitsSchema.safeParse(safeJson(row.limits));
  return {
    id: row.id,
    name: row.name,
    ownerName: row.owner_name,
    ownerNotes: row.owner_notes,
    persona: persona?.success ? persona.data : defaultDevicePersona(),
    defaultPersona: !persona?.success,
    voice: row.voice,
    language: row.language,
    volume: row.volume,
    limits: limits.success ? limits.data : NO_TIME_LIMITS,
    historyDays: row.history_days,
    deleteUnusedAfterDays: row.delete_unused_after_days,
    memoryEnabled: row.memory_enabled !== 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at ?? row.created_at,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function newCredential(): string {
  return crypto.randomBytes(32).toString('base64url');
}

function hashCredential(credential: string): string {
  return crypto.createHash('sha256').update(credential).digest('hex');
}

function nowIso(): string {
  return new Date().toISOString();
}
