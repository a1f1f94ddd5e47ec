// Whisper on the server: transformers.js' ASR pipeline on onnxruntime-node (CPU), loaded once from
// the model store and kept warm in its own worker thread (stt-whisper-worker.mjs), so a transcription
// never holds the event loop that forwards every toy's audio. The dtype is explicit so the file names
// are predictable: q8 -> onnx/*_quantized.onnx (what Hearth's Whisper packs ship), fp32 -> onnx/*.onnx.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { SpeechToText, TranscribeOptions, Transcript } from '../../src/core/engines.ts';
import type { ModelStore } from '../models/store.ts';
import { requireModelFile, transformersModelRoot } from './model-files.ts';

export type WhisperDtype = 'q8' | 'fp32';

export interface WhisperOptions {
  packId: string;
  /** Default: q8 when the pack has the quantized encoder, else fp32. */
  dtype?: WhisperDtype;
}

export interface NodeSpeechToText extends SpeechToText {
  readonly packId: string;
  readonly dtype: WhisperDtype;
  dispose(): Promise<void>;
}

type WorkerAnswer =
  | { type: 'loaded'; multilingual: boolean }
  | { type: 'failed'; error: string }
  | { type: 'transcript'; id: number; text?: string; error?: string };

interface PendingTranscript {
  resolve: (text: string) => void;
  reject: (error: Error) => void;
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
  const pending = new Map<number, PendingTranscript>();
  let nextId = 1;
  /** Set once the worker is gone: every later transcription fails with it. */
  let lost: Error | null = null;
  let loaded: ((multilingual: boolean) => void) | null = null;
  let loadFailed: ((error: Error) => void) | null = null;
  const ready = new Promise<boolean>((resolve, reject) => {
    loaded = resolve;
    loadFailed = reject;
  });
  const fail = (error: Error) => {
    lost ??= error;
    loadFailed?.(error);
    for (const run of pending.values()) run.reject(error);
    pending.clear();
  };
  worker.on('message', (answer: WorkerAnswer) => {
    if (answer.type === 'loaded') loaded?.(answer.multilingual);
    else if (answer.type === 'failed') loadFailed?.(new Error(answer.error));
    else {
      const run = pending.get(answer.id);
      pending.delete(answer.id);
      if (pending.size === 0) worker.unref();
      if (answer.error !== undefined) run?.reject(new Error(answer.error));
      else run?.resolve(answer.text ?? '');
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`speech recognition stopped (its worker exited with code ${code})`)));
  worker.postMessage({ type: 'load', modelRoot, packId, dtype });
  let multilingual: boolean;
  try {
    multilingual = await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  // An idle worker never keeps the process alive; a transcription in progress does.
  worker.unref();

  const transcribeNow = async (audio: Float32Array, options: TranscribeOptions): Promise<Transcript> => {
    const signal = options.signal;
    signal?.throwIfAborted();
    if (lost) throw lost;
    const id = nextId++;
    const onAbort = () => worker.postMessage({ type: 'abort', id });
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const text = await new Promise<string>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ type: 'transcribe', id, audio, language: options.language });
      });
      signal?.throwIfAborted();
      return { text, language: multilingual ? options.language : 'en' };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };

  // One transcription at a time: onnxruntime already uses the cores, and order keeps latency fair.
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
      if (lost) return;
      const exited = once(worker, 'exit');
      worker.ref(); // the process waits for the sessions' release
      worker.postMessage({ type: 'dispose' });
      await exited;
    },
  };
}
