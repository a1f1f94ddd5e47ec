// Band-limited sample-rate conversion (windowed sinc), streaming: feed chunks of any length,
// get the converted samples out with no clicks at chunk boundaries. Linear interpolation
// would alias (a 48 kHz mic has energy up to 24 kHz; 16 kHz keeps only up to 8 kHz).

/** Zero crossings of the sinc kept on each side of the centre (quality vs. cost). */
const DEFAULT_ZERO_CROSSINGS = 8;

export class StreamingResampler {
  private readonly step: number;
  private readonly cutoff: number;
  /** Half the kernel's width, in input samples. */
  private readonly halfWidth: number;
  private buffer: Float32Array;
  /** Position of the next output sample, in input samples from the start of `buffer`. */
  private position: number;

  constructor(
    readonly fromRate: number,
    readonly toRate: number,
    zeroCrossings: number = DEFAULT_ZERO_CROSSINGS,
  ) {
    if (!(fromRate > 0) || !(toRate > 0)) throw new Error(`StreamingResampler: bad rates ${fromRate} → ${toRate}`);
    this.step = fromRate / toRate;
    // When downsampling, the low-pass must sit at the OUTPUT Nyquist frequency.
    this.cutoff = Math.min(1, toRate / fromRate);
    this.halfWidth = Math.ceil(zeroCrossings / this.cutoff);
    this.buffer = new Float32Array(this.halfWidth);
    this.position = this.halfWidth;
  }

  /** Converts the next chunk; returns the output samples that are complete so far. */
  process(input: Float32Array): Float32Array {
    if (this.fromRate === this.toRate) return input.slice();
    const joined = new Float32Array(this.buffer.length + input.length);
    joined.set(this.buffer);
    joined.set(input, this.buffer.length);

    const out: number[] = [];
    // An output sample needs halfWidth input samples on both sides of its position.
    while (Math.floor(this.position) + this.halfWidth < joined.length) {
      out.push(this.sampleAt(joined, this.position));
      this.position += this.step;
    }
    // Keep only what future outputs can still reach.
    const keepFrom = Math.max(0, Math.floor(this.position) - this.halfWidth);
    this.buffer = joined.slice(keepFrom);
    this.position -= keepFrom;
    return Float32Array.from(out);
  }

  /** Input samples an output sample waits for beyond its own position (the added latency). */
  get lookahead(): number {
    return this.halfWidth;
  }

  reset(): void {
    this.buffer = new Float32Array(this.halfWidth);
    this.position = this.halfWidth;
  }

  private sampleAt(input: Float32Array, position: number): number {
    const centre = Math.floor(position);
    const first = centre - this.halfWidth + 1;
    const last = centre + this.halfWidth;
    let sum = 0;
    for (let k = first; k <= last; k++) {
      sum += (input[k] ?? 0) * this.kernel(position - k);
    }
    return sum;
  }

  /** Low-pass sinc at `cutoff`, tapered by a Blackman window over ±halfWidth. */
  private kernel(x: number): number {
    const w = x / this.halfWidth;
    if (w <= -1 || w >= 1) return 0;
    const window = 0.42 + 0.5 * Math.cos(Math.PI * w) + 0.08 * Math.cos(2 * Math.PI * w);
    const arg = Math.PI * this.cutoff * x;
    const sinc = arg === 0 ? 1 : Math.sin(arg) / arg;
    return this.cutoff * sinc * window;
  }
}

/** One-shot conversion of a whole clip. */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input.slice();
  const resampler = new StreamingResampler(fromRate, toRate);
  const head = resampler.process(input);
  // Flush the tail still waiting for "future" samples with silence, then trim to length.
  const tail = resampler.process(new Float32Array(resampler.lookahead + 1));
  const expected = Math.round((input.length * toRate) / fromRate);
  const out = new Float32Array(expected);
  out.set(head.subarray(0, expected));
  if (head.length < expected) out.set(tail.subarray(0, expected - head.length), head.length);
  return out;
}
