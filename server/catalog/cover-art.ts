// Cover art from a song's own tags (ID3 APIC, FLAC/Vorbis PICTURE, MP4 covr), as music-metadata
// reads them. Only small JPEG, PNG and WebP pictures are kept, and their type comes from their
// first bytes, never from what the tag claims: the cover route serves exactly these three types.
import { createHash } from 'node:crypto';
import { parseFile, type IPicture } from 'music-metadata';

/** Pictures larger than this are left out (a cover for a phone screen needs far less). */
export const MAX_COVER_BYTES = 1024 * 1024;

export type CoverMime = 'image/jpeg' | 'image/png' | 'image/webp';

/** A picture worth keeping: its bytes and the type they really are. */
export interface CoverImage {
  mime: CoverMime;
  data: Uint8Array;
  sha256: string;
}

/** What the bytes are, from their signature; null for anything but JPEG, PNG or WebP. */
export function sniffImage(data: Uint8Array): CoverMime | null {
  const at = (offset: number, bytes: number[]): boolean => bytes.every((b, i) => data[offset + i] === b);
  if (data.length >= 3 && at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (data.length >= 8 && at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (data.length >= 12 && at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return null;
}

/**
 * The picture to show for an item: the front cover when the tags name one, else the first
 * picture; null when there is none, or it is too big or not a JPEG, PNG or WebP.
 */
export function pickCover(pictures: readonly IPicture[] | undefined): CoverImage | null {
  if (!pictures?.length) return null;
  const ordered = [
    ...pictures.filter((p) => /front/i.test(p.type ?? '')),
    ...pictures.filter((p) => !/front/i.test(p.type ?? '')),
  ];
  for (const picture of ordered) {
    const data = picture.data;
    if (!(data instanceof Uint8Array) || data.length === 0 || data.length > MAX_COVER_BYTES) continue;
    const mime = sniffImage(data);
    if (!mime) continue;
    const copy = Uint8Array.from(data); // not a view into music-metadata's tag buffer
    return { mime, data: copy, sha256: createHash('sha256').update(copy).digest('hex') };
  }
  return null;
}

/** Reads only the tags of an audio file for its cover (files catalogued before covers were kept). */
export async function readCoverArt(absolutePath: string): Promise<CoverImage | null> {
  try {
    const meta = await parseFile(absolutePath, { duration: false, skipCovers: false, skipPostHeaders: true });
    return pickCover(meta.common.picture);
  } catch {
    return null; // unreadable tags: the item keeps its generated picture
  }
}
