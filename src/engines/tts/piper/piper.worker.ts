// A Piper voice in a worker: espeak-ng phonemes (the `phonemizer` package: espeak-ng compiled to
// WASM with its data embedded, so it fetches nothing), ids via the voice's phoneme_id_map, and the
// VITS model in onnxruntime-web (WASM). Audio streams out one chunk (clause) at a time.
import * as Comlink from 'comlink';
import * as ort from 'onnxruntime-web/wasm';
import { phonemize } from 'phonemizer';
import { configureOrtWasm, ORT_WASM } from '../../ort.ts';
import type { EngineInfo, LoadProgressListener } from '../../types.ts';
import { fetchWithProgress } from '../../worker-utils.ts';
import { parseVoiceConfig, type PiperVoiceConfig } from '../../../core/tts/piper-voice-config.ts';
import { synthesizePiper, type PiperModelInputs, type PiperSpeechOptions } from '../../../core/tts/piper-synthesis.ts';

export interface PiperLoadOptions {
  packId: string;
  modelUrl: string;
  configUrl: string;
}

export type PiperSynthesisOptions = PiperSpeechOptions;

let session: ort.InferenceSession | null = null;
let voice: PiperVoiceConfig | null = null;
const cancelled = new Set<number>();

/** One run of the voice's model in onnxruntime-web. */
async function run({ ids, scales, speakerId }: PiperModelInputs): Promise<Float32Array> {
  if (!session) throw new Error('Piper voice is not loaded');
  const feeds: Record<string, ort.Tensor> = {
    input: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
    input_lengths: new ort.Tensor('int64', BigInt64Array.of(BigInt(ids.length)), [1]),
    scales: new ort.Tensor('float32', Float32Array.from(scales), [3]),
  };
  if (speakerId !== null) feeds.sid = new ort.Tensor('int64', BigInt64Array.of(BigInt(speakerId)), [1]);
  const out = await session.run(feeds);
  const audio = out[session.outputNames[0] ?? 'output'];
  if (!audio) throw new Error('Piper voice returned no audio');
  // Real voices return [1, 1, 1, samples] (or [1, 1, samples]): the samples are the last dimension.
  return (audio.data as Float32Array).slice();
}

const api = {
  async load(
    opts: PiperLoadOptions,
    onProgress: LoadProgressListener,
  ): Promise<{ info: EngineInfo; sampleRate: number }> {
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
    for await (const _ of synthesizePiper('Hello.', config, { phonemize, run })) break;
    onProgress({ role: 'tts', stage: 'Ready', loaded: 1, total: 1 });
    return {
      info: {
        role: 'tts',
        engine: 'onnxruntime-web',
        model: opts.packId,
        backend: 'wasm',
        detail: `Piper, ${threads} thread${threads === 1 ? '' : 's'}`,
      },
      sampleRate: config.audio.sample_rate,
    };
  },

  /** Synthesises one sentence, calling `onChunk` with each chunk's PCM as soon as it is ready. */
  async synthesize(
    callId: number,
    text: string,
    opts: PiperSynthesisOptions,
    onChunk: (pcm: Float32Array) => Promise<void> | void,
  ): Promise<void> {
    try {
      if (!voice) throw new Error('Piper voice is not loaded');
      const stopped = (): boolean => cancelled.has(callId);
      for await (const pcm of synthesizePiper(text, voice, { phonemize, run, stopped }, opts)) {
        if (stopped()) return;
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
