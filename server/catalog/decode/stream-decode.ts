// Decodes an audio file piece by piece with caps: the file is fed to its decoder 2 KiB at a time, each piece is
// decoded and handed on (or dropped), and decoding stops as soon as the audio runs past the
// duration limit or past what the file's header claims. Memory stays bounded by one piece, and a
// small file that expands to hours of audio (a decompression bomb) costs seconds, not gigabytes.
import { createReadStream } from 'node:fs';
import { checkAudioFormat, describeDuration, MediaLimitError, type MediaLimits } from '../media-limits.ts';
import { sniffAudio } from '../sniff-audio.ts';
import { createDecoder, UnsupportedCodecError } from './decoders.ts';
import type { PcmChunk } from './pcm-chunk.ts';

const READ_BYTES = 64 * 1024;
/** What the format sniffer reads. */
const HEAD_BYTES = 4096;

/** A file's path, or its bytes as they arrive (e.g. a download's body). */
export type AudioBytes = string | AsyncIterable<Uint8Array>;
/**
 * Bytes handed to the decoder at a time. Silence in FLAC expands over 1000-fold (ten minutes of it
 * fit in 16 KB), so small feeds keep each decoded piece to a few MB of samples.
 */
const FEED_BYTES = 2 * 1024;

export class AudioDecodeError extends Error {
  override name = 'AudioDecodeError';
}

export interface DecodeOptions {
  limits: MediaLimits;
  /** What the file's header says it lasts: more audio than this is refused, much less means it was cut short. */
  claimedDurationSec?: number;
  /** Receives each decoded piece (planar, native rate); without it the audio is only checked. */
  onPcm?: (chunk: PcmChunk) => void;
}

export interface DecodeSummary {
  sampleRate: number;
  channels: number;
  durationSec: number;
}

/** Streams a file through its decoder. Throws MediaLimitError (too much audio) or AudioDecodeError (broken). */
export async function decodeAudioStream(
  absolutePath: string,
  label: string,
  options: DecodeOptions,
): Promise<DecodeSummary> {
  const pieces = decodeAudioPieces(absolutePath, label, options);
  for (;;) {
    const next = await pieces.next();
    if (next.done) return next.value;
    options.onPcm?.(next.value);
  }
}

/**
 * The decoded pieces of `absolutePath`, one per 2 KiB fed to the decoder, as the consumer asks for them (a toy's
 * player pulls at playback speed). Returns the summary once the file has decoded to its end;
 * stopping early (return()) closes the file and frees the decoder.
 */
export async function* decodeAudioPieces(
  source: AudioBytes,
  label: string,
  options: Omit<DecodeOptions, 'onPcm'>,
): AsyncGenerator<PcmChunk, DecodeSummary> {
  const bytes =
    typeof source === 'string'
      ? (createReadStream(source, { highWaterMark: READ_BYTES }) as AsyncIterable<Uint8Array>)
      : source;
  const reader = bytes[Symbol.asyncIterator]();
  try {
    return yield* decodeFrom(reader, label, options);
  } finally {
    // Stopping early closes the file, or cancels the download it came from.
    await reader.return?.();
  }
}

async function* decodeFrom(
  reader: AsyncIterator<Uint8Array>,
  label: string,
  options: Omit<DecodeOptions, 'onPcm'>,
): AsyncGenerator<PcmChunk, DecodeSummary> {
  const { head, rest } = await readHead(reader);
  const container = sniffAudio(head);
  if (!container)
    throw new AudioDecodeError(`${label} could not be decoded: its content is not audio in a supported format`);
  let decoder;
  try {
    decoder = await createDecoder(container, head);
  } catch (err) {
    if (err instanceof UnsupportedCodecError)
      throw new AudioDecodeError(`${label} could not be decoded: ${err.message}`);
    throw err;
  }
  const { limits, claimedDurationSec } = options;
  // A header that understates the length is lying: stop a little after what it claims.
  const stopAfterSec = Math.min(
    limits.maxDurationSec,
    claimedDurationSec !== undefined ? claimedDurationSec * 1.1 + 2 : Infinity,
  );
  let frames = 0;
  let sampleRate = 0;
  let channels = 0;
  const check = (chunk: PcmChunk): boolean => {
    if (chunk.samplesDecoded === 0) return false;
    sampleRate = chunk.sampleRate;
    channels = chunk.channelData.length;
    checkAudioFormat(label, { sampleRate, channels }, limits);
    frames += chunk.samplesDecoded;
    const seconds = frames / sampleRate;
    if (seconds > limits.maxDurationSec) {
      throw new MediaLimitError(
        `${label} holds more than ${describeDuration(limits.maxDurationSec)} of audio; songs and stories may be at most that long (split it, or raise --max-media-minutes)`,
      );
    }
    if (seconds > stopAfterSec) {
      throw new AudioDecodeError(
        `${label} holds more audio than its header says (${describeDuration(claimedDurationSec ?? 0)}): the file is malformed`,
      );
    }
    return true;
  };
  try {
    for (let piece: Uint8Array | null = head; piece; piece = await rest()) {
      for (let at = 0; at < piece.length; at += FEED_BYTES) {
        const bytes = piece.subarray(at, Math.min(piece.length, at + FEED_BYTES));
        const chunk = await decodePiece(() => decoder.decode(bytes), label);
        if (check(chunk)) yield chunk;
      }
    }
    const tail = await decodePiece(() => decoder.flush(), label);
    if (check(tail)) yield tail;
  } finally {
    decoder.free();
  }
  if (frames === 0) throw new AudioDecodeError(`${label} holds no playable audio (it may be corrupt or cut short)`);
  const durationSec = frames / sampleRate;
  if (claimedDurationSec !== undefined && durationSec < claimedDurationSec * 0.9 - 0.5) {
    throw new AudioDecodeError(
      `${label} is cut short: its header says ${describeDuration(claimedDurationSec)} but only ${describeDuration(durationSec)} of audio decodes`,
    );
  }
  return { sampleRate, channels, durationSec };
}

async function decodePiece(run: () => Promise<PcmChunk>, label: string): Promise<PcmChunk> {
  try {
    return await run();
  } catch (err) {
    // Decoders throw on data they cannot parse (WavFormatError, codec errors): the file is broken.
    throw new AudioDecodeError(`${label} could not be decoded: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * The first bytes (enough to tell the format, or all there are), and a way to read on: the file or
 * download is read once, the head fed to the decoder like every later piece.
 */
async function readHead(
  reader: AsyncIterator<Uint8Array>,
): Promise<{ head: Uint8Array; rest: () => Promise<Uint8Array | null> }> {
  const pieces: Uint8Array[] = [];
  let length = 0;
  while (length < HEAD_BYTES) {
    const next = await reader.next();
    if (next.done) break;
    pieces.push(next.value);
    length += next.value.length;
  }
  const head = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
  const rest = async (): Promise<Uint8Array | null> => {
    const next = await reader.next();
    return next.done ? null : next.value;
  };
  return { head, rest };
}
