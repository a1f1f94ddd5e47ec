// The agent's view of the home media library: the server catalog to search (same index and
// lexical fallback as /api/catalog/search) and a way to open an item found there, as decoded audio
// or as the sentences of a text story.
import fs from 'node:fs/promises';
import path from 'node:path';
import { storySentences } from '../../../src/core/media/story-text.ts';
import type { Catalog, MediaItem } from '../../../src/core/media/types.ts';
import type { MediaLimits } from '../../catalog/media-limits.ts';
import type { CatalogRecord } from '../../catalog/record.ts';
import { MediaDecodeError, openAudioStream, type AudioPieces } from './decode-audio.ts';

/** Audio comes as mono pieces decoded while it plays (a whole decoded file would cost hundreds of MB). */
export type OpenedMedia = { format: 'audio'; audio: AudioPieces } | { format: 'text'; sentences: string[] };

export interface AgentMediaLibrary {
  catalog: Catalog;
  open(item: MediaItem): Promise<OpenedMedia>;
}

/** What the agent needs of the server's CatalogService (kept narrow so tests can build one from a folder). */
export interface CatalogSource {
  readonly mediaDir: string;
  readonly search: Catalog;
  readonly repo: { get(id: string): CatalogRecord | null };
  /** The library's caps; a toy never decodes past them (default DEFAULT_MEDIA_LIMITS). */
  readonly limits?: MediaLimits;
}

export function catalogMediaLibrary(source: CatalogSource): AgentMediaLibrary {
  return {
    catalog: source.search,
    async open(item) {
      const record = source.repo.get(item.id);
      if (!record) throw new MediaDecodeError(`"${item.title}" is no longer in the library`);
      const file = mediaFileOf(source.mediaDir, record.path);
      if (!file) throw new MediaDecodeError(`"${item.title}" points outside the media folder`);
      if (record.format === 'audio') return { format: 'audio', audio: await openAudioStream(file, `"${item.title}"`, source.limits, record.durationSec ?? undefined) };
      const text = record.words ?? (await fs.readFile(file, 'utf8'));
      const sentences = storySentences(text);
      if (sentences.length === 0) throw new MediaDecodeError(`"${item.title}" has no words to read`);
      return { format: 'text', sentences };
    },
  };
}

/** The absolute path of a record's file, or null when its path leads outside the media folder. */
export function mediaFileOf(mediaDir: string, relPath: string): string | null {
  const root = path.resolve(mediaDir);
  const file = path.resolve(root, relPath);
  return file.startsWith(root + path.sep) ? file : null;
}
