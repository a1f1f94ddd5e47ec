// Piper synthesis, the same in the browser worker (onnxruntime-web) and on the server
// (onnxruntime-node): text -> espeak-ng phonemes -> clause chunks -> phoneme ids -> the model's
// inputs -> PCM, one chunk at a time so the first words play before the sentence is done.
// The phonemizer and the model run are passed in: each home has its own onnxruntime.
import { chunkClauses, phonemeIds, type PiperVoiceConfig } from './piper-voice-config.ts';

/** espeak-ng phonemization (the `phonemizer` package in both homes): clauses of IPA phonemes. */
export type Phonemize = (text: string, espeakVoice: string) => Promise<string[]>;

export interface PiperSpeechOptions {
  /** Speaking rate multiplier, 1 = normal (clamped to 0.25..4). */
  rate?: number;
  /** A speaker name from the voice's speaker_id_map (multi-speaker voices). */
  voice?: string;
}

/** What one run of the VITS model takes: the tensors' contents, without any runtime's Tensor type. */
export interface PiperModelInputs {
  /** `input`, int64 [1, ids.length]. */
  ids: number[];
  /** `scales`, float32 [3]: noise scale, length scale, noise width. */
  scales: [number, number, number];
  /** `sid`, int64 [1], for multi-speaker voices only. */
  speakerId: number | null;
}

/** Runs the model once; returns the PCM (the output's last dimension holds the samples). */
export type RunPiperModel = (inputs: PiperModelInputs) => Promise<Float32Array>;

export function piperModelInputs(ids: number[], config: PiperVoiceConfig, opts: PiperSpeechOptions): PiperModelInputs {
  const inference = config.inference ?? {};
  const lengthScale = (inference.length_scale ?? 1) / Math.min(4, Math.max(0.25, opts.rate ?? 1));
  const speakerId =
    config.num_speakers > 1
      ? ((opts.voice !== undefined ? config.speaker_id_map?.[opts.voice] : undefined) ?? 0)
      : null;
  return { ids, scales: [inference.noise_scale ?? 0.667, lengthScale, inference.noise_w ?? 0.8], speakerId };
}

export function piperPhonemes(text: string, config: PiperVoiceConfig, phonemize: Phonemize): Promise<string[]> {
  if ((config.phoneme_type ?? 'espeak') === 'text') return Promise.resolve([text.toLowerCase()]);
  return phonemize(text, config.espeak.voice);
}

/**
 * Speaks one sentence: yields each clause chunk's PCM as soon as the model has it. `stopped` is
 * asked before each model run, so a cancelled sentence stops without running the model again.
 */
export async function* synthesizePiper(
  text: string,
  config: PiperVoiceConfig,
  deps: { phonemize: Phonemize; run: RunPiperModel; stopped?: () => boolean },
  opts: PiperSpeechOptions = {},
): AsyncGenerator<Float32Array> {
  for (const phonemes of chunkClauses(await piperPhonemes(text, config, deps.phonemize))) {
    if (deps.stopped?.()) return;
    const ids = phonemeIds(phonemes, config.phoneme_id_map);
    if (ids.length <= 2) continue; // nothing the voice can say
    yield await deps.run(piperModelInputs(ids, config, opts));
  }
}
