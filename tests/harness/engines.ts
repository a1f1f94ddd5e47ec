// Harness page for the model engines: loads each through its real library in its worker, from the
// Hearth server's /models/, and reports plain JSON back to the test.
import { chooseBackend, type BackendPreference } from '../../src/engines/ort.ts';
import { createEmbedder, type BrowserEmbedder } from '../../src/engines/embedder/index.ts';
import { createWhisperSpeechToText, type WhisperSpeechToText } from '../../src/engines/stt/index.ts';
import { createPiperTextToSpeech, type PiperTextToSpeech } from '../../src/engines/tts/piper/index.ts';
import type { LoadProgress } from '../../src/engines/types.ts';
import { exposeHarness, settle } from './harness.ts';

let whisper: WhisperSpeechToText | null = null;
let piper: PiperTextToSpeech | null = null;
let embedder: BrowserEmbedder | null = null;

/**
 * Progress events as they arrive, and `ready`, settled by the 'Ready' event. A worker reports
 * progress over Comlink's proxy port, which is not ordered with the load call's reply, so the
 * last events can arrive just after the engine is returned: callers wait for them, not for time.
 */
function progressLog(): { events: LoadProgress[]; listener: (p: LoadProgress) => void; ready: () => Promise<void> } {
  const events: LoadProgress[] = [];
  let onReady = () => {};
  const reported = new Promise<void>((resolve) => (onReady = resolve));
  return {
    events,
    // Called once the load has returned; bounded so an engine that never reports 'Ready' fails
    // with this message rather than a test timeout.
    ready: () =>
      Promise.race([
        reported,
        new Promise<void>((_, reject) =>
          setTimeout(() => reject(new Error("the engine loaded but never reported 'Ready'")), 10_000),
        ),
      ]),
    listener: (p) => {
      events.push(p);
      if (p.stage === 'Ready') onReady();
    },
  };
}

function requireLoaded<T>(engine: T | null, name: string): T {
  if (!engine) throw new Error(`${name} is not loaded`);
  return engine;
}

exposeHarness({
  crossOriginIsolated: () => self.crossOriginIsolated,

  chooseBackend: (preference: BackendPreference) => chooseBackend(preference),

  async loadWhisper(packId: string, backend: BackendPreference) {
    const progress = progressLog();
    const started = performance.now();
    whisper = await createWhisperSpeechToText({ packId, backend, onProgress: progress.listener });
    const loadMs = performance.now() - started;
    await progress.ready();
    return { info: whisper.info, progress: progress.events, loadMs };
  },

  async transcribe(samples: number[], abortAfterMs?: number) {
    const stt = requireLoaded(whisper, 'Whisper');
    const controller = new AbortController();
    if (abortAfterMs !== undefined) setTimeout(() => controller.abort(), abortAfterMs);
    return settle(stt.transcribe(Float32Array.from(samples), { signal: controller.signal }));
  },

  async loadPiper(packId: string) {
    const progress = progressLog();
    piper = await createPiperTextToSpeech({ packId, onProgress: progress.listener });
    await progress.ready();
    return { info: piper.info, sampleRate: piper.sampleRate, progress: progress.events };
  },

  /** Synthesises one sentence; returns chunk lengths and loudness, not the samples. */
  async synthesize(text: string, opts: { rate?: number; stopAfterChunks?: number } = {}) {
    const tts = requireLoaded(piper, 'Piper');
    const chunks: number[] = [];
    let peak = 0;
    let sumSquares = 0;
    const controller = new AbortController();
    const run = async () => {
      for await (const pcm of tts.synthesize(text, {
        signal: controller.signal,
        ...(opts.rate ? { rate: opts.rate } : {}),
      })) {
        chunks.push(pcm.length);
        for (const x of pcm) {
          peak = Math.max(peak, Math.abs(x));
          sumSquares += x * x;
        }
        if (opts.stopAfterChunks !== undefined && chunks.length >= opts.stopAfterChunks) controller.abort();
      }
    };
    const outcome = await settle(run());
    const samples = chunks.reduce((a, b) => a + b, 0);
    return {
      outcome: outcome.ok ? 'done' : outcome.name,
      chunks,
      samples,
      peak,
      rms: Math.sqrt(sumSquares / Math.max(1, samples)),
      sampleRate: tts.sampleRate,
    };
  },

  async loadEmbedder(packId: string) {
    const progress = progressLog();
    embedder = await createEmbedder({ packId, onProgress: progress.listener });
    return { info: embedder.info, dimensions: embedder.dimensions, progress: progress.events };
  },

  async embed(texts: string[]) {
    const vectors = await requireLoaded(embedder, 'embedder').embed(texts);
    return vectors.map((v) => Array.from(v));
  },

  async disposeAll() {
    await Promise.all([whisper?.dispose(), piper?.dispose(), embedder?.dispose()]);
    whisper = piper = embedder = null;
  },
});
