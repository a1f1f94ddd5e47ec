// PCM16 mono WAV files for the toy simulator (its microphone input and the recorded reply): Node
// file and Buffer adapters over the core's WAV codec (src/core/audio/wav.ts).
import fs from 'node:fs';
import { decodeWav as decodeWavBytes, encodeWav as encodeWavBytes } from '../../src/core/audio/wav.ts';

export interface MonoPcm {
  sampleRate: number;
  samples: Float32Array;
}

export function encodeWav({ sampleRate, samples }: MonoPcm): Buffer {
  const bytes = encodeWavBytes(samples, sampleRate);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads a PCM16 WAV (any channel count, downmixed to mono). */
export function decodeWav(buf: Buffer): MonoPcm {
  const { sampleRate, samples } = decodeWavBytes(buf);
  return { sampleRate, samples };
}

export function readWavFile(file: string): MonoPcm {
  try {
    return decodeWav(fs.readFileSync(file));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export function writeWavFile(file: string, pcm: MonoPcm): void {
  fs.writeFileSync(file, encodeWav(pcm));
}
