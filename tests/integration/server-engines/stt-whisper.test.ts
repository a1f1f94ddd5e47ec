// The server's Whisper engine (transformers.js on onnxruntime-node) on the generated contract pack:
// proves the pipeline path from the model store (file names for the chosen dtype, local-only
// loading, feature extraction, encoder, merged decoder, decode), not recognition quality.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWhisper, type NodeSpeechToText } from '../../../server/engines/stt-whisper.ts';
import { WHISPER_PACK_ID, WHISPER_SPEECH_PHRASE } from '../../../scripts/contract-models/whisper.ts';
import { makeUtteranceWav, readWav } from '../../helpers/utterance.ts';
import { openTestModelStore } from './model-store-fixture.ts';

describe('Whisper engine from the model store (contract pack, transformers.js on onnxruntime-node)', () => {
  let stt: NodeSpeechToText;
  let cleanup = (): void => {};

  beforeAll(async () => {
    const store = await openTestModelStore();
    cleanup = store.cleanup;
    stt = await loadWhisper(store.models, { packId: WHISPER_PACK_ID });
  });
  afterAll(async () => {
    await stt?.dispose();
    cleanup();
  });

  it('loads the quantized files (q8) the pack ships', () => {
    expect(stt.dtype).toBe('q8');
  });

  it('turns a spoken utterance into the contract phrase', async () => {
    const wav = readWav(makeUtteranceWav('Tell me a story about a brave turtle.'));
    expect(await stt.transcribe(wav.samples, {})).toEqual({ text: WHISPER_SPEECH_PHRASE.trim(), language: 'en' });
  });

  it('returns an empty transcript for silence', async () => {
    expect((await stt.transcribe(new Float32Array(16000), {})).text).toBe('');
  });

  it('refuses to start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(stt.transcribe(new Float32Array(16000), { signal: controller.signal })).rejects.toThrow();
  });
});
