import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds the PIN hash, secrets, children's memories and conversation history: only
 * the account running Hearth may read it. Folders become 0700 and files 0600, including those an
 * earlier version created 0644/0755. Symbolic links are left alone (never followed).
 */
export function makeDataDirPrivate(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  restrict(dataDir);
}

function restrict(dir: string): void {
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    try {
      if (entry.isDirectory()) restrict(full);
      else if (entry.isFile()) fs.chmodSync(full, 0o600);
    } catch (err) {
      // SQLite's -shm/-journal files come and go; one gone since readdir needs nothing.
      if (!(err instanceof Error && 'code' in err && err.code === 'ENOENT')) throw err;
    }
  }
}

/** Creates `file` empty and private if missing, so SQLite (and its -wal/-shm files, which copy its mode) start 0600. */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
}
