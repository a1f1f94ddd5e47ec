// Lowers media (songs, stories) while Hearth speaks, and brings it back afterwards, with a
// short ramp so it never jumps.

export interface DuckingOptions {
  /** Volume multiplier while Hearth speaks. */
  duckTo?: number;
  rampMs?: number;
}

/** Volume multiplier `elapsedMs` into a ramp from `from` to `to` (linear, clamped). */
export function rampLevel(from: number, to: number, elapsedMs: number, rampMs: number): number {
  if (rampMs <= 0 || elapsedMs >= rampMs) return to;
  if (elapsedMs <= 0) return from;
  return from + (to - from) * (elapsedMs / rampMs);
}

interface SpeakingSource {
  onSpeakingChange(listener: (speaking: boolean) => void): () => void;
}

/** Applies ducking to attached media elements, following a speaking source (the PlaybackQueue). */
export class MediaDucker {
  private readonly elements = new Map<HTMLMediaElement, number>();
  private level = 1;
  private animation: ReturnType<typeof setInterval> | null = null;
  private readonly unsubscribe: () => void;
  private readonly duckTo: number;
  private readonly rampMs: number;

  constructor(source: SpeakingSource, options: DuckingOptions = {}) {
    this.duckTo = options.duckTo ?? 0.25;
    this.rampMs = options.rampMs ?? 250;
    this.unsubscribe = source.onSpeakingChange((speaking) => this.rampTo(speaking ? this.duckTo : 1));
  }

  /** Ducks `element` from now on; its own volume setting is kept as the full level. */
  attach(element: HTMLMediaElement): () => void {
    const base = element.volume;
    this.elements.set(element, base);
    element.volume = base * this.level;
    return () => {
      const base = this.elements.get(element);
      this.elements.delete(element);
      if (base !== undefined) element.volume = base;
    };
  }

  dispose(): void {
    this.unsubscribe();
    if (this.animation) clearInterval(this.animation);
    for (const [element, base] of this.elements) element.volume = base;
    this.elements.clear();
  }

  private rampTo(target: number): void {
    if (this.animation) clearInterval(this.animation);
    const from = this.level;
    const started = performance.now();
    const tick = (): void => {
      this.level = rampLevel(from, target, performance.now() - started, this.rampMs);
      for (const [element, base] of this.elements) element.volume = base * this.level;
      if (this.level === target && this.animation) {
        clearInterval(this.animation);
        this.animation = null;
      }
    };
    this.animation = setInterval(tick, 20);
    tick();
  }
}
