// A Piper voice on the server: espeak-ng phonemes (the `phonemizer` package: espeak-ng in WASM
// with its data embedded, in a worker thread: phonemize-worker.mjs), ids via the voice's
// phoneme_id_map, and the VITS model in onnxruntime-node. Synthesis itself is the core's
// (src/core/tts/piper-synthesis.ts), shared with the browser worker; this file loads the voice and
// turns the model's inputs into Node tensors.
import fs from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { parseVoiceConfig } from '../../src/core/tts/piper-voice-config.ts';
import { synthesizePiper, type PiperModelInputs } from '../../src/core/tts/piper-synthesis.ts';
import type { ModelStore } from '../models/store.ts';
import { requireModelFile } from './model-files.ts';
import type { NodeTextToSpeech } from './tts-classic.ts';
import { sharedWorkerCalls } from './worker-calls.ts';

// espeak-ng's WASM is synchronous: it phonemizes on its own thread, shared by every Piper voice.
const phonemizer = sharedWorkerCalls(new URL('./phonemize-worker.mjs', import.meta.url), 'the phonemizer');
const phonemize = (text: string, voice: string): Promise<string[]> =>
  phonemizer().call({ type: 'phonemize', text, voice });

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
  const session = await ort.InferenceSession.create(modelFile.absolutePath, {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
  });
  const outputName = session.outputNames[0] ?? 'output';

  const run = async ({ ids, scales, speakerId }: PiperModelInputs): Promise<Float32Array> => {
    const feeds: Record<string, ort.Tensor> = {
      input: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
      input_lengths: new ort.Tensor('int64', BigInt64Array.of(BigInt(ids.length)), [1]),
      scales: new ort.Tensor('float32', Float32Array.from(scales), [3]),
    };
    if (speakerId !== null) feeds['sid'] = new ort.Tensor('int64', BigInt64Array.of(BigInt(speakerId)), [1]);
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
        // An aborted sentence throws before the next model run, as the engine interface asks.
        const stopped = (): boolean => {
          options.signal?.throwIfAborted();
          return false;
        };
        for await (const pcm of synthesizePiper(text, config, { phonemize, run, stopped }, options)) {
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
