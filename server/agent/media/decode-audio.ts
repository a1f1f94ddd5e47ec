// Library audio files (mp3/ogg/opus/flac/wav) decoded in Node with audio-decode, downmixed to mono.
// audio-decode keeps ONE decoder instance per format and resets it per call, so two decodes of the
// same format at once would corrupt each other: every decode here runs in turn.
import fs from 'node:fs/promises';
import audioDecode from 'audio-decode';
import { downmixToMono } from '../../../src/core/audio/channels.ts';

export interface DecodedAudio {
  sampleRate: number;
  /** Mono, -1..1. */
  samples: Float32Array;
}

/** What audio-decode returns (a Web Audio AudioBuffer or its Node shim), typed without the DOM lib. */
interface DecodedBuffer {
  sampleRate: number;
  numberOfChannels: number;
  length: number;
  getChannelData(channel: number): Float32Array;
}

export class MediaDecodeError extends Error {
  override name = 'MediaDecodeError';
}

let queue: Promise<unknown> = Promise.resolve();

export function decodeAudioFile(absolutePath: string, label = absolutePath): Promise<DecodedAudio> {
  const job = queue.then(async () => {
    const bytes = await fs.readFile(absolutePath).catch((err: unknown) => {
      throw new MediaDecodeError(`${label} could not be read: ${err instanceof Error ? err.message : String(err)}`);
    });
    let buffer: DecodedBuffer;
    try {
      buffer = (await audioDecode(bytes)) as unknown as DecodedBuffer;
    } catch (err) {
      throw new MediaDecodeError(`${label} could not be decoded: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!buffer || buffer.length === 0 || buffer.numberOfChannels === 0) throw new MediaDecodeError(`${label} holds no audio`);
    return { sampleRate: buffer.sampleRate, samples: downmix(buffer) };
  });
  queue = job.catch(() => undefined);
  return job;
}

function downmix(buffer: DecodedBuffer): Float32Array {
  return downmixToMono(Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c)));
}
