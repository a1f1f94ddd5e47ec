// Harness page for the voice-activity detector: creates the real Silero VAD the way the app's
// engine loader does (src/engines/index.ts: dynamic import, the default pack from /models/), and
// feeds it 512-sample frames the way the voice controller (a numbered stream) and VoiceSession do. Plain JSON back.
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
   * - 'app': as the microphone and VoiceSession use it: a stream is opened, every frame is pushed
   *   at once with its sequence number (a burst, like a busy main thread catching up), then each
   *   result is read by number in order; the stream must hand back each frame's own result.
   * - 'direct': process() frame by frame with no stream (a full round trip each).
   * `processFrames`: read only the first N results (the core stops asking after stop(), while
   * the rest is still in flight).
   */
  async probabilities(samples: number[], mode: 'app' | 'direct' = 'app', processFrames?: number) {
    const engine = loaded();
    const frames = toFrames(samples, engine.frameSamples);
    const wanted = frames.slice(0, processFrames ?? frames.length);
    const started = performance.now();
    const out: number[] = [];
    if (mode === 'app') {
      const stream = engine.openStream();
      frames.forEach((frame, seq) => stream.push(seq, frame));
      for (let seq = 0; seq < wanted.length; seq++) out.push(await stream.result(seq));
      await stream.close();
    } else {
      for (const frame of wanted) out.push(await engine.process(frame));
    }
    return { probabilities: out, msPerFrame: (performance.now() - started) / Math.max(1, frames.length) };
  },

  /**
   * One stream, as a session that stops mid-speech and starts again: every frame is pushed, only
   * the first `cutAfter` results are read, reset(), then the whole utterance is pushed again
   * (numbers going on) and all of it read. Frames skipped by a reset are never asked for.
   */
  async cutAndRestart(samples: number[], cutAfter: number) {
    const engine = loaded();
    const frames = toFrames(samples, engine.frameSamples);
    const stream = engine.openStream();
    frames.forEach((frame, seq) => stream.push(seq, frame));
    const cut: number[] = [];
    for (let seq = 0; seq < cutAfter; seq++) cut.push(await stream.result(seq));
    stream.reset();
    const skipped = await settle(stream.result(cutAfter));
    const offset = frames.length;
    frames.forEach((frame, i) => stream.push(offset + i, frame));
    const again: number[] = [];
    for (let i = 0; i < frames.length; i++) again.push(await stream.result(offset + i));
    await stream.close();
    const afterClose = await settle(stream.result(offset + frames.length));
    return { cut, again, skipped, afterClose };
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
