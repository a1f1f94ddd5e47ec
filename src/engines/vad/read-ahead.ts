// Lets the VAD work ahead of the conversation core. The microphone hands each frame to the VAD
// worker as soon as it arrives (prefetch); when VoiceSession later asks for that frame's
// probability, the answer is usually already there. Without this, every frame costs a full
// main-thread ⇄ worker round trip in sequence, and on a busy CPU the VAD falls seconds behind
// the microphone, which makes barge-in late. Frames are matched by content, so a frame the core
// skips (after stop(), while idle) only drops its prefetched result.

import type { Vad } from '../../core/engines.ts';

/** A Vad that can start on a frame before the conversation core asks for it. */
export interface PrefetchingVad extends Vad {
  /** Sends `frame` to the model now; a later process() of an equal frame gets this result. */
  prefetch(frame: Float32Array): void;
}

export function canPrefetch(vad: Vad): vad is PrefetchingVad {
  return typeof (vad as Partial<PrefetchingVad>).prefetch === 'function';
}

interface Entry<T> {
  frame: Float32Array;
  result: T;
}

export class ReadAhead<T> {
  private entries: Entry<T>[] = [];

  /**
   * `limit`: results kept at most (older ones are dropped): ~33 s of 32 ms frames. Dropping a
   * result the core still needs is worse than the memory (2 KB a frame): the frame would be
   * sent again, after later ones, through the model's recurrent state. Only frames the core
   * never asks about (while it is idle) are meant to fall off the end.
   */
  constructor(private readonly limit = 1024) {}

  get size(): number {
    return this.entries.length;
  }

  /** Remembers the result computed for `frame` (a copy the caller will not modify). */
  add(frame: Float32Array, result: T): void {
    this.entries.push({ frame, result });
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** The result for a frame equal to `frame`, dropping the ones queued before it; undefined if none. */
  take(frame: Float32Array): T | undefined {
    const index = this.entries.findIndex((entry) => sameSamples(entry.frame, frame));
    if (index === -1) return undefined;
    const entry = this.entries[index];
    this.entries.splice(0, index + 1);
    return entry?.result;
  }

  clear(): void {
    this.entries = [];
  }
}

function sameSamples(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
