// An AudioOutput for benchmarks: records when each buffer was enqueued and does not play it
// (there is no sound device); whenIdle resolves at once, so turns are not paced by playback.

import type { AudioOutput } from '../../src/core/engines.ts';

export class EnqueueRecorder implements AudioOutput {
  readonly enqueued: { at: number; samples: number; sampleRate: number }[] = [];

  enqueue(pcm: Float32Array, sampleRate: number): void {
    this.enqueued.push({ at: performance.now(), samples: pcm.length, sampleRate });
  }

  flush(): void {}

  whenIdle(): Promise<void> {
    return Promise.resolve();
  }
}
