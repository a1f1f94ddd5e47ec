// Decodes an audio file piece by piece with caps: the file is fed to its decoder 2 KiB at a time, each piece is
// decoded and handed on (or dropped), and decoding stops as soon as the audio runs past the
// duration limit or past what the file's header claims. Memory stays bounded by one piece, and a
// small file that expands to hours of audio (a decompression bomb) costs seconds, not gigabytes.
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { checkAudioFormat, describeDuration, MediaLimitError, type MediaLimits } from '../media-limits.ts';
import { sniffAudio } from '../sniff-audio.ts';
import { createDecoder, UnsupportedCodecError } from './decoders.ts';
import type { PcmChunk } from './pcm-chunk.ts';

const READ_BYTES = 64 * 1024;
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

/** Streams `absolutePath` through its decoder. Throws MediaLimitError (too much audio) or AudioDecodeError (broken). */
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
  absolutePath: string,
  label: string,
  options: Omit<DecodeOptions, 'onPcm'>,
): AsyncGenerator<PcmChunk, DecodeSummary> {
  const head = await readHead(absolutePath);
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
  const stream = createReadStream(absolutePath, { highWaterMark: READ_BYTES });
  try {
    for await (const piece of stream as AsyncIterable<Buffer>) {
      for (let at = 0; at < piece.length; at += FEED_BYTES) {
        const bytes = new Uint8Array(piece.buffer, piece.byteOffset + at, Math.min(FEED_BYTES, piece.length - at));
        const chunk = await decodePiece(() => decoder.decode(bytes), label);
        if (check(chunk)) yield chunk;
      }
    }
    const tail = await decodePiece(() => decoder.flush(), label);
    if (check(tail)) yield tail;
  } finally {
    stream.destroy();
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

async function readHead(absolutePath: string): Promise<Uint8Array> {
  const handle = await fs.open(absolutePath, 'r');
  try {
    const head = new Uint8Array(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
