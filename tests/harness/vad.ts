// Harness page for the voice-activity detector: creates the real Silero VAD the way the app's
// engine loader does (src/engines/index.ts: dynamic import, the default pack from /models/), and
// feeds it 512-sample frames the way the voice controller and VoiceSession do. Plain JSON back.
import { DEFAULT_VAD_PACK } from '../../src/engines/select.ts';
import type { LoadProgress } from '../../src/engines/types.ts';
import type { SileroVad } from '../../src/engines/vad/silero-vad.ts';
import { exposeHarness, settle } from './harness.ts';

let vad: SileroVad | null = null;

function loaded(): SileroVad {
  if (!vad) throw new Error('VAD is not loaded: call load() first');
  return vad;
}

/** Whole frames of `frameSamples` (a trailing partial frame is dropped, as the core's framer keeps it). */
function toFrames(samples: number[], frameSamples: number): Float32Array[] {
  const frames: Float32Array[] = [];
  for (let start = 0; start + frameSamples <= samples.length; start += frameSamples) {
    frames.push(Float32Array.from(samples.slice(start, start + frameSamples)));
  }
  return frames;
}

exposeHarness({
  async load() {
    const progress: LoadProgress[] = [];
    const started = performance.now();
    // As browserEngineLoaders.vad does for the plan { engine: 'silero', packId: DEFAULT_VAD_PACK }.
    const { createSileroVad } = await import('../../src/engines/vad/silero-vad.ts');
    vad = await createSileroVad({ packId: DEFAULT_VAD_PACK, onProgress: (p) => progress.push(p) });
    return { info: vad.info, frameSamples: vad.frameSamples, progress, loadMs: performance.now() - started };
  },

  /**
   * Speech probability per whole frame of `samples` (16 kHz mono). `mode`:
   * - 'app': every frame is prefetched first, as the microphone hands them to the VAD on arrival
   *   (a burst, like a busy main thread catching up), then process() is awaited frame by frame in
   *   order, as VoiceSession does; the read-ahead layer must hand back each frame's own result.
   * - 'direct': process() frame by frame with no prefetch (a full round trip each).
   * `processFrames`: ask for only the first N results (the core stops asking after stop(), while
   * the prefetched rest is still in flight).
   */
  async probabilities(samples: number[], mode: 'app' | 'direct' = 'app', processFrames?: number) {
    const engine = loaded();
    const frames = toFrames(samples, engine.frameSamples);
    const started = performance.now();
    if (mode === 'app') for (const frame of frames) engine.prefetch(frame);
    const out: number[] = [];
    for (const frame of frames.slice(0, processFrames ?? frames.length)) out.push(await engine.process(frame));
    return { probabilities: out, msPerFrame: (performance.now() - started) / Math.max(1, frames.length) };
  },

  /** process() of a frame of the wrong size: the error's name and message. */
  async processWrongSize(length: number) {
    return settle(Promise.resolve().then(() => loaded().process(new Float32Array(length))));
  },

  reset() {
    loaded().reset();
  },

  dispose() {
    vad?.dispose();
    vad = null;
  },
});
