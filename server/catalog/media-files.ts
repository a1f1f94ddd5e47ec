// Which files in the media folder are songs and stories, and what type each is served as.
import path from 'node:path';

export const AUDIO_TYPES: Readonly<Record<string, string>> = {
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg; codecs=opus',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.flac': 'audio/flac',
};

export const TEXT_TYPES: Readonly<Record<string, string>> = {
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

export const SIDECAR_EXTENSION = '.json';

/** Folder (inside the media folder) where uploads are staged and checked before they join the library. */
export const STAGING_DIR = '.incoming';

export type MediaFileRole = 'audio' | 'text' | 'sidecar' | 'ignored';

/** Notes that sit beside media without being stories: licence and read-me files. */
const NOT_A_STORY = /^(?:readme|licen[cs]es?|copying|notice)(?:\.[a-z]+)?$/i;

export function mediaFileRole(relativePath: string): MediaFileRole {
  const parts = relativePath.split('/');
  if (parts.some((p) => p.startsWith('.'))) return 'ignored'; // hidden files, staging, editors' temp files
  const name = parts.at(-1) ?? '';
  const ext = path.extname(name).toLowerCase();
  if (ext in AUDIO_TYPES) return 'audio';
  if (ext === SIDECAR_EXTENSION) return 'sidecar';
  if (ext in TEXT_TYPES) return NOT_A_STORY.test(name) ? 'ignored' : 'text';
  return 'ignored';
}

export function mimeFor(relativePath: string): string {
  const ext = path.extname(relativePath).toLowerCase();
  return AUDIO_TYPES[ext] ?? TEXT_TYPES[ext] ?? 'application/octet-stream';
}

/** `songs/twinkle.wav` -> `songs/twinkle.json`: metadata that travels with the file. */
export function sidecarPathFor(relativePath: string): string {
  const ext = path.posix.extname(relativePath);
  return `${relativePath.slice(0, relativePath.length - ext.length)}${SIDECAR_EXTENSION}`;
}

export function supportedExtensions(): string[] {
  return [...Object.keys(AUDIO_TYPES), ...Object.keys(TEXT_TYPES)].map((e) => e.slice(1));
}

/** "the-tortoise_and-the-hare" -> "The tortoise and the hare": a readable title when tags have none. */
export function titleFromFileName(relativePath: string): string {
  const base = path.posix.basename(relativePath, path.posix.extname(relativePath));
  const words = base
    .replace(/[-_.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Untitled';
}
