// Text to speech with a Piper voice, in a worker (see piper.worker.ts). PCM streams out per chunk
// at the voice's own sample rate (22050 Hz for most Piper voices).
import * as Comlink from 'comlink';
import type { SynthesizeOptions, TextToSpeech } from '../../../core/engines.ts';
import { modelFileUrl, type EngineInfo, type LoadProgressListener } from '../../types.ts';
import { abortError, ChunkQueue, wrapEngineWorker } from '../../worker-utils.ts';
import type { PiperWorkerApi } from './piper.worker.ts';
import { findVoiceFile } from './voice-files.ts';

export interface PiperOptions {
  packId: string;
  onProgress?: LoadProgressListener;
  /** The voice's .onnx path in the pack; asked of the server when absent. */
  voiceFile?: string;
}

export type PiperTextToSpeech = TextToSpeech & { readonly info: EngineInfo; dispose(): Promise<void> };

export async function createPiperTextToSpeech(opts: PiperOptions): Promise<PiperTextToSpeech> {
  const voiceFile = opts.voiceFile ?? (await findVoiceFile(opts.packId));
  const worker = wrapEngineWorker<PiperWorkerApi>(
    new Worker(new URL('./piper.worker.ts', import.meta.url), { type: 'module', name: 'hearth-piper' }),
  );
  let loaded: { info: EngineInfo; sampleRate: number };
  try {
    loaded = await Promise.race([
      worker.api.load(
        {
          packId: opts.packId,
          modelUrl: modelFileUrl(opts.packId, voiceFile),
          configUrl: modelFileUrl(opts.packId, `${voiceFile}.json`),
        },
        Comlink.proxy(opts.onProgress ?? (() => {})),
      ),
      worker.failed,
    ]);
  } catch (err) {
    worker.terminate();
    throw err;
  }

  let nextCall = 0;
  let disposed = false;
  return {
    info: loaded.info,
    sampleRate: loaded.sampleRate,
    async *synthesize(text: string, options: SynthesizeOptions): AsyncIterable<Float32Array> {
      if (disposed) throw new Error('Piper engine was disposed');
      if (options.signal?.aborted) throw abortError();
      const callId = ++nextCall;
      const queue = new ChunkQueue<Float32Array>();
      const onAbort = (): void => {
        void worker.api.cancel(callId);
        queue.fail(abortError());
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const synthesisOptions = {
        ...(options.rate !== undefined ? { rate: options.rate } : {}),
        ...(options.voice !== undefined ? { voice: options.voice } : {}),
      };
      Promise.race([
        worker.api.synthesize(
          callId,
          text,
          synthesisOptions,
          Comlink.proxy((pcm: Float32Array) => queue.push(pcm)),
        ),
        worker.failed,
      ]).then(
        () => queue.end(),
        (err: unknown) => queue.fail(err),
      );
      try {
        yield* queue;
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
        // The consumer stopped early (barge-in, break): stop synthesising the rest.
        if (!queue.finished) void worker.api.cancel(callId);
      }
    },
    async dispose(): Promise<void> {
      if (disposed) return;
      disposed = true;
      await worker.api.dispose().catch(() => undefined);
      worker.terminate();
    },
  };
}
