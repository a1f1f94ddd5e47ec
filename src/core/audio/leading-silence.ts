// The silence a voice puts before its first word (the classic flite voice: about 200 ms) delays
// every reply by that much. Trimmed from the start of a reply only, keeping a few milliseconds
// before the first audible sample so the word's onset is whole; never more than a cap, so a voice
// that starts softly is not eaten.

export interface LeadingSilenceOptions {
  /** A sample at or above this magnitude is audible (0.01 is -40 dBFS). */
  threshold?: number;
  /** Audio kept before the first audible sample. */
  keepMs?: number;
  /** At most this much is ever dropped; past it everything passes as it is. */
  maxTrimMs?: number;
}

/** Feed a reply's first chunks in order; each call returns what to play (possibly nothing yet). */
export class LeadingSilenceTrimmer {
  private readonly threshold: number;
  private readonly keep: number;
  private readonly maxTrim: number;
  private trimmed = 0;
  private done = false;
  /** The tail of the silence seen so far (at most `keep` samples), played before the first word. */
  private held = new Float32Array(0);

  constructor(sampleRate: number, options: LeadingSilenceOptions = {}) {
    this.threshold = options.threshold ?? 0.01;
    this.keep = Math.round((sampleRate * (options.keepMs ?? 20)) / 1000);
    this.maxTrim = Math.round((sampleRate * (options.maxTrimMs ?? 500)) / 1000);
  }

  /** Samples dropped so far. */
  get droppedSamples(): number {
    return this.trimmed;
  }

  push(pcm: Float32Array): Float32Array {
    if (this.done) return pcm;
    let first = 0;
    while (first < pcm.length && Math.abs(pcm[first]!) < this.threshold) first++;
    const joined = concat(this.held, pcm);
    const audibleAt = this.held.length + first;
    if (first < pcm.length || this.trimmed + audibleAt - this.keep >= this.maxTrim) {
      // A word starts here (or the cap is reached): play from `keep` before it.
      const start = Math.max(0, Math.min(audibleAt - this.keep, this.maxTrim - this.trimmed));
      this.trimmed += start;
      this.done = true;
      this.held = new Float32Array(0);
      return start === 0 ? joined : joined.subarray(start);
    }
    // All silence so far: hold its last `keep` samples, drop the rest.
    const drop = Math.max(0, joined.length - this.keep);
    this.trimmed += drop;
    this.held = joined.slice(drop);
    return new Float32Array(0);
  }
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  if (a.length === 0) return b;
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
