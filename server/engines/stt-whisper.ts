// Whisper on the server: transformers.js' ASR pipeline on onnxruntime-node (CPU), loaded once from
// the model store and kept warm in its own worker thread (stt-whisper-worker.mjs), so a transcription
// never holds the event loop that forwards every toy's audio. The dtype is explicit so the file names
// are predictable: q8 -> onnx/*_quantized.onnx (what Hearth's Whisper packs ship), fp32 -> onnx/*.onnx.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { SpeechToText, TranscribeOptions, Transcript } from '../../src/core/engines.ts';
import type { ModelStore } from '../models/store.ts';
import { fewCores } from './cpu-threads.ts';
import { requireModelFile, transformersModelRoot } from './model-files.ts';
import { WorkerCalls } from './worker-calls.ts';

export type WhisperDtype = 'q8' | 'fp32';

export interface WhisperOptions {
  packId: string;
  /** Default: q8 when the pack has the quantized encoder, else fp32. */
  dtype?: WhisperDtype;
  /** onnxruntime threads for one transcription; default {@link defaultWhisperThreads}. */
  threads?: number;
}

/**
 * One thread on a 2-core box, as the language model gets: with both cores, a transcription fought
 * the language model and the voice of every other toy. Larger machines: onnxruntime's own choice.
 */
export function defaultWhisperThreads(cores?: number): number | undefined {
  return fewCores(cores) ? 1 : undefined;
}

export interface NodeSpeechToText extends SpeechToText {
  readonly packId: string;
  readonly dtype: WhisperDtype;
  dispose(): Promise<void>;
}

export async function loadWhisper(models: ModelStore, opts: WhisperOptions): Promise<NodeSpeechToText> {
  const { packId } = opts;
  const modelRoot = await transformersModelRoot(models, packId);
  const dtype = opts.dtype ?? ((await models.resolveFile(packId, 'onnx/encoder_model_quantized.onnx')) ? 'q8' : 'fp32');
  const suffix = dtype === 'q8' ? '_quantized' : '';
  // Fail with the pack's own fix rather than transformers.js' "file not found".
  await requireModelFile(models, packId, `onnx/encoder_model${suffix}.onnx`);
  await requireModelFile(models, packId, `onnx/decoder_model_merged${suffix}.onnx`);

  const worker = new Worker(new URL('./stt-whisper-worker.mjs', import.meta.url));
  const calls = new WorkerCalls(
    worker,
    (code) => new Error(`speech recognition stopped (its worker exited with code ${code})`),
  );
  let multilingual: boolean;
  try {
    const threads = opts.threads ?? defaultWhisperThreads();
    ({ multilingual } = await calls.call<{ multilingual: boolean }>({
      type: 'load',
      modelRoot,
      packId,
      dtype,
      threads,
    }));
  } catch (error) {
    await worker.terminate();
    throw error;
  }

  const transcribeNow = async (audio: Float32Array, options: TranscribeOptions): Promise<Transcript> => {
    const signal = options.signal;
    signal?.throwIfAborted();
    const text = await calls.call<string>({ type: 'transcribe', audio, language: options.language }, { signal });
    signal?.throwIfAborted();
    return { text, language: multilingual ? options.language : 'en' };
  };

  // One transcription at a time: onnxruntime spreads one over its threads, and order keeps latency fair.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    packId,
    dtype,
    transcribe(audio, options) {
      const run = queue.then(() => transcribeNow(audio, options));
      queue = run.catch(() => undefined);
      return run;
    },
    async dispose() {
      await queue;
      if (calls.lost) return;
      const exited = once(worker, 'exit');
      worker.ref(); // the process waits for the sessions' release
      worker.postMessage({ type: 'dispose' });
      await exited;
    },
  };
}
