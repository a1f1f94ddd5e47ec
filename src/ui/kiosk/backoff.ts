// Retry delays for kiosk recovery: doubling from `firstMs` up to `maxMs`, with a little jitter so
// several tablets do not hammer a restarting server in step. DOM-free (unit-tested).

export interface BackoffOptions {
  firstMs: number;
  maxMs: number;
  /** 0..1: each delay is shortened by up to this fraction at random. */
  jitter?: number;
}

export class Backoff {
  #failures = 0;

  constructor(
    private readonly options: BackoffOptions,
    private readonly random: () => number = Math.random,
  ) {
    if (!(options.firstMs > 0) || !(options.maxMs >= options.firstMs)) {
      throw new Error(`Backoff: need 0 < firstMs <= maxMs (got ${options.firstMs}, ${options.maxMs})`);
    }
  }

  get failures(): number {
    return this.#failures;
  }

  /** Records a failure and returns how long to wait before the next try. */
  fail(): number {
    const base = Math.min(this.options.maxMs, this.options.firstMs * 2 ** this.#failures);
    this.#failures++;
    const jitter = Math.min(1, Math.max(0, this.options.jitter ?? 0));
    return Math.round(base * (1 - jitter * this.random()));
  }

  succeed(): void {
    this.#failures = 0;
  }
}
