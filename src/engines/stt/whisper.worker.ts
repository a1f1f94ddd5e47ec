// Whisper in a worker: transformers.js' ASR pipeline, loaded once from Hearth's /models/ and kept
// warm. Runs on WebGPU when there is a real GPU, else on WASM (threaded when cross-origin isolated).
import * as Comlink from 'comlink';
import {
  env,
  InterruptableStoppingCriteria,
  pipeline,
  type AutomaticSpeechRecognitionPipeline,
} from '@huggingface/transformers';
import type { Transcript } from '../../core/engines.ts';
import { chooseBackend, configureTransformersEnv, transformersOrtBuild, type TransformersEnvLike } from '../ort.ts';
import type { LoadProgressListener } from '../types.ts';
import { transformersProgress } from '../worker-utils.ts';
import type { WhisperLoaded, WhisperLoadOptions } from './whisper-protocol.ts';

/** Epoch ms (comparable with the page's): the module's imports are loaded and it runs. */
const scriptEvaluatedAt = performance.timeOrigin + performance.now();
const epochNow = (): number => performance.timeOrigin + performance.now();

/** Tokens the warm-up run may generate. */
const WARM_UP_TOKENS = 3;

let asr: AutomaticSpeechRecognitionPipeline | null = null;
let multilingual = false;
/** The warm-up run after load: transcriptions wait for it (one pipeline runs one call at a time). */
let warmedUp: Promise<unknown> = Promise.resolve();
const running = new Map<number, InterruptableStoppingCriteria>();

const api = {
  async load(opts: WhisperLoadOptions, onProgress: LoadProgressListener): Promise<WhisperLoaded> {
    const loadStartedAt = epochNow();
    const choice = await chooseBackend(opts.backend);
    const ortBuild = opts.webGpuBuildOnCpu ? 'webgpu' : transformersOrtBuild(choice.backend);
    const threads = configureTransformersEnv(env as unknown as TransformersEnvLike, ortBuild);
    const pipelineStartedAt = epochNow();
    let lastFileAt = pipelineStartedAt;
    const progress = transformersProgress('stt', onProgress);
    asr = await pipeline('automatic-speech-recognition', opts.packId, {
      device: choice.backend,
      dtype: opts.dtype,
      progress_callback: (info: unknown) => {
        if ((info as { status?: string }).status === 'done') lastFileAt = epochNow();
        progress(info);
      },
    });
    const stages = {
      scriptEvaluatedAt,
      loadStartedAt,
      backendMs: pipelineStartedAt - loadStartedAt,
      filesMs: lastFileAt - pipelineStartedAt,
      pipelineMs: epochNow() - pipelineStartedAt,
    };
    multilingual = Boolean(
      (asr.model as { generation_config?: { is_multilingual?: boolean } }).generation_config?.is_multilingual,
    );
    // One short run compiles kernels and allocates buffers, so the first real utterance is fast.
    // A few tokens run the encoder and both decoder steps (first, then with its cache); more only
    // cost time (a model may "hear" a long line in silence). It runs after load returns: the
    // engine is in ~1.5 s sooner and the warm-up overlaps the first words someone speaks; a
    // transcription that comes before it ends waits for it. A failed warm-up fails that call.
    warmedUp = asr(new Float32Array(16000), { max_new_tokens: WARM_UP_TOKENS });
    if (opts.warmUpBeforeReady) await warmedUp;
    else warmedUp.catch((error: unknown) => console.warn('Hearth: the speech recognition warm-up failed', error));
    onProgress({ role: 'stt', stage: 'Ready', loaded: 1, total: 1 });
    const detail =
      choice.backend === 'wasm'
        ? `${threads} thread${threads === 1 ? '' : 's'}, ${opts.dtype}; ${choice.reason}`
        : `${choice.reason}, ${opts.dtype}`;
    return {
      info: { role: 'stt', engine: 'transformers.js', model: opts.packId, backend: choice.backend, detail },
      stages,
    };
  },

  async transcribe(callId: number, audio: Float32Array, language?: string): Promise<Transcript> {
    if (!asr) throw new Error('Whisper is not loaded');
    const stop = new InterruptableStoppingCriteria();
    running.set(callId, stop);
    try {
      await warmedUp;
      // Cancelled while the warm-up ran: the caller has already given up on this call.
      if (stop.interrupted) return { text: '', language };
      // English-only checkpoints (*.en) reject a language option; they are English by definition.
      const languageOption = multilingual && language ? { language: language.split('-')[0] } : {};
      const out = (await asr(audio, {
        stopping_criteria: [stop],
        chunk_length_s: audio.length > 16000 * 30 ? 30 : 0,
        ...languageOption,
      })) as { text: string };
      return { text: out.text.trim(), language: multilingual ? language : 'en' };
    } finally {
      running.delete(callId);
    }
  },

  /** Stops a running transcription at the next decoding step. */
  cancel(callId: number): void {
    running.get(callId)?.interrupt();
  },

  async dispose(): Promise<void> {
    await warmedUp.catch(() => undefined);
    await asr?.dispose();
    asr = null;
  },
};

export type WhisperWorkerApi = typeof api;
Comlink.expose(api);
