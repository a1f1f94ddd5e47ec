import { encodeWav } from '../../../src/core/audio/wav.ts';

/** 16-bit PCM mono WAV (what the starter library's generated audio is stored as), as a Buffer. */
export function encodeWav16(samples: Float32Array, sampleRate: number): Buffer {
  const bytes = encodeWav(samples, sampleRate);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
