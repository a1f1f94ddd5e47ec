// Streaming linear resampler for mono Float32 PCM: keeps its phase and last sample between chunks,
// so 10 ms frames in give gap-free output (48 kHz microphone → 16 kHz VAD, TTS rate → 48 kHz track).

export class StreamResampler {
  private readonly step: number;
  /** Position of the next output sample, relative to the start of the pending input. */
  private pos = 0;
  private prev: number | null = null;

  constructor(
    readonly fromRate: number,
    readonly toRate: number,
  ) {
    this.step = fromRate / toRate;
  }

  push(input: Float32Array): Float32Array {
    if (this.fromRate === this.toRate) return input;
    if (input.length === 0) return new Float32Array(0);
    // Virtual input: [prev, ...input] when there is a previous sample, so interpolation spans chunks.
    const offset = this.prev === null ? 0 : 1;
    const total = input.length + offset;
    const at = (i: number): number => (i < offset ? (this.prev ?? 0) : (input[i - offset] ?? 0));
    const out: number[] = [];
    let pos = this.pos;
    while (pos <= total - 1) {
      const left = Math.floor(pos);
      const frac = pos - left;
      const a = at(left);
      const b = left + 1 < total ? at(left + 1) : a;
      out.push(a + (b - a) * frac);
      pos += this.step;
    }
    // Re-base so the last input sample becomes index 0 of the next call.
    this.pos = pos - (total - 1);
    this.prev = input[input.length - 1] ?? 0;
    return Float32Array.from(out);
  }

  reset(): void {
    this.pos = 0;
    this.prev = null;
  }
}

export function floatToInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    out[i] = Math.round(s * 32767);
  }
  return out;
}

export function int16ToFloat(samples: Int16Array): Float32Array {
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = (samples[i] ?? 0) / 32768;
  return out;
}

/** Downmix interleaved PCM16 to mono Float32. */
export function interleavedToMono(data: Int16Array, channels: number): Float32Array {
  if (channels <= 1) return int16ToFloat(data);
  const frames = Math.floor(data.length / channels);
  const out = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += data[f * channels + c] ?? 0;
    out[f] = sum / channels / 32768;
  }
  return out;
}

export function rmsOf(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / Math.max(1, samples.length));
}
