// Reads the RIFF/WAVE files flite writes (16-bit PCM, mono) into Float32 samples.

export interface DecodedWav {
  sampleRate: number;
  channels: number;
  /** Mono samples in -1..1 (channels are averaged). */
  samples: Float32Array;
}

export function parseWav(bytes: Uint8Array): DecodedWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || tag(view, 0) !== 'RIFF' || tag(view, 8) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let format: { audioFormat: number; channels: number; sampleRate: number; bitsPerSample: number } | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = tag(view, offset);
    const declared = view.getUint32(offset + 4, true);
    const body = offset + 8;
    // Streamed WAVs may declare a bogus size: never read past the end.
    const size = Math.min(declared, bytes.byteLength - body);
    if (id === 'fmt ') {
      if (size < 16) throw new Error('WAV fmt chunk too short');
      format = {
        audioFormat: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data before fmt chunk');
      if (format.audioFormat !== 1 || format.bitsPerSample !== 16) {
        throw new Error(`unsupported WAV encoding (format ${format.audioFormat}, ${format.bitsPerSample} bits)`);
      }
      if (format.channels < 1) throw new Error('WAV has no channels');
      return { sampleRate: format.sampleRate, channels: format.channels, samples: pcm16ToMono(view, body, size, format.channels) };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV has no data chunk');
}

function pcm16ToMono(view: DataView, start: number, size: number, channels: number): Float32Array {
  const frames = Math.floor(size / (2 * channels));
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += view.getInt16(start + (i * channels + c) * 2, true);
    out[i] = sum / channels / 32768;
  }
  return out;
}

function tag(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}
