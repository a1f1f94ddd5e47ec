// The always-available classic voice on the server: flite compiled to WASI, run on its own worker
// thread (a sentence takes tens of milliseconds of synchronous WASM). Voices, text cleanup and WAV
// reading are the browser engine's pure helpers; running flite is server/engines/flite-wasi.ts,
// shared with starter narration.
import { raceAbort } from '../../src/core/abort.ts';
import type { SynthesizeOptions, TextToSpeech } from '../../src/core/engines.ts';
import {
  DEFAULT_FLITE_VOICE,
  durationStretch,
  FLITE_VOICES,
  fliteArgs,
  isFliteVoice,
  speakableText,
  type FliteVoice,
} from '../../src/core/tts/flite-voices.ts';
import { resample } from '../../src/core/audio/resampler.ts';
import { decodeWav } from '../../src/core/audio/wav.ts';
import type { ModelStore } from '../models/store.ts';
import { defaultFliteWasmPath, runFliteWasi } from './flite-wasi.ts';

export const CLASSIC_TTS_PACK = 'flite-classic';

export interface ClassicVoiceOptions {
  /** slt (default), kal16, kal, awb or rms. */
  voice?: string;
}

export interface NodeTextToSpeech extends TextToSpeech {
  /** The model pack (or flite voice) speaking. */
  readonly model: string;
  dispose(): Promise<void>;
}

/** The classic voice, from the flite-classic pack when the store has it, else from node_modules. */
export async function loadClassicVoice(
  models: ModelStore | null,
  opts: ClassicVoiceOptions = {},
): Promise<NodeTextToSpeech> {
  const fromStore = models ? await models.resolveFile(CLASSIC_TTS_PACK, 'flite.wasm') : null;
  const wasmPath = fromStore?.absolutePath ?? defaultFliteWasmPath();
  const defaultVoice: FliteVoice = isFliteVoice(opts.voice) ? opts.voice : DEFAULT_FLITE_VOICE;
  const sampleRate = FLITE_VOICES[defaultVoice].sampleRate;
  // Compiles the module and proves it runs before the first reply needs it.
  await runFliteWasi(fliteArgs('Hi.', defaultVoice, 1, 'out.wav').slice(1), wasmPath);
  // One sentence at a time (one flite thread); calls queue in order.
  let tail: Promise<unknown> = Promise.resolve();

  const synthesizeOnce = async (text: string, opts: SynthesizeOptions): Promise<Float32Array | null> => {
    const speakable = speakableText(text);
    if (!speakable) return null;
    // A persona may name a voice of another engine (e.g. Piper): keep ours then.
    const voice = isFliteVoice(opts.voice) ? opts.voice : defaultVoice;
    const job = tail.then(async () => {
      opts.signal?.throwIfAborted();
      return decodeWav(
        await runFliteWasi(fliteArgs(speakable, voice, durationStretch(opts.rate), 'out.wav').slice(1), wasmPath),
      );
    });
    tail = job.catch(() => undefined);
    const wav = opts.signal ? await raceAbort(job, opts.signal) : await job;
    return resample(wav.samples, wav.sampleRate, sampleRate);
  };

  return {
    model: `${CLASSIC_TTS_PACK}:${defaultVoice}`,
    sampleRate,
    async *synthesize(text, opts) {
      opts.signal?.throwIfAborted();
      const samples = await synthesizeOnce(text, opts);
      if (samples && samples.length > 0 && !opts.signal?.aborted) yield samples;
    },
    async dispose() {
      await tail;
    },
  };
}
