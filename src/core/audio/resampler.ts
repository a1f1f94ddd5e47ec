// Band-limited sample-rate conversion (windowed sinc), streaming: feed chunks of any length,
// get the converted samples out with no clicks at chunk boundaries. Linear interpolation
// would alias (a 48 kHz mic has energy up to 24 kHz; 16 kHz keeps only up to 8 kHz).
// The one resampler of Hearth: the browser's microphone, the classic voice, and the toy agent's
// microphone, voice and media tracks all use it. (No maintained npm resampler runs unchanged in an
// AudioWorklet, a Web Worker and Node without WASM set-up, so this small one is kept.)
// Positions are kept as exact fractions (integer rates), so the kernel weights of each output
// phase are computed once and reused: 48 → 16 kHz has one phase, 44.1 → 16 kHz 160.

/** Zero crossings of the sinc kept on each side of the centre (quality vs. cost). */
const DEFAULT_ZERO_CROSSINGS = 8;
/** Phases whose weights are kept; rate pairs with more (rare) compute the rest each time. */
const MAX_CACHED_PHASES = 4096;

export class StreamingResampler {
  private readonly cutoff: number;
  /** Half the kernel's width, in input samples. */
  private readonly halfWidth: number;
  /** One output step in input samples: `stepWhole` + `stepPart` / toRate. */
  private readonly stepWhole: number;
  private readonly stepPart: number;
  private readonly weightsByPhase = new Map<number, Float32Array>();
  private buffer: Float32Array;
  /** Position of the next output sample: index `base` of `buffer` plus `phase` / toRate. */
  private base: number;
  private phase = 0;
  /** Input samples taken and output samples given since the start (or the last reset/flush). */
  private inputCount = 0;
  private outputCount = 0;

  constructor(
    readonly fromRate: number,
    readonly toRate: number,
    zeroCrossings: number = DEFAULT_ZERO_CROSSINGS,
  ) {
    if (!Number.isInteger(fromRate) || !Number.isInteger(toRate) || fromRate <= 0 || toRate <= 0) {
      throw new Error(`StreamingResampler: sample rates must be positive whole numbers, got ${fromRate} → ${toRate}`);
    }
    this.stepWhole = Math.floor(fromRate / toRate);
    this.stepPart = fromRate % toRate;
    // When downsampling, the low-pass must sit at the OUTPUT Nyquist frequency.
    this.cutoff = Math.min(1, toRate / fromRate);
    this.halfWidth = Math.ceil(zeroCrossings / this.cutoff);
    this.buffer = new Float32Array(this.halfWidth);
    this.base = this.halfWidth;
  }

  /** Converts the next chunk; returns the output samples that are complete so far. */
  process(input: Float32Array): Float32Array {
    if (this.fromRate === this.toRate) return input.slice();
    this.inputCount += input.length;
    const joined = new Float32Array(this.buffer.length + input.length);
    joined.set(this.buffer);
    joined.set(input, this.buffer.length);

    const out: number[] = [];
    // An output sample needs halfWidth input samples on both sides of its position.
    while (this.base + this.halfWidth < joined.length) {
      out.push(this.sampleAt(joined));
      this.base += this.stepWhole;
      this.phase += this.stepPart;
      if (this.phase >= this.toRate) {
        this.phase -= this.toRate;
        this.base += 1;
      }
    }
    // Keep only what future outputs can still reach.
    const keepFrom = Math.max(0, this.base - this.halfWidth);
    this.buffer = joined.slice(keepFrom);
    this.base -= keepFrom;
    this.outputCount += out.length;
    return Float32Array.from(out);
  }

  /**
   * Ends the stream: returns the samples still waiting for look-ahead (the input's end is taken as
   * silence), so that everything given adds up to round(input × toRate / fromRate); then resets.
   */
  flush(): Float32Array {
    if (this.fromRate === this.toRate) return new Float32Array(0);
    const expected = Math.round((this.inputCount * this.toRate) / this.fromRate);
    const missing = Math.max(0, expected - this.outputCount);
    const tail = this.process(new Float32Array(this.halfWidth + 1)).subarray(0, missing);
    this.reset();
    return tail;
  }

  /** Input samples an output sample waits for beyond its own position (the added latency). */
  get lookahead(): number {
    return this.halfWidth;
  }

  reset(): void {
    this.buffer = new Float32Array(this.halfWidth);
    this.base = this.halfWidth;
    this.phase = 0;
    this.inputCount = 0;
    this.outputCount = 0;
  }

  private sampleAt(input: Float32Array): number {
    const weights = this.weights(this.phase);
    const first = this.base - this.halfWidth + 1;
    let sum = 0;
    // In range: base ≥ halfWidth (so first ≥ 1) and process() asks only while base + halfWidth < length.
    for (let j = 0; j < weights.length; j++) sum += input[first + j]! * weights[j]!;
    return sum;
  }

  /** Kernel weights for the 2·halfWidth inputs around an output at fractional offset phase/toRate. */
  private weights(phase: number): Float32Array {
    const cached = this.weightsByPhase.get(phase);
    if (cached) return cached;
    const offset = phase / this.toRate;
    const weights = new Float32Array(2 * this.halfWidth);
    // Input `first + j` lies (halfWidth - 1 - j) + offset before the output's position.
    for (let j = 0; j < weights.length; j++) weights[j] = this.kernel(this.halfWidth - 1 - j + offset);
    if (this.weightsByPhase.size < MAX_CACHED_PHASES) this.weightsByPhase.set(phase, weights);
    return weights;
  }

  /** Low-pass sinc at `cutoff`, tapered by a Blackman window over ±halfWidth. */
  private kernel(x: number): number {
    const w = x / this.halfWidth;
    if (w <= -1 || w >= 1) return 0;
    const taper = 0.42 + 0.5 * Math.cos(Math.PI * w) + 0.08 * Math.cos(2 * Math.PI * w);
    const arg = Math.PI * this.cutoff * x;
    const sinc = arg === 0 ? 1 : Math.sin(arg) / arg;
    return this.cutoff * sinc * taper;
  }
}

/** One-shot conversion of a whole clip: round(length × toRate / fromRate) samples. */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input.slice();
  const resampler = new StreamingResampler(fromRate, toRate);
  const expected = Math.round((input.length * toRate) / fromRate);
  const head = resampler.process(input).subarray(0, expected);
  const tail = resampler.flush();
  const out = new Float32Array(expected);
  out.set(head);
  out.set(tail.subarray(0, expected - head.length), head.length);
  return out;
}
