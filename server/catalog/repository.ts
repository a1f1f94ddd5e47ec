// The catalog tables: items, problems found while reading files, and cached embeddings.
import type { HearthDatabase } from '../db/database.ts';
import type { CoverImage, CoverMime } from './cover-art.ts';
import type { CatalogRecord, IngestedRecord } from './record.ts';

interface ItemRow {
  id: string;
  path: string;
  kind: 'song' | 'story';
  format: 'audio' | 'text';
  title: string;
  description: string;
  tags: string;
  language: string | null;
  age_min: number | null;
  age_max: number | null;
  duration_sec: number | null;
  mime: string;
  words: string | null;
  bytes: number;
  mtime_ms: number;
  sidecar_mtime_ms: number | null;
  origin: CatalogRecord['origin'];
  added_at: string | null;
  updated_at: string;
  cover_read: number;
  /** From the joined catalog_covers row. */
  cover_mime: CoverMime | null;
  cover_sha256: string | null;
}

/** Items with their cover's type and hash (never its bytes). */
const SELECT_ITEMS = `SELECT i.*, c.mime AS cover_mime, c.sha256 AS cover_sha256
  FROM catalog_items i LEFT JOIN catalog_covers c ON c.item_id = i.id`;

export interface CatalogProblem {
  path: string;
  message: string;
  seenAt: string;
}

function fromRow(row: ItemRow): CatalogRecord {
  return {
    id: row.id,
    path: row.path,
    kind: row.kind,
    format: row.format,
    title: row.title,
    description: row.description,
    tags: JSON.parse(row.tags) as string[],
    language: row.language,
    ageMin: row.age_min,
    ageMax: row.age_max,
    durationSec: row.duration_sec,
    mime: row.mime,
    words: row.words,
    bytes: row.bytes,
    mtimeMs: row.mtime_ms,
    sidecarMtimeMs: row.sidecar_mtime_ms,
    origin: row.origin,
    cover: row.cover_mime && row.cover_sha256 ? { mime: row.cover_mime, sha256: row.cover_sha256 } : null,
    coverRead: row.cover_read === 1,
    addedAt: row.added_at ?? row.updated_at,
  };
}

export class CatalogRepository {
  constructor(private readonly db: HearthDatabase) {}

  all(): CatalogRecord[] {
    return (this.db.prepare(`${SELECT_ITEMS} ORDER BY i.kind, i.title COLLATE NOCASE`).all() as ItemRow[]).map(fromRow);
  }

  get(id: string): CatalogRecord | null {
    const row = this.db.prepare(`${SELECT_ITEMS} WHERE i.id = ?`).get(id) as ItemRow | undefined;
    return row ? fromRow(row) : null;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM catalog_items').get() as { n: number }).n;
  }

  /**
   * Inserts or updates an item. With `coverImage` (what ingest read from the file's tags) its
   * cover is replaced or removed to match; a record without it keeps the cover it has.
   */
  upsert(record: CatalogRecord | IngestedRecord): void {
    const cover = 'coverImage' in record ? record.coverImage : undefined;
    this.db.transaction(() => {
      this.writeItem(record, cover !== undefined);
      if (cover !== undefined) this.writeCover(record.id, cover);
    })();
  }

