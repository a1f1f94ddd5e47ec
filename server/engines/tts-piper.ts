// A Piper voice on the server: espeak-ng phonemes (the `phonemizer` package: espeak-ng in WASM
// with its data embedded, works in Node), ids via the voice's phoneme_id_map, and the VITS model
// in onnxruntime-node. The pure steps are the browser engine's (src/engines/tts/piper/voice-config.ts).
// Audio streams out one chunk (clause) at a time, so the first words play before the sentence ends.
import fs from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { phonemize } from 'phonemizer';
import type { SynthesizeOptions } from '../../src/core/engines.ts';
import { chunkClauses, parseVoiceConfig, phonemeIds, type PiperVoiceConfig } from '../../src/engines/tts/piper/voice-config.ts';
import type { ModelStore } from '../models/store.ts';
import { requireModelFile } from './model-files.ts';
import type { NodeTextToSpeech } from './tts-classic.ts';

export interface PiperOptions {
  packId: string;
  /** onnxruntime threads; default 1 (the LLM wants the cores). */
  threads?: number;
}

/** The pack's voice: its `<name>.onnx` with a `<name>.onnx.json` beside it. */
async function voiceFileOf(models: ModelStore, packId: string): Promise<string> {
  const pack = await models.pack(packId);
  if (!pack) throw new Error(`unknown model pack "${packId}"`);
  const model = pack.files.find((f) => f.path.endsWith('.onnx') && pack.files.some((g) => g.path === `${f.path}.json`));
  if (!model) throw new Error(`pack "${packId}" has no Piper voice (<name>.onnx + <name>.onnx.json)`);
  return model.path;
}

export async function loadPiperVoice(models: ModelStore, opts: PiperOptions): Promise<NodeTextToSpeech> {
  const voicePath = await voiceFileOf(models, opts.packId);
  const modelFile = await requireModelFile(models, opts.packId, voicePath);
  const configFile = await requireModelFile(models, opts.packId, `${voicePath}.json`);
  const config = parseVoiceConfig(JSON.parse(await fs.readFile(configFile.absolutePath, 'utf8')));
  const threads = opts.threads ?? 1;
  const session = await ort.InferenceSession.create(modelFile.absolutePath, { intraOpNumThreads: threads, interOpNumThreads: 1 });
  const outputName = session.outputNames[0] ?? 'output';

  const speak = async (ids: number[], options: SynthesizeOptions): Promise<Float32Array> => {
    const inference = config.inference ?? {};
    const lengthScale = (inference.length_scale ?? 1) / Math.min(4, Math.max(0.25, options.rate ?? 1));
    const feeds: Record<string, ort.Tensor> = {
      input: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
      input_lengths: new ort.Tensor('int64', BigInt64Array.of(BigInt(ids.length)), [1]),
      scales: new ort.Tensor('float32', Float32Array.of(inference.noise_scale ?? 0.667, lengthScale, inference.noise_w ?? 0.8), [3]),
    };
    if (config.num_speakers > 1) {
      const speaker = (options.voice !== undefined ? config.speaker_id_map?.[options.voice] : undefined) ?? 0;
      feeds['sid'] = new ort.Tensor('int64', BigInt64Array.of(BigInt(speaker)), [1]);
    }
    const out = await session.run(feeds);
    const audio = out[outputName];
    if (!audio) throw new Error('Piper voice returned no audio');
    // Real voices return [1, 1, 1, samples] (or [1, 1, samples]): the samples are the last dimension.
    return (audio.data as Float32Array).slice();
  };

  // One synthesis at a time: sentences are spoken in order anyway, and it bounds CPU use.
  let tail: Promise<unknown> = Promise.resolve();
  const engine: NodeTextToSpeech = {
    model: opts.packId,
    sampleRate: config.audio.sample_rate,
    async *synthesize(text, options) {
      const previous = tail;
      let release = (): void => {};
      tail = new Promise<void>((resolve) => (release = resolve));
      try {
        await previous;
        options.signal?.throwIfAborted();
        for (const phonemes of chunkClauses(await phonemesOf(text, config))) {
          options.signal?.throwIfAborted();
          const ids = phonemeIds(phonemes, config.phoneme_id_map);
          if (ids.length <= 2) continue; // nothing the voice can say
          const pcm = await speak(ids, options);
          options.signal?.throwIfAborted();
          yield pcm;
        }
      } finally {
        release();
      }
    },
    async dispose() {
      await tail;
      await session.release();
    },
  };
  // Warm up espeak-ng (its WASM starts on first use) and the model.
  for await (const _ of engine.synthesize('Hello.', {})) break;
  return engine;
}

function phonemesOf(text: string, config: PiperVoiceConfig): Promise<string[]> {
  if ((config.phoneme_type ?? 'espeak') === 'text') return Promise.resolve([text.toLowerCase()]);
  return phonemize(text, config.espeak.voice);
}
