// One media file (plus its optional sidecar) -> one catalog record, or a clear reason why not.
import fs from 'node:fs/promises';
import path from 'node:path';
import { excerpt } from '../../src/core/media/search-text.ts';
import { itemIdFor } from './item-id.ts';
import { mediaFileRole, mimeFor, sidecarPathFor, supportedExtensions, titleFromFileName } from './media-files.ts';
import { AudioDecodeError, decodeAudioStream } from './decode/stream-decode.ts';
import { checkAudioFormat, DEFAULT_MEDIA_LIMITS, MediaLimitError, type MediaLimits } from './media-limits.ts';
import { readAudioFacts, UnreadableMediaError, type AudioFacts } from './read-audio.ts';
import { originOf, type IngestedRecord } from './record.ts';
import { parseSidecar, SidecarError, type Sidecar } from './sidecar.ts';

/** Text stories larger than this are almost certainly not stories (and would take hours to read). */
export const MAX_TEXT_BYTES = 256 * 1024;

export class IngestError extends Error {
  override name = 'IngestError';
}

const STORY_GENRE = /\b(?:story|stories|audiobook|spoken|speech|fable|tale)\b/i;

/**
 * `limits` caps what an audio file may hold; the whole file is decoded (streamed) to prove it plays
 * to the end, unless `decodedDurationSec` says this very file was already decoded (an upload checked
 * in staging, then moved into the library).
 */
export async function ingestFile(
  mediaDir: string,
  relativePath: string,
  limits: MediaLimits = DEFAULT_MEDIA_LIMITS,
  decodedDurationSec?: number,
): Promise<IngestedRecord> {
  const absolute = path.join(mediaDir, ...relativePath.split('/'));
  const role = mediaFileRole(relativePath);
  if (role !== 'audio' && role !== 'text') {
    throw new IngestError(
      `${relativePath}: unsupported file type; songs and stories must be one of ${supportedExtensions().join(', ')}`,
    );
  }
  const stat = await fs.stat(absolute).catch(() => null);
  if (!stat?.isFile()) throw new IngestError(`${relativePath}: file not found`);
  if (stat.size === 0) throw new IngestError(`${relativePath} is empty (0 bytes)`);
  const sidecar = await readSidecarFor(mediaDir, relativePath);

  const base = {
    id: itemIdFor(relativePath),
    path: relativePath,
    mime: mimeFor(relativePath),
    bytes: stat.size,
    mtimeMs: stat.mtimeMs,
    sidecarMtimeMs: sidecar?.mtimeMs ?? null,
    origin: originOf(relativePath),
    language: sidecar?.data.language?.toLowerCase() ?? null,
    ageMin: sidecar?.data.ageMin ?? null,
    ageMax: sidecar?.data.ageMax ?? null,
  };
  const meta = sidecar?.data ?? {};

  try {
    if (role === 'text') {
      if (stat.size > MAX_TEXT_BYTES)
        throw new IngestError(
          `${relativePath} is too long for a story (${stat.size} bytes; at most ${MAX_TEXT_BYTES})`,
        );
      const text = decodeUtf8(await fs.readFile(absolute), relativePath);
      if (!/[\p{L}\p{N}]/u.test(text)) throw new IngestError(`${relativePath} has no words to read aloud`);
      const heading = /^\s*#\s+(.+)$/m.exec(text)?.[1]?.trim();
      return {
        ...base,
        kind: meta.kind ?? 'story',
        format: 'text',
        title: meta.title ?? heading ?? titleFromFileName(relativePath),
        description: meta.description ?? excerpt(text.replace(/^\s*#.*$/m, ''), 160),
        tags: meta.tags ?? [],
        durationSec: null,
        words: meta.text ?? text,
        coverImage: null,
        cover: null,
      };
    }
    const facts = await readAudioFacts(absolute, relativePath);
    const durationSec = decodedDurationSec ?? (await checkPlaysToTheEnd(absolute, relativePath, facts, limits));
    const byline = [facts.artist, facts.album].filter(Boolean).join(', ');
    return {
      ...base,
      language: base.language ?? normaliseLanguage(facts.language),
      kind: meta.kind ?? (facts.genres.some((g) => STORY_GENRE.test(g)) ? 'story' : 'song'),
      format: 'audio',
      title: meta.title ?? facts.title ?? titleFromFileName(relativePath),
      description: meta.description ?? facts.comment ?? byline,
      tags: meta.tags ?? facts.genres,
      durationSec,
      words: meta.text ?? meta.lyrics ?? facts.lyrics,
      coverImage: facts.cover,
      cover: facts.cover ? { mime: facts.cover.mime, sha256: facts.cover.sha256 } : null,
    };
  } catch (err) {
    if (err instanceof UnreadableMediaError || err instanceof MediaLimitError || err instanceof AudioDecodeError)
      throw new IngestError(err.message);
    throw err;
  }
}

/**
 * Header limits first (a 3-hour file is refused without decoding it), then a streamed decode of
 * the whole file: a truncated or malformed file fails here instead of in a child's toy. Returns the
 * decoded duration. AAC (.m4a) has no decoder on the server: its header is all that is checked.
 */
async function checkPlaysToTheEnd(
  absolute: string,
  label: string,
  facts: AudioFacts,
  limits: MediaLimits,
): Promise<number> {
  checkAudioFormat(
    label,
    {
      sampleRate: facts.sampleRate ?? undefined,
      channels: facts.channels ?? undefined,
      durationSec: facts.durationSec,
    },
    limits,
  );
  if (facts.container === 'm4a') return facts.durationSec;
  const decoded = await decodeAudioStream(absolute, label, { limits, claimedDurationSec: facts.durationSec });
  return Math.round(decoded.durationSec * 100) / 100;
}

async function readSidecarFor(
  mediaDir: string,
  relativePath: string,
): Promise<{ data: Sidecar; mtimeMs: number } | null> {
  const sidecarPath = sidecarPathFor(relativePath);
  const absolute = path.join(mediaDir, ...sidecarPath.split('/'));
  const stat = await fs.stat(absolute).catch(() => null);
  if (!stat?.isFile()) return null;
  try {
    return { data: parseSidecar(await fs.readFile(absolute, 'utf8'), sidecarPath), mtimeMs: stat.mtimeMs };
  } catch (err) {
    if (err instanceof SidecarError) throw new IngestError(err.message);
    throw err;
  }
}

function decodeUtf8(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new IngestError(`${label} is not UTF-8 text`);
  }
}

/** Tags often carry ISO 639-2 codes ("eng"); the catalog uses the short form where it knows it. */
function normaliseLanguage(language: string | null): string | null {
  if (!language) return null;
  const lower = language.toLowerCase();
  const short: Record<string, string> = {
    eng: 'en',
    fra: 'fr',
    fre: 'fr',
    deu: 'de',
    ger: 'de',
    spa: 'es',
    ita: 'it',
    nld: 'nl',
    dut: 'nl',
    por: 'pt',
  };
  return short[lower] ?? (/^[a-z]{2}(?:-[a-z0-9]+)*$/.test(lower) ? lower : null);
}
