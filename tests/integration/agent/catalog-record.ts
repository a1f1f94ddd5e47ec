// A catalog record for tests that build a media library by hand from files they write.
import type { CatalogRecord } from '../../../server/catalog/record.ts';

export function catalogRecord(
  id: string,
  relPath: string,
  format: 'audio' | 'text',
  title: string,
  extra: Partial<CatalogRecord> = {},
): CatalogRecord {
  return {
    id,
    path: relPath,
    kind: format === 'audio' ? 'song' : 'story',
    format,
    title,
    description: '',
    tags: [],
    language: 'en',
    ageMin: null,
    ageMax: null,
    durationSec: null,
    mime: format === 'audio' ? 'audio/wav' : 'text/markdown',
    words: null,
    bytes: 0,
    mtimeMs: 0,
    sidecarMtimeMs: null,
    origin: 'folder',
    ...extra,
  };
}
