// The full file list of a pack: the manifest's files plus those named by index files
// (listsFiles: "ndarray-cache") once the index itself is on disk.
import { readFile, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { z } from 'zod';
import type { ModelContext } from './context.ts';
import { isSafeRelativePath, type ModelPack, type PackFile } from './manifest.ts';
import { inspectFile } from './inspect.ts';

const ndarrayCacheSchema = z.object({
  records: z.array(z.object({ dataPath: z.string(), nbytes: z.number().optional() })),
});

const parsedIndexes = new Map<string, { dataPath: string; nbytes?: number | undefined }[]>();

async function readIndexRecords(location: string): Promise<{ dataPath: string; nbytes?: number | undefined }[]> {
  const st = await stat(location);
  const key = `${location}:${st.size}:${st.mtimeMs}`;
  const cached = parsedIndexes.get(key);
  if (cached) return cached;
  const parsed = ndarrayCacheSchema.safeParse(JSON.parse(await readFile(location, 'utf8')));
  if (!parsed.success) throw new Error(`${location} is not an ndarray-cache.json (no records[].dataPath)`);
  parsedIndexes.set(key, parsed.data.records);
  return parsed.data.records;
}

/** The files an index names, as PackFiles whose sources sit next to the index's source. */
export async function filesListedBy(indexFile: PackFile, indexLocation: string): Promise<PackFile[]> {
  const dir = posix.dirname(indexFile.path);
  const out: PackFile[] = [];
  for (const record of await readIndexRecords(indexLocation)) {
    const path = dir === '.' ? record.dataPath : `${dir}/${record.dataPath}`;
    if (!isSafeRelativePath(record.dataPath) || !isSafeRelativePath(path)) continue;
    const source: PackFile['source'] =
      indexFile.source.kind === 'url'
        ? { ...indexFile.source, url: new URL(record.dataPath, indexFile.source.url).href }
        : { ...indexFile.source, path: posix.join(posix.dirname(indexFile.source.path), record.dataPath) };
    out.push({ path, bytes: record.nbytes ?? null, sha256: null, source });
  }
  return out;
}

export async function packFiles(ctx: ModelContext, pack: ModelPack): Promise<PackFile[]> {
  const files = [...pack.files];
  const listed = new Set(files.map((f) => f.path));
  for (const indexFile of pack.files) {
    if (!indexFile.listsFiles) continue;
    const seen = await inspectFile(ctx, pack, indexFile);
    if (!seen.location || seen.state === 'corrupt') continue;
    const extra = await filesListedBy(indexFile, seen.location).catch(() => []);
    for (const f of extra) {
      if (listed.has(f.path)) continue;
      listed.add(f.path);
      files.push(f);
    }
  }
  return files;
}