  private writeItem(record: CatalogRecord, coverRead: boolean): void {
    this.db
      .prepare(
        `INSERT INTO catalog_items (id, path, kind, format, title, description, tags, language, age_min, age_max,
           duration_sec, mime, words, bytes, mtime_ms, sidecar_mtime_ms, origin, added_at, cover_read)
         VALUES (@id, @path, @kind, @format, @title, @description, @tags, @language, @ageMin, @ageMax,
           @durationSec, @mime, @words, @bytes, @mtimeMs, @sidecarMtimeMs, @origin,
           strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), @coverRead)
         ON CONFLICT(id) DO UPDATE SET path = excluded.path, kind = excluded.kind, format = excluded.format,
           title = excluded.title, description = excluded.description, tags = excluded.tags, language = excluded.language,
           age_min = excluded.age_min, age_max = excluded.age_max, duration_sec = excluded.duration_sec, mime = excluded.mime,
           words = excluded.words, bytes = excluded.bytes, mtime_ms = excluded.mtime_ms, sidecar_mtime_ms = excluded.sidecar_mtime_ms,
           origin = excluded.origin, cover_read = max(cover_read, excluded.cover_read),
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      )
      .run({
        id: record.id,
        path: record.path,
        kind: record.kind,
        format: record.format,
        title: record.title,
        description: record.description,
        tags: JSON.stringify(record.tags),
        language: record.language,
        ageMin: record.ageMin,
        ageMax: record.ageMax,
        durationSec: record.durationSec,
        mime: record.mime,
        words: record.words,
        bytes: record.bytes,
        mtimeMs: record.mtimeMs,
        sidecarMtimeMs: record.sidecarMtimeMs,
        origin: record.origin,
        coverRead: coverRead || record.coverRead ? 1 : 0,
      });
  }

  /** Keeps (or, with null, removes) an item's cover picture and marks its tags as read for one. */
  setCover(id: string, cover: CoverImage | null): void {
    this.db.transaction(() => {
      this.writeCover(id, cover);
      this.db.prepare('UPDATE catalog_items SET cover_read = 1 WHERE id = ?').run(id);
    })();
  }

  private writeCover(id: string, cover: CoverImage | null): void {
    if (!cover) {
      this.db.prepare('DELETE FROM catalog_covers WHERE item_id = ?').run(id);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO catalog_covers (item_id, mime, sha256, data) VALUES (?, ?, ?, ?)
         ON CONFLICT(item_id) DO UPDATE SET mime = excluded.mime, sha256 = excluded.sha256, data = excluded.data`,
      )
      .run(id, cover.mime, cover.sha256, Buffer.from(cover.data.buffer, cover.data.byteOffset, cover.data.byteLength));
  }

  /** An item's cover picture, or null when it has none. */
  coverImage(id: string): { mime: CoverMime; sha256: string; data: Buffer } | null {
    const row = this.db.prepare('SELECT mime, sha256, data FROM catalog_covers WHERE item_id = ?').get(id) as
      { mime: CoverMime; sha256: string; data: Buffer } | undefined;
    return row ?? null;
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM catalog_items WHERE id = ?').run(id);
  }

  problems(): CatalogProblem[] {
    return this.db
      .prepare('SELECT path, message, seen_at AS seenAt FROM catalog_problems ORDER BY path')
      .all() as CatalogProblem[];
  }

  setProblem(path: string, message: string): void {
    this.db
      .prepare(
        `INSERT INTO catalog_problems (path, message) VALUES (?, ?)
         ON CONFLICT(path) DO UPDATE SET message = excluded.message, seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      )
      .run(path, message);
  }

  clearProblem(path: string): void {
    this.db.prepare('DELETE FROM catalog_problems WHERE path = ?').run(path);
  }

  /** Keeps problems only for paths still present, so fixed or removed files stop being reported. */
  retainProblems(paths: ReadonlySet<string>): void {
    for (const p of this.problems()) if (!paths.has(p.path)) this.clearProblem(p.path);
  }

  embedding(itemId: string, model: string, textSha256: string): Float32Array | null {
    const row = this.db
      .prepare('SELECT vector FROM catalog_embeddings WHERE item_id = ? AND model = ? AND text_sha256 = ?')
      .get(itemId, model, textSha256) as { vector: Buffer } | undefined;
    if (!row) return null;
    // Copy out of the Buffer's pool into an aligned array.
    return new Float32Array(
      row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength),
    );
  }

  saveEmbedding(itemId: string, model: string, textSha256: string, vector: Float32Array): void {
    this.db
      .prepare(
        `INSERT INTO catalog_embeddings (item_id, model, text_sha256, vector) VALUES (?, ?, ?, ?)
         ON CONFLICT(item_id, model) DO UPDATE SET text_sha256 = excluded.text_sha256, vector = excluded.vector`,
      )
      .run(itemId, model, textSha256, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
  }
}
