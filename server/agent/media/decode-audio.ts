// Library audio files (mp3/ogg/opus/flac/wav) decoded in Node for toys, downmixed to mono. The file
// is streamed through its decoder 2 KiB at a time with the library's caps (duration, sample rate,
// channels): a file that expands past them is refused after decoding just past the cap, instead of
// being read whole and expanded into gigabytes. Each decode has its own decoder, so several toys
// can decode at once.
import { downmixToMono } from '../../../src/core/audio/channels.ts';
import type { PcmChunk } from '../../catalog/decode/pcm-chunk.ts';
import { AudioDecodeError, decodeAudioPieces, decodeAudioStream, type AudioBytes } from '../../catalog/decode/stream-decode.ts';
import { DEFAULT_MEDIA_LIMITS, MediaLimitError, type MediaLimits } from '../../catalog/media-limits.ts';

export interface DecodedAudio {
  sampleRate: number;
  /** Mono, -1..1. */
  samples: Float32Array;
}

export class MediaDecodeError extends Error {
  override name = 'MediaDecodeError';
}

/** Mono PCM pieces of a file, decoded as they are pulled. */
export type AudioPieces = AsyncGenerator<{ pcm: Float32Array; sampleRate: number }, void>;

/**
 * Opens a file (or a download's bytes) for playback without decoding it whole: the first piece is decoded now (a file
 * that is missing or not audio fails here, before playing starts), the rest as the player pulls
 * them, so memory stays at one piece whatever the file's length. Errors later in the file (cut
 * short, past the caps) end the stream with a MediaDecodeError.
 */
export async function openAudioStream(source: AudioBytes, label = typeof source === 'string' ? source : 'the audio', limits: MediaLimits = DEFAULT_MEDIA_LIMITS, catalogedDurationSec?: number): Promise<AudioPieces> {
  const pieces = decodeAudioPieces(source, label, { limits, ...(catalogedDurationSec !== undefined ? { claimedDurationSec: catalogedDurationSec } : {}) });
  const first = await translated(() => pieces.next(), label);
  return (async function* mono(): AudioPieces {
    try {
      for (let next = first; !next.done; next = await translated(() => pieces.next(), label)) {
        yield { pcm: toMono(next.value), sampleRate: next.value.sampleRate };
      }
    } finally {
      await pieces.return({ sampleRate: 0, channels: 0, durationSec: 0 }).catch(() => undefined);
    }
  })();
}

function toMono(chunk: PcmChunk): Float32Array {
  return downmixToMono(chunk.channelData.map((c) => c.subarray(0, chunk.samplesDecoded)));
}

/** The decoder's and the file system's errors, as the agent reports them. */
async function translated<T>(run: () => Promise<T>, label: string): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AudioDecodeError || err instanceof MediaLimitError) throw new MediaDecodeError(err.message);
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new MediaDecodeError(`${label} could not be read: ${(err as Error).message}`);
    throw err;
  }
}

/**
 * Decodes a whole file to mono; memory is bounded by `limits` (at most maxDurationSec of mono
 * samples) and, given the catalogued length, by that: a file that grew a longer tail than the
 * library knows of is refused.
 */
export async function decodeAudioFile(absolutePath: string, label = absolutePath, limits: MediaLimits = DEFAULT_MEDIA_LIMITS, catalogedDurationSec?: number): Promise<DecodedAudio> {
  const pieces: Float32Array[] = [];
  let length = 0;
  let sampleRate = 0;
  try {
    const summary = await decodeAudioStream(absolutePath, label, {
      limits,
      ...(catalogedDurationSec !== undefined ? { claimedDurationSec: catalogedDurationSec } : {}),
      onPcm: (chunk) => {
        // A stream whose rate changes midway (chained Ogg) is refused rather than played at the wrong speed.
        if (sampleRate !== 0 && chunk.sampleRate !== sampleRate) throw new AudioDecodeError(`${label} changes sample rate midway (${sampleRate} -> ${chunk.sampleRate} Hz)`);
        sampleRate = chunk.sampleRate;
        const mono = toMono(chunk);
        pieces.push(mono);
        length += mono.length;
      },
    });
    sampleRate = summary.sampleRate;
  } catch (err) {
    if (err instanceof AudioDecodeError || err instanceof MediaLimitError) throw new MediaDecodeError(err.message);
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new MediaDecodeError(`${label} could not be read: ${(err as Error).message}`);
    throw err;
  }
  const samples = new Float32Array(length);
  let offset = 0;
  for (const piece of pieces.splice(0)) {
    samples.set(piece, offset);
    offset += piece.length;
  }
  return { sampleRate, samples };
}
