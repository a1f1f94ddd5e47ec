// models.lock.json: what was verified, where, and when. Lets status checks trust a file by its
// size + mtime instead of re-hashing hundreds of MB on every request.
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './fs-atomic.ts';

const lockEntrySchema = z.object({
  /** ok: the file at `location` hashed to `sha256`. corrupt: it hashed to `sha256` but `expectedSha256` was required. */
  state: z.enum(['ok', 'corrupt']),
  sha256: z.string(),
  expectedSha256: z.string().nullable().optional(),
  bytes: z.number(),
  mtimeMs: z.number(),
  verifiedAt: z.string(),
  /** Where the bytes came from: a URL, "npm:<package>/<path>", "import:<dir>", "link:<dir>" or "in-place". */
  source: z.string(),
  /** Absolute path of the verified file (inside modelsDir, an extra dir, a linked folder or node_modules). */
  location: z.string(),
});
export type LockEntry = z.infer<typeof lockEntrySchema>;

const lockFileSchema = z.object({
  version: z.literal(1),
  packs: z.record(z.string(), z.record(z.string(), lockEntrySchema)),
});
type LockFile = z.infer<typeof lockFileSchema>;

export const LOCK_FILE_NAME = 'models.lock.json';

export class ModelLock {
  private data: LockFile = { version: 1, packs: {} };
  private seen: { size: number; mtimeMs: number } | null = null;
  private writing: Promise<void> = Promise.resolve();

  private constructor(readonly path: string) {}

  static async open(path: string): Promise<ModelLock> {
    const lock = new ModelLock(path);
    await lock.reload();
    return lock;
  }

  get(packId: string, filePath: string): LockEntry | undefined {
    return this.data.packs[packId]?.[filePath];
  }

  /** Picks up writes by another process (e.g. the CLI downloading while the server runs); one stat. */
  async refreshIfChanged(): Promise<void> {
    const st = await stat(this.path).catch(() => null);
    const now = st ? { size: st.size, mtimeMs: st.mtimeMs } : null;
    if (now?.size === this.seen?.size && now?.mtimeMs === this.seen?.mtimeMs) return;
    await this.reload();
  }

  /** Read-modify-write against the file on disk, serialised in this process, committed atomically. */
  async update(mutate: (packs: LockFile['packs']) => void): Promise<void> {
    const run = this.writing.then(async () => {
      await this.reload();
      mutate(this.data.packs);
      await writeFileAtomic(this.path, `${JSON.stringify(this.data, null, 2)}\n`);
      await this.remember();
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  async set(packId: string, filePath: string, entry: LockEntry): Promise<void> {
    await this.update((packs) => {
      (packs[packId] ??= {})[filePath] = entry;
    });
  }

  private async reload(): Promise<void> {
    const text = await readFile(this.path, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (text === null) {
      this.data = { version: 1, packs: {} };
    } else {
      const parsed = lockFileSchema.safeParse(safeJson(text));
      // A damaged lock only costs re-verification, so start empty rather than refuse to run.
      this.data = parsed.success ? parsed.data : { version: 1, packs: {} };
    }
    await this.remember();
  }

  private async remember(): Promise<void> {
    const st = await stat(this.path).catch(() => null);
    this.seen = st ? { size: st.size, mtimeMs: st.mtimeMs } : null;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
