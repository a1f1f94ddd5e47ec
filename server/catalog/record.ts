import type { MediaItem } from '../../src/core/media/types.ts';
import type { CoverImage, CoverMime } from './cover-art.ts';

/** Where an item came from: the starter library, a PWA upload, or the household's own folder. */
export type ItemOrigin = 'starter' | 'upload' | 'folder';

/** A catalog item as the server stores it: the wire item plus where its file is and what it says. */
export interface CatalogRecord extends Omit<MediaItem, 'url' | 'coverUrl' | 'addedAt'> {
  /** Relative to the media folder, "/"-separated. */
  path: string;
  /** Lyrics or story text, when known (read aloud for text stories, embedded as an excerpt). */
  words: string | null;
  bytes: number;
  mtimeMs: number;
  /** mtime of the sidecar used, or null without one: a changed sidecar means a re-read. */
  sidecarMtimeMs: number | null;
  origin: ItemOrigin;
  /** The picture from the file's tags that the catalog keeps (bytes in catalog_covers); null: none. */
  cover?: { mime: CoverMime; sha256: string } | null;
  /** False for items catalogued before covers were kept, until their tags are read for one. */
  coverRead?: boolean;
  /** When the item joined the catalog (ISO 8601), set by the repository on first insert. */
  addedAt?: string | null;
}

/** What ingest hands the repository: the record, and the cover picture to keep (null: none). */
export interface IngestedRecord extends CatalogRecord {
  coverImage: CoverImage | null;
}

/** The cover's URL, versioned by its hash so a changed picture is fetched again. */
export function coverUrlOf(record: Pick<CatalogRecord, 'id' | 'cover'>): string | null {
  return record.cover ? `/media/${encodeURIComponent(record.id)}/cover?v=${record.cover.sha256.slice(0, 12)}` : null;
}

export function toMediaItem(record: CatalogRecord): MediaItem {
  const {
    path: _path,
    words: _words,
    bytes: _bytes,
    mtimeMs: _m,
    sidecarMtimeMs: _s,
    origin: _o,
    cover: _c,
    coverRead: _r,
    addedAt: _a,
    coverImage: _i,
    ...item
  } = record as Partial<Pick<IngestedRecord, 'coverImage'>> & CatalogRecord;
  return {
    ...item,
    url: `/media/${encodeURIComponent(record.id)}`,
    coverUrl: coverUrlOf(record),
    // The starter library came with Hearth: only what the household added counts as new.
    addedAt: record.origin === 'starter' ? null : (record.addedAt ?? null),
  };
}

export function originOf(relativePath: string): ItemOrigin {
  if (relativePath.startsWith('starter/')) return 'starter';
  if (relativePath.startsWith('uploads/')) return 'upload';
  return 'folder';
}
