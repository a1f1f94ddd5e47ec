// Reads an audio file's tags, duration and cover picture with music-metadata, refusing what will not play.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseFile } from 'music-metadata';
import { pickCover, type CoverImage } from './cover-art.ts';
import { containersForExtension, sniffAudio, type AudioContainer } from './sniff-audio.ts';

export interface AudioFacts {
  title: string | null;
  artist: string | null;
  album: string | null;
  genres: string[];
  comment: string | null;
  language: string | null;
  lyrics: string | null;
  durationSec: number;
  /** From the header, when it says. */
  sampleRate: number | null;
  channels: number | null;
  container: AudioContainer;
  /** The tags' picture when it is a small JPEG, PNG or WebP (cover-art.ts); null otherwise. */
  cover: CoverImage | null;
}

export class UnreadableMediaError extends Error {
  override name = 'UnreadableMediaError';
}

export async function readAudioFacts(absolutePath: string, label: string): Promise<AudioFacts> {
  const ext = path.extname(absolutePath).toLowerCase();
  const handle = await fs.open(absolutePath, 'r');
  const head = new Uint8Array(16);
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const found = sniffAudio(head);
  if (!found)
    throw new UnreadableMediaError(
      `${label} is not a recognisable audio file (its content is not ${ext.slice(1)} or any supported format)`,
    );
  if (!containersForExtension(ext).includes(found)) {
    throw new UnreadableMediaError(
      `${label} contains ${found} audio but its name ends in ${ext}: rename it to .${found === 'ogg' ? 'ogg' : found}`,
    );
  }
  let meta;
  try {
    meta = await parseFile(absolutePath, { duration: true, skipCovers: false });
  } catch (err) {
    throw new UnreadableMediaError(
      `${label} could not be read as ${found}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const duration = meta.format.duration;
  if (!meta.format.container || duration === undefined || !Number.isFinite(duration) || duration <= 0) {
    throw new UnreadableMediaError(
      `${label} looks like ${found} but holds no playable audio (it may be corrupt or cut short)`,
    );
  }
  const common = meta.common;
  const first = (values: unknown): string | null => {
    if (!Array.isArray(values)) return null;
    const v: unknown = values[0];
    if (typeof v === 'string') return v.trim() || null;
    if (v && typeof v === 'object' && 'text' in v && typeof v.text === 'string') return v.text.trim() || null;
    return null;
  };
  return {
    title: common.title?.trim() || null,
    artist: common.artist?.trim() || null,
    album: common.album?.trim() || null,
    genres: (common.genre ?? []).map((g) => g.trim()).filter(Boolean),
    comment: first(common.comment),
    language: common.language?.trim() || null,
    lyrics: first(common.lyrics),
    durationSec: Math.round(duration * 100) / 100,
    sampleRate: meta.format.sampleRate ?? null,
    channels: meta.format.numberOfChannels ?? null,
    container: found,
    cover: pickCover(common.picture),
  };
}
