// Library audio files (mp3/ogg/opus/flac/wav) decoded in Node for toys, downmixed to mono. The file
// is streamed through its decoder 64 KiB at a time with the library's caps (duration, sample rate,
// channels): a file that expands past them is refused after decoding just past the cap, instead of
// being read whole and expanded into gigabytes. Each decode has its own decoder, so several toys
// can decode at once.
import { downmixToMono } from '../../../src/core/audio/channels.ts';
import { AudioDecodeError, decodeAudioStream } from '../../catalog/decode/stream-decode.ts';
import { DEFAULT_MEDIA_LIMITS, MediaLimitError, type MediaLimits } from '../../catalog/media-limits.ts';

export interface DecodedAudio {
  sampleRate: number;
  /** Mono, -1..1. */
  samples: Float32Array;
}

export class MediaDecodeError extends Error {
  override name = 'MediaDecodeError';
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
        const mono = downmixToMono(chunk.channelData.map((c) => c.subarray(0, chunk.samplesDecoded)));
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
