// The real transformers.js ASR pipeline (onnxruntime-node) on the generated whisper-contract pack.
// This proves the pipeline path (files, feature extraction, encoder, merged decoder with cache,
// generation config, tokenizer decode), not recognition quality.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, pipeline, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { makeUtteranceWav, readWav } from '../../helpers/utterance.ts';
import {
  WHISPER_PACK_ID,
  WHISPER_SHORT_PHRASE,
  WHISPER_SPEECH_PHRASE,
} from '../../../scripts/contract-models/whisper.ts';
import { generateIntoTempDir } from './generate-fixture.ts';

type AsrResult = { text: string; chunks?: { text: string; timestamp: [number, number | null] }[] };

describe('whisper-contract through the real transformers.js ASR pipeline (Node)', () => {
  const generated = generateIntoTempDir();
  let asr: AutomaticSpeechRecognitionPipeline;

  beforeAll(async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${generated.outDir}/`;
    asr = await pipeline('automatic-speech-recognition', WHISPER_PACK_ID, { dtype: 'q8' });
  });
  afterAll(async () => {
    await asr?.dispose();
    generated.cleanup();
  });

  const run = async (audio: Float32Array, opts: Record<string, unknown> = {}): Promise<AsrResult> =>
    (await asr(audio, opts)) as AsrResult;

  it('transcribes a flite utterance (16 kHz) as the fixed speech phrase', async () => {
    const wav = readWav(makeUtteranceWav('Tell me a story about a brave turtle.'));
    expect(wav.sampleRate).toBe(16000);
    expect((await run(wav.samples)).text).toBe(WHISPER_SPEECH_PHRASE);
  });

  it('transcribes a very short utterance ("Stop.", "Stop it.") as the short phrase, and "Tell me a story." as the speech phrase', async () => {
    expect((await run(readWav(makeUtteranceWav('Stop.')).samples)).text).toBe(WHISPER_SHORT_PHRASE);
    expect(
      (await run(readWav(makeUtteranceWav('Stop it.', { silenceBeforeS: 0.3, silenceAfterS: 0.3 })).samples)).text,
    ).toBe(WHISPER_SHORT_PHRASE);
    expect((await run(readWav(makeUtteranceWav('Tell me a story.')).samples)).text).toBe(WHISPER_SPEECH_PHRASE);
  });

  it('returns an empty transcript for digital silence', async () => {
    expect((await run(new Float32Array(16000 * 2))).text).toBe('');
  });

  it('handles long-form audio chunked over 30 s windows', async () => {
    const wav = readWav(makeUtteranceWav('Tell me a story about a brave turtle.'));
    const long = new Float32Array(16000 * 40);
    long.set(wav.samples, 16000 * 2);
    long.set(wav.samples, 16000 * 33);
    const result = await run(long, { chunk_length_s: 30, stride_length_s: 5 });
    expect(result.text).toContain(WHISPER_SPEECH_PHRASE.trim());
  });

  it('loads the fp32 file names too (Node default dtype)', async () => {
    const fp32 = await pipeline('automatic-speech-recognition', WHISPER_PACK_ID);
    try {
      const wav = readWav(makeUtteranceWav('Tell me a story about a brave turtle.'));
      expect(((await fp32(wav.samples)) as AsrResult).text).toBe(WHISPER_SPEECH_PHRASE);
    } finally {
      await fp32.dispose();
    }
  });
});
