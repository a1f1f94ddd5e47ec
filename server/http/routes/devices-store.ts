import crypto from 'node:crypto';
import type { HearthDatabase } from '../../db/database.ts';

export interface Device {
  id: string;
  name: string;
  createdAt: string;
}

/**
 * Registered toy devices and their credentials. Only a SHA-256 of each credential is stored: the
 * credential is 256 random bits, so a fast hash is enough and a leaked database yields nothing usable.
 */
export class DevicesStore {
  constructor(private readonly db: HearthDatabase) {}

  /** Registers a device; the credential is returned once and never stored. */
  create(name: string): { device: Device; credential: string } {
    const id = `dev_${crypto.randomBytes(8).toString('hex')}`;
    const credential = crypto.randomBytes(32).toString('base64url');
    this.db.prepare('INSERT INTO devices (id, name, credential_hash) VALUES (?, ?, ?)').run(id, name, hashCredential(credential));
    return { device: this.get(id)!, credential };
  }

  get(id: string): Device | undefined {
    const row = this.db.prepare('SELECT id, name, created_at FROM devices WHERE id = ?').get(id) as { id: string; name: string; created_at: string } | undefined;
    return row ? { id: row.id, name: row.name, createdAt: row.created_at } : undefined;
  }

  /** True when `credential` belongs to device `id` (hashes compared in constant time). */
  verify(id: string, credential: string | undefined): boolean {
    if (!credential) return false;
    const row = this.db.prepare('SELECT credential_hash FROM devices WHERE id = ?').get(id) as { credential_hash: string } | undefined;
    if (!row) return false;
    return crypto.timingSafeEqual(Buffer.from(hashCredential(credential), 'hex'), Buffer.from(row.credential_hash, 'hex'));
  }
}

function hashCredential(credential: string): string {
  return crypto.createHash('sha256').update(credential).digest('hex');
}
