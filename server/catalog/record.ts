import type { MediaItem } from '../../src/core/media/types.ts';

/** Where an item came from: the starter library, a PWA upload, or the household's own folder. */
export type ItemOrigin = 'starter' | 'upload' | 'folder';

/** A catalog item as the server stores it: the wire item plus where its file is and what it says. */
export interface CatalogRecord extends Omit<MediaItem, 'url'> {
  /** Relative to the media folder, "/"-separated. */
  path: string;
  /** Lyrics or story text, when known (read aloud for text stories, embedded as an excerpt). */
  words: string | null;
  bytes: number;
  mtimeMs: number;
  /** mtime of the sidecar used, or null without one: a changed sidecar means a re-read. */
  sidecarMtimeMs: number | null;
  origin: ItemOrigin;
}

export function toMediaItem(record: CatalogRecord): MediaItem {
  const { path: _path, words: _words, bytes: _bytes, mtimeMs: _m, sidecarMtimeMs: _s, origin: _o, ...item } = record;
  return { ...item, url: `/media/${encodeURIComponent(record.id)}` };
}

export function originOf(relativePath: string): ItemOrigin {
  if (relativePath.startsWith('starter/')) return 'starter';
  if (relativePath.startsWith('uploads/')) return 'upload';
  return 'folder';
}
