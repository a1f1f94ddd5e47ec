// Changes from the PWA (admin only): add a file, edit its metadata, delete it. Every change is
// checked before it touches the library: an upload is read in a staging folder first, an edit is
// validated before its sidecar is written, so a bad request never damages what is there.
import crypto from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { IngestError, ingestFile } from './ingest.ts';
import { mediaFileRole, sidecarPathFor, STAGING_DIR, supportedExtensions } from './media-files.ts';
import type { CatalogRecord } from './record.ts';
import type { CatalogRepository } from './repository.ts';
import { parseSidecar, SidecarError, sidecarSchema, type Sidecar } from './sidecar.ts';

export const UPLOADS_DIR = 'uploads';

export class EditError extends Error {
  override name = 'EditError';
  constructor(
    message: string,
    readonly status: 400 | 404 | 413 = 400,
  ) {
    super(message);
  }
}

const abs = (mediaDir: string, relative: string) => path.join(mediaDir, ...relative.split('/'));

/** Validates metadata given by a person (sidecar fields); throws EditError naming each problem. */
export function validateMetadata(input: unknown): Sidecar {
  const parsed = sidecarSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new EditError(`invalid metadata: ${parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')}`);
  }
  return parsed.data;
}

/** "My Song (live)!.MP3" -> "my-song-live.mp3": safe on every filesystem and in URLs. */
export function safeFileName(original: string): string {
  const ext = path.extname(original).toLowerCase();
  const stem = path
    .basename(original, path.extname(original))
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 80);
  return `${stem || 'untitled'}${ext}`;
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

async function writeAtomically(file: string, data: string): Promise<void> {
  const temp = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(temp, data);
  await fs.rename(temp, file);
}

export class CatalogEditor {
  constructor(
    private readonly mediaDir: string,
    private readonly repo: CatalogRepository,
  ) {}

  /**
   * Stores an uploaded file under uploads/ once it has been read successfully in staging.
   * `metadata` becomes its sidecar. Nothing is written to the library if anything fails.
   */
  async upload(fileName: string, data: Readable, metadata: unknown, maxBytes: number): Promise<CatalogRecord> {
    const name = safeFileName(fileName);
    const role = mediaFileRole(name);
    if (role !== 'audio' && role !== 'text') {
      data.resume(); // drain the request
      throw new EditError(`${fileName}: unsupported file type; use one of ${supportedExtensions().join(', ')}`);
    }
    const sidecar = validateMetadata(metadata);
    const stagingDir = path.join(this.mediaDir, STAGING_DIR, crypto.randomBytes(8).toString('hex'));
    await fs.mkdir(stagingDir, { recursive: true });
    try {
      const staged = path.join(stagingDir, name);
      const tooLarge = new EditError(`${fileName} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, 413);
      try {
        await pipeline(data, createWriteStream(staged));
      } catch (err) {
        // @fastify/multipart stops the stream with this code at its fileSize limit.
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge;
        throw err;
      }
      if ((data as Readable & { truncated?: boolean }).truncated) throw tooLarge;
      const hasSidecar = Object.keys(sidecar).length > 0;
      if (hasSidecar) await fs.writeFile(path.join(stagingDir, sidecarPathFor(name)), JSON.stringify(sidecar, null, 2));
      try {
        await ingestFile(stagingDir, name); // the same checks a scan makes
      } catch (err) {
        if (err instanceof IngestError) throw new EditError(err.message.replace(name, fileName));
        throw err;
      }
      const target = await this.freeName(`${UPLOADS_DIR}/${name}`);
      await fs.mkdir(path.dirname(abs(this.mediaDir, target)), { recursive: true });
      // Sidecar first: a scan that sees the audio file then already finds its metadata.
      if (hasSidecar) await fs.rename(path.join(stagingDir, sidecarPathFor(name)), abs(this.mediaDir, sidecarPathFor(target)));
      await fs.rename(staged, abs(this.mediaDir, target));
      const record = await ingestFile(this.mediaDir, target);
      this.repo.upsert(record);
      this.repo.clearProblem(target);
      return record;
    } finally {
      await fs.rm(stagingDir, { recursive: true, force: true });
    }
  }

  /** Merges `changes` into the item's sidecar (null removes a field) and re-reads the item. */
  async update(id: string, changes: Record<string, unknown>): Promise<CatalogRecord> {
    const record = this.repo.get(id);
    if (!record) throw new EditError(`no item ${id}`, 404);
    const sidecarRelative = sidecarPathFor(record.path);
    const sidecarFile = abs(this.mediaDir, sidecarRelative);
    let current: Sidecar = {};
    const previousText = await fs.readFile(sidecarFile, 'utf8').catch(() => null);
    if (previousText !== null) {
      try {
        current = parseSidecar(previousText, sidecarRelative);
      } catch (err) {
        if (!(err instanceof SidecarError)) throw err;
        // A broken sidecar on disk is replaced by a valid one built from the item as catalogued.
        current = { title: record.title, description: record.description, tags: record.tags, kind: record.kind };
      }
    }
    const merged: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    const next = validateMetadata(merged);
    await writeAtomically(sidecarFile, `${JSON.stringify(next, null, 2)}\n`);
    try {
      const updated = await ingestFile(this.mediaDir, record.path);
      this.repo.upsert(updated);
      this.repo.clearProblem(record.path);
      return updated;
    } catch (err) {
      // Put the old sidecar back: the item keeps working as it did.
      if (previousText === null) await fs.rm(sidecarFile, { force: true });
      else await writeAtomically(sidecarFile, previousText);
      if (err instanceof IngestError) throw new EditError(err.message);
      throw err;
    }
  }

  /** Removes the item's file and sidecar from the media folder and the catalog. */
  async remove(id: string): Promise<CatalogRecord> {
    const record = this.repo.get(id);
    if (!record) throw new EditError(`no item ${id}`, 404);
    await fs.rm(abs(this.mediaDir, record.path), { force: true });
    await fs.rm(abs(this.mediaDir, sidecarPathFor(record.path)), { force: true });
    this.repo.remove(id);
    this.repo.clearProblem(record.path);
    return record;
  }

  private async freeName(relative: string): Promise<string> {
    const ext = path.posix.extname(relative);
    const stem = relative.slice(0, relative.length - ext.length);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? relative : `${stem}-${n}${ext}`;
      if (!(await exists(abs(this.mediaDir, candidate))) && !(await exists(abs(this.mediaDir, sidecarPathFor(candidate))))) return candidate;
    }
  }
}
