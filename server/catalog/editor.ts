// Changes from the PWA (admin only): add a file, edit its metadata, delete it. Every change is
// checked before it touches the library: an upload is read in a staging folder first, an edit is
// validated before its sidecar is written, so a bad request never damages what is there.
import { constants as fsConstants, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { IngestError, ingestFile } from './ingest.ts';
import { DEFAULT_MEDIA_LIMITS, type MediaLimits } from './media-limits.ts';
import { mediaFileRole, sidecarPathFor, supportedExtensions } from './media-files.ts';
import type { CatalogRecord } from './record.ts';
import type { CatalogRepository } from './repository.ts';
import { parseSidecar, SidecarError, sidecarSchema, type Sidecar } from './sidecar.ts';
import { makeStagingDir } from './staging.ts';

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
    throw new EditError(
      `invalid metadata: ${parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')}`,
    );
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

/** Writes through the staging area, so a crash never leaves a half-written sidecar (or a temp file) in the library. */
async function writeAtomically(mediaDir: string, file: string, data: string): Promise<void> {
  const stagingDir = await makeStagingDir(mediaDir);
  try {
    const temp = path.join(stagingDir, path.basename(file));
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } finally {
    await fs.rm(stagingDir, { recursive: true, force: true });
  }
}

export class CatalogEditor {
  /** The tail of the name-claiming queue: one upload at a time picks its name. */
  private claiming: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly mediaDir: string,
    private readonly repo: CatalogRepository,
    private readonly limits: MediaLimits = DEFAULT_MEDIA_LIMITS,
    /** Resolves once leftovers of a crashed run are cleaned from the staging area. */
    private readonly stagingReady: Promise<unknown> = Promise.resolve(),
  ) {}

  /**
   * Stores an uploaded file under uploads/ once it has been read successfully in staging.
   * `metadata` becomes its sidecar. Nothing is written to the library if anything fails, and an
   * upload never replaces another file: each one that succeeds is its own file with its own id.
   */
  async upload(fileName: string, data: Readable, metadata: unknown, maxBytes: number): Promise<CatalogRecord> {
    const name = safeFileName(fileName);
    const role = mediaFileRole(name);
    if (role !== 'audio' && role !== 'text') {
      data.resume(); // drain the request
      throw new EditError(`${fileName}: unsupported file type; use one of ${supportedExtensions().join(', ')}`);
    }
    let sidecar: Sidecar;
    try {
      sidecar = validateMetadata(metadata);
    } catch (err) {
      data.resume();
      throw err;
    }
    await this.stagingReady;
    const stagingDir = await makeStagingDir(this.mediaDir);
    try {
      const staged = path.join(stagingDir, name);
      await receive(data, staged, fileName, maxBytes);
      const hasSidecar = Object.keys(sidecar).length > 0;
      const stagedSidecar = hasSidecar ? path.join(stagingDir, sidecarPathFor(name)) : null;
      if (stagedSidecar) await fs.writeFile(stagedSidecar, JSON.stringify(sidecar, null, 2));
      let checked: CatalogRecord;
      try {
        checked = await ingestFile(stagingDir, name, this.limits); // the same checks a scan makes
      } catch (err) {
        if (err instanceof IngestError) throw new EditError(err.message.replace(name, fileName));
        throw err;
      }
      const target = await this.claimName(`${UPLOADS_DIR}/${name}`, staged, stagedSidecar);
      const record = await ingestFile(this.mediaDir, target, this.limits, checked.durationSec ?? undefined);
      this.repo.upsert(record);
      this.repo.clearProblem(target);
      return this.repo.get(record.id) ?? record; // as catalogued: with when it was added
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
    await writeAtomically(this.mediaDir, sidecarFile, `${JSON.stringify(next, null, 2)}\n`);
    try {
      // Only the sidecar changed: the audio was decoded when it was catalogued.
      const updated = await ingestFile(this.mediaDir, record.path, this.limits, record.durationSec ?? undefined);
      this.repo.upsert(updated);
      this.repo.clearProblem(record.path);
      return this.repo.get(updated.id) ?? updated;
    } catch (err) {
      // Put the old sidecar back: the item keeps working as it did.
      if (previousText === null) await fs.rm(sidecarFile, { force: true });
      else await writeAtomically(this.mediaDir, sidecarFile, previousText);
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

  /**
   * Moves a checked upload into the library under the first free name (`song.mp3`, `song-2.mp3`,
   * ...). Names are claimed one upload at a time and with hard links, which fail rather than
   * replace a file that is already there (written by a scan, a person, or another server).
   */
  private claimName(preferred: string, staged: string, stagedSidecar: string | null): Promise<string> {
    const claim = this.claiming.then(async () => {
      await fs.mkdir(path.dirname(abs(this.mediaDir, preferred)), { recursive: true });
      const ext = path.posix.extname(preferred);
      const stem = preferred.slice(0, preferred.length - ext.length);
      for (let n = 1; ; n++) {
        const candidate = n === 1 ? preferred : `${stem}-${n}${ext}`;
        const file = abs(this.mediaDir, candidate);
        const sidecarFile = abs(this.mediaDir, sidecarPathFor(candidate));
        if ((await exists(file)) || (await exists(sidecarFile))) continue;
        // Sidecar first: a scan that sees the audio file then already finds its metadata.
        if (stagedSidecar && !(await placeWithoutReplacing(stagedSidecar, sidecarFile))) continue;
        if (await placeWithoutReplacing(staged, file)) return candidate;
        if (stagedSidecar) await fs.rm(sidecarFile, { force: true });
      }
    });
    this.claiming = claim.catch(() => undefined);
    return claim;
  }
}

/** Writes the upload stream to `file`, telling a cut-off or malformed request (400) and an oversized file (413) apart from a server fault. */
async function receive(data: Readable, file: string, label: string, maxBytes: number): Promise<void> {
  let sourceError: unknown = null;
  data.once('error', (err) => (sourceError = err));
  try {
    await pipeline(data, createWriteStream(file, { flags: 'wx' }));
  } catch (err) {
    // @fastify/multipart stops the stream with this code at its fileSize limit.
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(label, maxBytes);
    if (err === sourceError)
      throw new EditError(
        `the upload of ${label} was cut off or is not well-formed multipart/form-data (${err instanceof Error ? err.message : String(err)})`,
      );
    throw err;
  }
  if ((data as Readable & { truncated?: boolean }).truncated) throw tooLarge(label, maxBytes);
}

function tooLarge(label: string, maxBytes: number): EditError {
  return new EditError(`${label} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, 413);
}

/** Links `from` to `to` unless `to` exists (then false). Filesystems without hard links get an exclusive copy instead. */
async function placeWithoutReplacing(from: string, to: string): Promise<boolean> {
  try {
    await fs.link(from, to);
    return true;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw err;
  }
  try {
    await fs.copyFile(from, to, fsConstants.COPYFILE_EXCL);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') return false;
    throw err;
  }
}
