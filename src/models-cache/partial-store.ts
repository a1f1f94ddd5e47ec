// Where the bytes of an unfinished download wait until the file is complete and verified: the
// Origin Private File System (on disk, survives a reload), or memory where OPFS is missing (a
// resume then works only while the page stays open). Only verified files reach Cache Storage.

export interface PartialWriter {
  write(chunk: Uint8Array): Promise<void>;
  /** Makes everything written so far durable (OPFS commits on close, so this reopens). */
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
function fileName(key: string): string {
  return encodeURIComponent(key);
}

class OpfsPartialFile implements PartialFile {
  constructor(
    private readonly dir: FileSystemDirectoryHandle,
    private readonly name: string,
  ) {}

  private async handle(create: boolean): Promise<FileSystemFileHandle | null> {
    try {
      return await this.dir.getFileHandle(this.name, { create });
    } catch (error) {
      if (!create && error instanceof DOMException && error.name === 'NotFoundError') return null;
      throw error;
    }
  }

  async size(): Promise<number> {
    const handle = await this.handle(false);
    return handle ? (await handle.getFile()).size : 0;
  }

  async read(): Promise<Blob> {
    const handle = await this.handle(false);
    return handle ? handle.getFile() : new Blob([]);
  }

  async openWriter(offset: number): Promise<PartialWriter> {
    const handle = (await this.handle(true))!;
    const open = async (at: number): Promise<FileSystemWritableFileStream> => {
      const stream = await handle.createWritable({ keepExistingData: true });
      await stream.truncate(at);
      await stream.seek(at);
      return stream;
    };
    let written = offset;
    let stream = await open(offset);
    return {
      async write(chunk) {
        await stream.write(chunk as Uint8Array<ArrayBuffer>);
        written += chunk.length;
      },
      async checkpoint() {
        await stream.close();
        stream = await open(written);
      },
      async close() {
        await stream.close();
      },
    };
  }

  async remove(): Promise<void> {
    await this.dir.removeEntry(this.name).catch((error: unknown) => {
      if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
    });
  }
}

class OpfsPartialStore implements PartialStore {
  readonly kind = 'opfs';
  constructor(private readonly dir: FileSystemDirectoryHandle) {}

  file(key: string): PartialFile {
    return new OpfsPartialFile(this.dir, fileName(key));
  }

  async removeAll(prefix: string): Promise<void> {
    const names: string[] = [];
    // entries() is in every OPFS browser; TypeScript's DOM lib does not declare it yet.
    const entries = (this.dir as unknown as { keys(): AsyncIterable<string> }).keys();
    for await (const name of entries) if (decodeURIComponent(name).startsWith(prefix)) names.push(name);
    for (const name of names) await this.dir.removeEntry(name).catch(() => undefined);
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
