// Folders on the home server's drives (a USB stick under /media, /run/media or /mnt) that hold
// model packs laid out as <folder>/<packId>/<files>, for a parent to import from the browser.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ImportSource } from '../../src/core/model-setup.ts';

export type { ImportSource } from '../../src/core/model-setup.ts';

/** Where Linux desktops and parents mount removable drives. */
export const DEFAULT_IMPORT_ROOTS = ['/media', '/run/media', '/mnt'];

/** Deep enough for /run/media/<user>/<stick>/<folder>, shallow enough to stay quick. */
const MAX_DEPTH = 4;
/** A drive full of photos must not keep the request busy. */
const MAX_FOLDERS_VISITED = 2_000;

export async function findImportSources(roots: string[], packIds: ReadonlySet<string>): Promise<ImportSource[]> {
  const found: ImportSource[] = [];
  let visited = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (visited++ >= MAX_FOLDERS_VISITED) return;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const folders = entries.filter((e) => (e.isDirectory() || e.isSymbolicLink()) && !e.name.startsWith('.'));
    const packs = folders.map((e) => e.name).filter((name) => packIds.has(name));
    if (packs.length > 0) found.push({ dir, packs: packs.sort() });
    if (depth >= MAX_DEPTH) return;
    for (const e of folders) if (!packIds.has(e.name) && e.isDirectory()) await walk(path.join(dir, e.name), depth + 1);
  };
  for (const root of [...new Set(roots.map((r) => path.resolve(r)))]) await walk(root, 0);
  return found;
}
