// Where the bytes of an unfinished download wait until the file is complete and verified: the
// Origin Private File System (on disk, survives a reload), or memory where OPFS is missing (a
// resume then works only while the page stays open). Only verified files reach Cache Storage.

export interface PartialWriter {
  write(chunk: Uint8Array): Promise<void>;
  /** Makes everything written so far durable (OPFS commits a writable only when it closes). */
  checkpoint(): Promise<void>;
  /** Keeps what was written (for a later resume). */
  close(): Promise<void>;
}

export interface PartialFile {
  size(): Promise<number>;
  /** The bytes so far, as a (disk-backed where possible) Blob. */
  read(): Promise<Blob>;
  /** Writes from `offset`, dropping anything after it. */
  openWriter(offset: number): Promise<PartialWriter>;
  remove(): Promise<void>;
}

export interface PartialStore {
  readonly kind: 'opfs' | 'memory';
  file(key: string): PartialFile;
  /** Removes every partial whose key starts with `prefix` ('' for all). */
  removeAll(prefix: string): Promise<void>;
}

const FOLDER = 'hearth-model-downloads';

/** OPFS file names are single path segments: the key is encoded into one. */
function baseName(key: string): string {
  return encodeURIComponent(key);
}

/** "<encoded key>.<6-digit index>": a partial is a run of segments, one per checkpoint. */
function segmentName(base: string, index: number): string {
  return `${base}.${String(index).padStart(6, '0')}`;
}

function parseSegment(name: string): { base: string; index: number } | null {
  const dot = name.lastIndexOf('.');
  const index = Number(name.slice(dot + 1));
  return dot > 0 && /^\d{6}$/.test(name.slice(dot + 1)) ? { base: name.slice(0, dot), index } : null;
}

function notFound(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotFoundError';
}

async function entryNames(dir: FileSystemDirectoryHandle): Promise<string[]> {
  const names: string[] = [];
  // keys() is in every OPFS browser; TypeScript's DOM lib does not declare it yet.
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  return names;
}

/**
 * A partial download as numbered segment files. Chromium's OPFS writable streams copy the whole
 * file into a swap file when reopened to append, so one growing file would be copied again at
 * every checkpoint (quadratic for a 400 MB model); a new segment per checkpoint copies nothing.
 */
class OpfsPartialFile implements PartialFile {
  constructor(
    private readonly dir: FileSystemDirectoryHandle,
    private readonly base: string,
  ) {}

  private async segments(): Promise<{ name: string; index: number; file: File }[]> {
    const out: { name: string; index: number; file: File }[] = [];
    for (const name of await entryNames(this.dir)) {
      const seg = parseSegment(name);
      if (seg?.base !== this.base) continue;
      try {
        out.push({ name, index: seg.index, file: await (await this.dir.getFileHandle(name)).getFile() });
      } catch (error) {
        if (!notFound(error)) throw error;
      }
    }
    return out.sort((a, b) => a.index - b.index);
  }

  async size(): Promise<number> {
    return (await this.segments()).reduce((n, s) => n + s.file.size, 0);
  }

  async read(): Promise<Blob> {
    return new Blob((await this.segments()).map((s) => s.file));
  }

  async openWriter(offset: number): Promise<PartialWriter> {
    // Keep exactly the first `offset` bytes: whole segments below it, the one it falls in cut short.
    let covered = 0;
    let next = 0;
    for (const seg of await this.segments()) {
      if (covered >= offset) {
        await this.dir.removeEntry(seg.name);
        continue;
      }
      const keep = Math.min(seg.file.size, offset - covered);
      if (keep < seg.file.size) {
        const stream = await (await this.dir.getFileHandle(seg.name)).createWritable({ keepExistingData: true });
        await stream.truncate(keep);
        await stream.close();
      }
      covered += keep;
      next = seg.index + 1;
    }
    const dir = this.dir;
    const base = this.base;
    let stream: FileSystemWritableFileStream | null = null;
    return {
      async write(chunk) {
        stream ??= await (await dir.getFileHandle(segmentName(base, next++), { create: true })).createWritable();
        await stream.write(chunk as Uint8Array<ArrayBuffer>);
      },
      async checkpoint() {
        await stream?.close();
        stream = null;
      },
      async close() {
        await stream?.close();
        stream = null;
      },
    };
  }

  async remove(): Promise<void> {
    for (const seg of await this.segments()) {
      await this.dir.removeEntry(seg.name).catch((error: unknown) => {
        if (!notFound(error)) throw error;
      });
    }
  }
}

class OpfsPartialStore implements PartialStore {
  readonly kind = 'opfs';
  constructor(private readonly dir: FileSystemDirectoryHandle) {}

  file(key: string): PartialFile {
    return new OpfsPartialFile(this.dir, baseName(key));
  }

  async removeAll(prefix: string): Promise<void> {
    for (const name of await entryNames(this.dir)) {
      const seg = parseSegment(name);
      if (seg && decodeURIComponent(seg.base).startsWith(prefix))
        await this.dir.removeEntry(name).catch(() => undefined);
    }
  }
}

class MemoryPartialStore implements PartialStore {
  readonly kind = 'memory';
  private readonly files = new Map<string, Uint8Array[]>();

  file(key: string): PartialFile {
    const files = this.files;
    const chunks = (): Uint8Array[] => files.get(key) ?? [];
    return {
      size: () => Promise.resolve(chunks().reduce((n, c) => n + c.length, 0)),
      read: () => Promise.resolve(new Blob(chunks() as Uint8Array<ArrayBuffer>[])),
      async openWriter(offset) {
        // Keep exactly the first `offset` bytes.
        const kept: Uint8Array[] = [];
        let left = offset;
        for (const c of chunks()) {
          if (left <= 0) break;
          kept.push(c.length <= left ? c : c.slice(0, left));
          left -= c.length;
        }
        files.set(key, kept);
        return {
          write: (chunk) => {
            kept.push(chunk.slice());
            return Promise.resolve();
          },
          checkpoint: () => Promise.resolve(),
          close: () => Promise.resolve(),
        };
      },
      remove: () => {
        files.delete(key);
        return Promise.resolve();
      },
    };
  }

  removeAll(prefix: string): Promise<void> {
    for (const key of [...this.files.keys()]) if (key.startsWith(prefix)) this.files.delete(key);
    return Promise.resolve();
  }
}

/** OPFS when the browser has it (every current Chromium does), memory otherwise. */
export async function openPartialStore(): Promise<PartialStore> {
  try {
    const root = await navigator.storage.getDirectory();
    return new OpfsPartialStore(await root.getDirectoryHandle(FOLDER, { create: true }));
  } catch {
    return new MemoryPartialStore();
  }
}

export function memoryPartialStore(): PartialStore {
  return new MemoryPartialStore();
}
