// Importing packs from a folder (USB stick, copy of a LAN mirror) for machines without internet.
// Every file is hashed on the way in; a bad file is rejected and any good copy already here stays.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { requirePack, type ModelContext } from './context.ts';
import { commitFile, fsyncFile, tempSiblingPath } from './fs-atomic.ts';
import { sha256OfFile } from './hash.ts';
import { expectedSha256, inspectFile } from './inspect.ts';
import { storePath } from './locate.ts';
import type { ModelPack, PackFile } from './manifest.ts';
import { filesListedBy } from './pack-files.ts';

export interface ImportOptions {
  /** `<dir>/<packId>/<path>`, or with `packId` a single pack folder `<dir>/<path>`. */
  dir: string;
  packId?: string;
  /** Use the files where they are (record their location in the lock) instead of copying. */
  link?: boolean;
  onFile?: (result: ImportFileResult) => void;
}

export interface ImportFileResult {
  packId: string;
  path: string;
  outcome: 'imported' | 'linked' | 'already-present' | 'rejected';
  sha256: string | null;
  message: string;
}

export async function importFromFolder(ctx: ModelContext, opts: ImportOptions): Promise<ImportFileResult[]> {
  const dir = resolve(opts.dir);
  if (!(await isDir(dir))) throw new Error(`import folder ${dir} does not exist`);
  const results: ImportFileResult[] = [];
  for (const { pack, root } of await packFolders(ctx, dir, opts.packId)) {
    for (const r of await importPack(ctx, pack, root, opts.link ?? false, opts.onFile)) results.push(r);
  }
  return results;
}

async function packFolders(ctx: ModelContext, dir: string, packId?: string): Promise<{ pack: ModelPack; root: string }[]> {
  if (packId) {
    const pack = requirePack(ctx, packId);
    const nested = join(dir, pack.id);
    return [{ pack, root: (await isDir(nested)) ? nested : dir }];
  }
  const found: { pack: ModelPack; root: string }[] = [];
  for (const pack of ctx.manifest.packs) {
    const root = join(dir, pack.id);
    if (await isDir(root)) found.push({ pack, root });
  }
  return found;
}

async function importPack(
  ctx: ModelContext,
  pack: ModelPack,
  root: string,
  link: boolean,
  onFile?: (r: ImportFileResult) => void,
): Promise<ImportFileResult[]> {
  const results: ImportFileResult[] = [];
  const queue: PackFile[] = pack.files.filter((f) => f.source.kind === 'url'); // npm files ship with npm
  const listed = new Set(queue.map((f) => f.path));
  for (let file = queue.shift(); file; file = queue.shift()) {
    const source = join(root, ...file.path.split('/'));
    if (!(await isFile(source))) continue;
    const result = link ? await linkFile(ctx, pack, file, source, root) : await copyFile(ctx, pack, file, source, root);
    results.push(result);
    onFile?.(result);
    if (file.listsFiles && result.outcome !== 'rejected') {
      for (const extra of await filesListedBy(file, source).catch(() => [])) {
        if (listed.has(extra.path)) continue;
        listed.add(extra.path);
        queue.push(extra);
      }
    }
  }
  return results;
}

/** Why a file with this hash and size may not be used, or null when it may. */
function rejection(ctx: ModelContext, pack: ModelPack, file: PackFile, sha256: string, bytes: number): string | null {
  const entry = ctx.lock.get(pack.id, file.path);
  const expected = expectedSha256(file, entry);
  if (expected !== null && sha256 !== expected) return `sha256 mismatch — expected ${expected}, got ${sha256}`;
  if (file.bytes !== null && bytes !== file.bytes) return `size mismatch — expected ${file.bytes} bytes, got ${bytes}`;
  return null;
}

async function linkFile(ctx: ModelContext, pack: ModelPack, file: PackFile, source: string, root: string): Promise<ImportFileResult> {
  const base = { packId: pack.id, path: file.path };
  const sha256 = await sha256OfFile(source);
  const st = await stat(source);
  const why = rejection(ctx, pack, file, sha256, st.size);
  if (why) return { ...base, outcome: 'rejected', sha256, message: `${pack.id}/${file.path} from ${source}: ${why}; not used` };
  await ctx.lock.set(pack.id, file.path, {
    state: 'ok',
    sha256,
    bytes: st.size,
    mtimeMs: st.mtimeMs,
    verifiedAt: new Date().toISOString(),
    source: `link:${root}`,
    location: source,
  });
  return { ...base, outcome: 'linked', sha256, message: `${pack.id}/${file.path}: used in place at ${source}` };
}

async function copyFile(ctx: ModelContext, pack: ModelPack, file: PackFile, source: string, root: string): Promise<ImportFileResult> {
  const base = { packId: pack.id, path: file.path };
  const target = storePath(ctx, pack.id, file.path);
  await mkdir(join(target, '..'), { recursive: true });
  const tmp = tempSiblingPath(target, 'import');
  const hashWasKnown = expectedSha256(file, ctx.lock.get(pack.id, file.path)) !== null;
  try {
    // Hash the bytes as they are copied, so the check covers exactly what lands on disk.
    const hash = createHash('sha256');
    let bytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(createReadStream(source), tap, createWriteStream(tmp));
    const sha256 = hash.digest('hex');
    const why = rejection(ctx, pack, file, sha256, bytes);
    if (why) {
      return { ...base, outcome: 'rejected', sha256, message: `${pack.id}/${file.path} from ${source}: ${why}; not imported (any existing copy is untouched)` };
    }
    const current = await inspectFile(ctx, pack, file);
    if (current.state === 'ready' && current.location === target && current.sha256 === sha256) {
      return { ...base, outcome: 'already-present', sha256, message: `${pack.id}/${file.path}: already present` };
    }
    await fsyncFile(tmp);
    await commitFile(tmp, target);
    const st = await stat(target);
    await ctx.lock.set(pack.id, file.path, {
      state: 'ok',
      sha256,
      bytes,
      mtimeMs: st.mtimeMs,
      verifiedAt: new Date().toISOString(),
      source: `import:${root}`,
      location: target,
    });
    const note = hashWasKnown ? '' : ' (no known hash to check against; recorded this one)';
    return { ...base, outcome: 'imported', sha256, message: `${pack.id}/${file.path}: imported${note}` };
  } finally {
    await rm(tmp, { force: true });
  }
}

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
