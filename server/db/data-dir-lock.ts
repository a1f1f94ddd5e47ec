import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'hearth.lock';

/** Who holds the data folder: written into the lock file so a second server can name it. */
interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  command: string;
}

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export interface DataDirLock {
  release(): void;
}

/**
 * One Hearth server per data folder: two would both write the database (500 "database is
 * locked") and both rotate secrets. The lock is a file created exclusively with the holder's pid;
 * a lock whose process is gone (kill -9, power cut) is taken over, so a restart after a crash
 * needs no cleanup. A holder on another machine (a shared folder) is always respected.
 */
export function lockDataDir(dataDir: string, self: LockHolder = currentProcess()): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file, self)) return { release: () => releaseIfOurs(file, self) };
    const holder = readHolder(file);
    if (holder && isAlive(holder, self)) {
      throw new DataDirLockedError(
        `the data folder ${dataDir} is in use by another Hearth server (process ${holder.pid} on ${holder.hostname}, started ${holder.startedAt}: ${holder.command}). ` +
          'Stop that server first, or give this one its own folder with --data-dir.',
      );
    }
    // Stale (its process is gone) or unreadable: move it aside under a unique name, so two
    // servers taking over at once cannot both delete the other's fresh lock, then try again.
    const aside = `${file}.stale-${self.pid}-${attempt}`;
    try {
      fs.renameSync(file, aside);
      fs.rmSync(aside, { force: true });
    } catch (err) {
      if (!isCode(err, 'ENOENT')) throw err;
    }
  }
  throw new DataDirLockedError(`could not lock the data folder ${dataDir}: another server keeps taking it`);
}

function currentProcess(): LockHolder {
  return {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
  };
}

/** Writes the holder to a private temp file and links it into place: the lock appears whole or not at all. */
function tryCreate(file: string, self: LockHolder): boolean {
  const temp = `${file}.${self.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(self)}\n`, { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (err) {
    if (isCode(err, 'EEXIST')) return false;
    throw err;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && typeof parsed.hostname === 'string'
      ? {
          pid: parsed.pid,
          hostname: parsed.hostname,
          startedAt: String(parsed.startedAt ?? '?'),
          command: String(parsed.command ?? '?'),
        }
      : null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder, self: LockHolder): boolean {
  if (holder.hostname !== self.hostname) return true;
  // Our own pid in the file is a leftover from an earlier run that had the same pid (containers).
  if (holder.pid === self.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return isCode(err, 'EPERM');
  }
}

function releaseIfOurs(file: string, self: LockHolder): void {
  const holder = readHolder(file);
  if (holder?.pid === self.pid && holder.hostname === self.hostname) fs.rmSync(file, { force: true });
}

function isCode(err: unknown, code: string): boolean {
  return err instanceof Error && 'code' in err && err.code === code;
}
