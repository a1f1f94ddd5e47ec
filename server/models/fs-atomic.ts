// Durable file replacement: write/copy to a temp name, fsync, rename over the target.
// A crash leaves either the old file or the new one, never a torn one.
import { randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export function tempSiblingPath(target: string, tag: string): string {
  return join(dirname(target), `.${basename(target)}.${tag}-${randomBytes(4).toString('hex')}`);
}

export async function fsyncFile(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Best effort: makes the rename itself durable; some filesystems refuse to fsync directories. */
export async function fsyncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // not supported here; the data itself was synced
  }
}

/** Moves an already-synced temp file into place. */
export async function commitFile(tempPath: string, target: string): Promise<void> {
  await rename(tempPath, target);
  await fsyncDir(dirname(target));
}

export async function writeFileAtomic(target: string, data: string): Promise<void> {
  const tmp = tempSiblingPath(target, 'tmp');
  try {
    await writeFile(tmp, data);
    await fsyncFile(tmp);
    await commitFile(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
