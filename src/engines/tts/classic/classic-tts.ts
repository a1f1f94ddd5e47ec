// The always-available classic voice: flite (CMU, BSD) compiled to WASI, run in a worker.
// Robotic but tiny and fast (real-time factor ~0.01), so Hearth can always speak.

import * as Comlink from 'comlink';
import { raceAbort } from '../../../core/abort.ts';
import type { SynthesizeOptions, TextToSpeech } from '../../../core/engines.ts';
import { resample } from '../../../core/audio/resampler.ts';
import { modelFileUrl, type EngineInfo, type LoadProgressListener } from '../../types.ts';
import {
  DEFAULT_FLITE_VOICE,
  durationStretch,
  FLITE_VOICES,
  isFliteVoice,
  speakableText,
  type FliteVoice,
} from '../../../core/tts/flite-voices.ts';
import type { FliteResult, FliteWorkerApi } from './flite.worker.ts';

export const CLASSIC_TTS_PACK = 'flite-classic';

export interface ClassicTextToSpeechOptions {
  /** slt (default), kal16, kal, awb or rms. */
  voice?: string;
  onProgress?: LoadProgressListener;
  origin?: string;
}

export type ClassicTextToSpeech = TextToSpeech & {
  readonly info: EngineInfo;
  readonly voice: FliteVoice;
  /** One sentence as one PCM buffer, with flite's own timing (for benchmarks and tests). */
  synthesizeOnce(text: string, opts?: SynthesizeOptions): Promise<FliteResult | null>;
  dispose(): void;
};

export async function createClassicTextToSpeech(
  options: ClassicTextToSpeechOptions = {},
): Promise<ClassicTextToSpeech> {
  const voice = isFliteVoice(options.voice) ? options.voice : DEFAULT_FLITE_VOICE;
  const worker = new Worker(new URL('./flite.worker.ts', import.meta.url), { type: 'module', name: 'hearth-flite' });
  const remote = Comlink.wrap<FliteWorkerApi>(worker);
  const stage = 'Loading the classic voice (flite)';
  try {
    options.onProgress?.({ role: 'tts', stage, loaded: 0, total: null });
    await remote.load(
      modelFileUrl(CLASSIC_TTS_PACK, 'flite.wasm', options.origin),
      Comlink.proxy((loaded: number, total: number | null) =>
        options.onProgress?.({ role: 'tts', stage, loaded, total }),
      ),
    );
    options.onProgress?.({ role: 'tts', stage: 'Ready', loaded: 1, total: 1 });
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return new FliteTextToSpeech(worker, remote, voice);
}

class FliteTextToSpeech implements TextToSpeech {
  readonly sampleRate: number;
  readonly info: EngineInfo;
  /** flite runs one sentence at a time; calls queue here rather than inside the worker. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly worker: Worker,
    private readonly remote: Comlink.Remote<FliteWorkerApi>,
    readonly voice: FliteVoice,
  ) {
    this.sampleRate = FLITE_VOICES[voice].sampleRate;
    this.info = { role: 'tts', engine: 'flite', model: voice, backend: 'wasm', detail: 'classic fallback voice' };
  }

  async *synthesize(text: string, opts: SynthesizeOptions): AsyncIterable<Float32Array> {
    const result = await this.synthesizeOnce(text, opts);
    if (result && result.samples.length > 0 && !opts.signal?.aborted) yield result.samples;
  }

  async synthesizeOnce(text: string, opts: SynthesizeOptions = {}): Promise<FliteResult | null> {
    const { signal } = opts;
    signal?.throwIfAborted();
    const speakable = speakableText(text);
    if (!speakable) return null;
    // A persona may name a voice of another engine (e.g. Piper): keep ours then.
    const voice = isFliteVoice(opts.voice) ? opts.voice : this.voice;
    const job = this.tail.then(() => {
      signal?.throwIfAborted();
      return this.remote.synthesize(speakable, voice, durationStretch(opts.rate));
    });
    this.tail = job.catch(() => {});
    // flite finishes a sentence in tens of milliseconds; on abort we just stop waiting for it.
    const result = signal ? await raceAbort(job, signal) : await job;
    const samples = resample(result.samples, result.sampleRate, this.sampleRate);
    return { samples, sampleRate: this.sampleRate, synthMs: result.synthMs };
  }

  dispose(): void {
    this.remote[Comlink.releaseProxy]();
    this.worker.terminate();
  }
}
