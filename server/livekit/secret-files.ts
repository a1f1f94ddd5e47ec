import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads a secret kept in the data dir, creating it on first run. Files are mode 0600 and created
 * exclusively (`wx`), so two servers starting at once never overwrite each other's secret.
 */
export function readOrCreateSecretFile(file: string, create: () => string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, `${create()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if (!isExisting(err)) throw err;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** A random string of `bytes` of entropy, URL-safe. */
export function randomSecret(bytes: number): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

function isMissing(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'ENOENT';
}

function isExisting(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'EEXIST';
}
