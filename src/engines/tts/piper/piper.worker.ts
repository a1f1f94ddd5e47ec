// A Piper voice in a worker: espeak-ng phonemes (the `phonemizer` package: espeak-ng compiled to
// WASM with its data embedded, so it fetches nothing), ids via the voice's phoneme_id_map, and the
// VITS model in onnxruntime-web (WASM). Audio streams out one chunk (clause) at a time.
import * as Comlink from 'comlink';
import * as ort from 'onnxruntime-web/wasm';
import { phonemize } from 'phonemizer';
import { configureOrtWasm, ORT_WASM } from '../../ort.ts';
import type { EngineInfo, LoadProgressListener } from '../../types.ts';
import { fetchWithProgress } from '../../worker-utils.ts';
import { chunkClauses, parseVoiceConfig, phonemeIds, type PiperVoiceConfig } from './voice-config.ts';

export interface PiperLoadOptions {
  packId: string;
  modelUrl: string;
  configUrl: string;
}

export interface PiperSynthesisOptions {
  rate?: number;
  /** A speaker name from the voice's speaker_id_map (multi-speaker voices). */
  voice?: string;
}

let session: ort.InferenceSession | null = null;
let voice: PiperVoiceConfig | null = null;
const cancelled = new Set<number>();

async function phonemesOf(text: string, config: PiperVoiceConfig): Promise<string[]> {
  if ((config.phoneme_type ?? 'espeak') === 'text') return [text.toLowerCase()];
  return phonemize(text, config.espeak.voice);
}

async function speak(ids: number[], config: PiperVoiceConfig, opts: PiperSynthesisOptions): Promise<Float32Array> {
  if (!session) throw new Error('Piper voice is not loaded');
  const inference = config.inference ?? {};
  const lengthScale = (inference.length_scale ?? 1) / Math.min(4, Math.max(0.25, opts.rate ?? 1));
  const feeds: Record<string, ort.Tensor> = {
    input: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
    input_lengths: new ort.Tensor('int64', BigInt64Array.of(BigInt(ids.length)), [1]),
    scales: new ort.Tensor('float32', Float32Array.of(inference.noise_scale ?? 0.667, lengthScale, inference.noise_w ?? 0.8), [3]),
  };
  if (config.num_speakers > 1) {
    const speaker = (opts.voice !== undefined ? config.speaker_id_map?.[opts.voice] : undefined) ?? 0;
    feeds.sid = new ort.Tensor('int64', BigInt64Array.of(BigInt(speaker)), [1]);
  }
  const out = await session.run(feeds);
  const audio = out[session.outputNames[0] ?? 'output'];
  if (!audio) throw new Error('Piper voice returned no audio');
  // Real voices return [1, 1, 1, samples] (or [1, 1, samples]): the samples are the last dimension.
  return (audio.data as Float32Array).slice();
}

const api = {
  async load(opts: PiperLoadOptions, onProgress: LoadProgressListener): Promise<{ info: EngineInfo; sampleRate: number }> {
    const threads = configureOrtWasm(ort.env.wasm, ORT_WASM);
    const configRes = await fetch(opts.configUrl);
    if (!configRes.ok) throw new Error(`cannot load Piper voice config: HTTP ${configRes.status}`);
    const config = parseVoiceConfig(await configRes.json());
    const model = await fetchWithProgress(opts.modelUrl, (loaded, total) =>
      onProgress({ role: 'tts', stage: `Downloading ${opts.modelUrl.split('/').pop() ?? 'voice'}`, loaded, total }),
    );
    session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'] });
    voice = config;
    // Warm up espeak-ng (its WASM starts on first use) and the model.
    onProgress({ role: 'tts', stage: 'Warming up', loaded: 0, total: 1 });
    const [warm] = await phonemesOf('Hello.', config);
    await speak(phonemeIds(warm ?? '', config.phoneme_id_map), config, {});
    onProgress({ role: 'tts', stage: 'Ready', loaded: 1, total: 1 });
    return {
      info: { role: 'tts', engine: 'onnxruntime-web', model: opts.packId, backend: 'wasm', detail: `Piper, ${threads} thread${threads === 1 ? '' : 's'}` },
      sampleRate: config.audio.sample_rate,
    };
  },

  /** Synthesises one sentence, calling `onChunk` with each chunk's PCM as soon as it is ready. */
  async synthesize(callId: number, text: string, opts: PiperSynthesisOptions, onChunk: (pcm: Float32Array) => Promise<void> | void): Promise<void> {
    try {
      if (!voice) throw new Error('Piper voice is not loaded');
      const chunks = chunkClauses(await phonemesOf(text, voice));
      for (const phonemes of chunks) {
        if (cancelled.has(callId)) return;
        const ids = phonemeIds(phonemes, voice.phoneme_id_map);
        if (ids.length <= 2) continue; // nothing the voice can say
        const pcm = await speak(ids, voice, opts);
        if (cancelled.has(callId)) return;
        await onChunk(Comlink.transfer(pcm, [pcm.buffer as ArrayBuffer]));
      }
    } finally {
      cancelled.delete(callId);
      (onChunk as unknown as Comlink.Remote<unknown>)[Comlink.releaseProxy]?.();
    }
  },

  cancel(callId: number): void {
    cancelled.add(callId);
  },

  async dispose(): Promise<void> {
    await session?.release();
    session = null;
  },
};

export type PiperWorkerApi = typeof api;
Comlink.expose(api);
