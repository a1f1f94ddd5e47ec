import crypto from 'node:crypto';
import path from 'node:path';
import { SECRETS_DIR } from './credentials.ts';
import { readOrCreateSecretFile } from './secret-files.ts';

/**
 * The household key is what a home's own devices present to get tokens: generated on first run
 * (about 100 bits, grouped for typing), stored only in the data dir, shown to whoever can read
 * that folder on the home box, never logged. Strangers on the LAN cannot mint tokens without it.
 */
export function householdKeyFile(dataDir: string): string {
  return path.join(dataDir, SECRETS_DIR, 'household-key');
}

export function loadHouseholdKey(dataDir: string): string {
  return readOrCreateSecretFile(householdKeyFile(dataDir), newHouseholdKey);
}

const KEY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read off a screen, typed on a phone

function newHouseholdKey(): string {
  const bytes = crypto.randomBytes(20);
  const chars = [...bytes].map((b) => KEY_ALPHABET[b % KEY_ALPHABET.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** Case- and dash-insensitive, constant-time comparison. */
export function householdKeyMatches(expected: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const norm = (s: string) => crypto.createHash('sha256').update(s.replace(/[\s-]/g, '').toUpperCase()).digest();
  return crypto.timingSafeEqual(norm(expected), norm(presented));
}

/** The secret from `Authorization: Bearer <secret>`, if any. */
export function bearerSecret(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return m?.[1]?.trim();
}

/** For the startup message: where the key is, never the key itself (it must not reach logs). */
export function householdKeyNotice(dataDir: string): string {
  return `Household key (asked for once by each browser or toy you set up): cat ${householdKeyFile(dataDir)}`;
}
