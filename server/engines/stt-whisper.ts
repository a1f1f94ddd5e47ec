// Whisper on the server: transformers.js' ASR pipeline on onnxruntime-node (CPU), loaded once from
// the model store and kept warm. The dtype is explicit so the file names are predictable:
// q8 -> onnx/*_quantized.onnx (what Hearth's Whisper packs ship), fp32 -> onnx/*.onnx.
import {
  InterruptableStoppingCriteria,
  pipeline,
  type AutomaticSpeechRecognitionPipeline,
} from '@huggingface/transformers';
import type { SpeechToText, TranscribeOptions, Transcript } from '../../src/core/engines.ts';
import type { ModelStore } from '../models/store.ts';
import { requireModelFile, transformersModelRoot } from './model-files.ts';
import { loadFromLocalModels } from './transformers-local.ts';

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

const SAMPLE_RATE = 16_000;

export async function loadWhisper(models: ModelStore, opts: WhisperOptions): Promise<NodeSpeechToText> {
  const { packId } = opts;
  const root = await transformersModelRoot(models, packId);
  const dtype = opts.dtype ?? ((await models.resolveFile(packId, 'onnx/encoder_model_quantized.onnx')) ? 'q8' : 'fp32');
  const suffix = dtype === 'q8' ? '_quantized' : '';
  // Fail with the pack's own fix rather than transformers.js' "file not found".
  await requireModelFile(models, packId, `onnx/encoder_model${suffix}.onnx`);
  await requireModelFile(models, packId, `onnx/decoder_model_merged${suffix}.onnx`);
  const asr: AutomaticSpeechRecognitionPipeline = await loadFromLocalModels(root, () =>
    pipeline('automatic-speech-recognition', packId, { device: 'cpu', dtype }),
  );
  const multilingual = Boolean(
    (asr.model as { generation_config?: { is_multilingual?: boolean } }).generation_config?.is_multilingual,
  );
  // One short run allocates buffers, so the first real utterance is not the slow one.
  await asr(new Float32Array(SAMPLE_RATE / 2));

  // One transcription at a time: onnxruntime already uses the cores, and order keeps latency fair.
  let queue: Promise<unknown> = Promise.resolve();
  const transcribeNow = async (audio: Float32Array, options: TranscribeOptions): Promise<Transcript> => {
    const signal = options.signal;
    signal?.throwIfAborted();
    const stop = new InterruptableStoppingCriteria();
    const onAbort = () => stop.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // English-only checkpoints (*.en) reject a language option; they are English by definition.
      const language = multilingual && options.language ? { language: options.language.split('-')[0] } : {};
      const longForm = audio.length > SAMPLE_RATE * 30 ? { chunk_length_s: 30, stride_length_s: 5 } : {};
      const out = (await asr(audio, { stopping_criteria: [stop], ...longForm, ...language })) as { text: string };
      signal?.throwIfAborted();
      return { text: out.text.trim(), language: multilingual ? options.language : 'en' };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };

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
      await asr.dispose();
    },
  };
}
