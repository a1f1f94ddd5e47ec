// The media folder's staging area (`.incoming/`): uploads are written and checked there, and
// sidecar edits are written there before being renamed into place. It lives inside the media
// folder so the final rename stays on one filesystem (atomic), and it is hidden, so scans and the
// watcher never read half a file. Whatever is in it when the server starts was cut off by a crash.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { STAGING_DIR } from './media-files.ts';
import { STARTER_FOLDER } from './starter/install-starter.ts';

/** A fresh private folder in the staging area, for one upload or edit. */
export async function makeStagingDir(mediaDir: string): Promise<string> {
  const dir = path.join(mediaDir, STAGING_DIR, crypto.randomBytes(8).toString('hex'));
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

/** Folders where the starter library writes `.<name>.tmp` files before renaming them into place. */
const STARTER_TEMP_DIRS = [`${STARTER_FOLDER}/songs`, `${STARTER_FOLDER}/stories`];
const STARTER_TEMP_FILE = /^\..+\.tmp$/;

/** Removes everything a crashed run left half-written. Call before the first upload is accepted. */
export async function cleanStaging(mediaDir: string): Promise<{ removed: number; bytes: number }> {
  let removed = 0;
  let bytes = 0;
  const staging = path.join(mediaDir, STAGING_DIR);
  for (const entry of await fs.readdir(staging).catch(() => [])) {
    const target = path.join(staging, entry);
    bytes += await sizeOf(target);
    await fs.rm(target, { recursive: true, force: true });
    removed++;
  }
  for (const dir of STARTER_TEMP_DIRS) {
    const folder = path.join(mediaDir, ...dir.split('/'));
    for (const name of (await fs.readdir(folder).catch(() => [])).filter((n) => STARTER_TEMP_FILE.test(n))) {
      bytes += await sizeOf(path.join(folder, name));
      await fs.rm(path.join(folder, name), { force: true });
      removed++;
    }
  }
  return { removed, bytes };
}

async function sizeOf(target: string): Promise<number> {
  const stat = await fs.lstat(target).catch(() => null);
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of await fs.readdir(target).catch(() => [])) total += await sizeOf(path.join(target, entry));
  return total;
}
