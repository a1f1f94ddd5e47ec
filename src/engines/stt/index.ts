// Speech to text in the browser: Whisper (transformers.js) in a worker. See whisper.worker.ts.
import * as Comlink from 'comlink';
import type { SpeechToText, TranscribeOptions, Transcript } from '../../core/engines.ts';
import type { BackendPreference } from '../ort.ts';
import type { EngineInfo, LoadProgressListener } from '../types.ts';
import { abortable, wrapEngineWorker } from '../worker-utils.ts';
import type { WhisperWorkerApi } from './whisper.worker.ts';
import type { WhisperDtype } from './whisper-protocol.ts';
import { startupOldPath } from '../vad/startup-path.ts';

export type { WhisperDtype } from './whisper-protocol.ts';

export interface WhisperOptions {
  /** Model pack id; files come from /models/<packId>/ on the Hearth server. */
  packId: string;
  onProgress?: LoadProgressListener;
  /** 'auto' (default): WebGPU on a real GPU, else WASM. */
  backend?: BackendPreference;
  /** Default 'q8': the quantized files Hearth's Whisper packs ship. */
  dtype?: WhisperDtype;
}

export type WhisperSpeechToText = SpeechToText & { readonly info: EngineInfo; dispose(): Promise<void> };

export async function createWhisperSpeechToText(opts: WhisperOptions): Promise<WhisperSpeechToText> {
  const worker = wrapEngineWorker<WhisperWorkerApi>(
    new Worker(new URL('./whisper.worker.ts', import.meta.url), { type: 'module', name: 'hearth-whisper' }),
  );
  const onProgress = opts.onProgress ?? (() => {});
  // Startup stages, for bench:startup (epoch ms, to compare with the worker's instants).
  const startedAt = performance.timeOrigin + performance.now();
  let info: EngineInfo;
  try {
    const loaded = await Promise.race([
      worker.api.load(
        {
          packId: opts.packId,
          backend: opts.backend ?? 'auto',
          dtype: opts.dtype ?? 'q8',
          warmUpBeforeReady: startupOldPath(),
          webGpuBuildOnCpu: startupOldPath(),
        },
        Comlink.proxy(onProgress),
      ),
      worker.failed,
    ]);
    info = loaded.info;
    const { scriptEvaluatedAt, loadStartedAt, backendMs, filesMs, pipelineMs } = loaded.stages;
    performance.mark('hearth:stt:loaded', {
      detail: {
        // Starting the worker and evaluating its script (transformers.js, onnxruntime's JS).
        workerScriptMs: scriptEvaluatedAt - startedAt,
        workerToLoadMs: loadStartedAt - scriptEvaluatedAt,
        backendMs,
        filesMs,
        // After the last file: onnxruntime's WASM instantiated, its static start-up and the first
        // session (kernel registration), which dominate even for a tiny model.
        sessionsMs: pipelineMs - filesMs,
      },
    });
  } catch (err) {
    worker.terminate();
    throw err;
  }

  let nextCall = 0;
  let disposed = false;
  return {
    info,
    /** `audio`: 16 kHz mono PCM of one utterance. It is copied to the worker, never detached. */
    async transcribe(audio: Float32Array, options: TranscribeOptions): Promise<Transcript> {
      if (disposed) throw new Error('Whisper engine was disposed');
      const callId = ++nextCall;
      return abortable(
        () => Promise.race([worker.api.transcribe(callId, audio, options.language), worker.failed]),
        options.signal,
        () => void worker.api.cancel(callId),
      );
    },
    async dispose(): Promise<void> {
      if (disposed) return;
      disposed = true;
      await worker.api.dispose().catch(() => undefined);
      worker.terminate();
    },
  };
}
