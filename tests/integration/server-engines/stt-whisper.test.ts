// The server's Whisper engine (transformers.js on onnxruntime-node) on the generated contract pack:
// proves the pipeline path from the model store (file names for the chosen dtype, local-only
// loading, feature extraction, encoder, merged decoder, decode), not recognition quality.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWhisperThreads, loadWhisper, type NodeSpeechToText } from '../../../server/engines/stt-whisper.ts';
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

  it('leaves the event loop free while it transcribes (Whisper runs on its own thread)', async () => {
    // In-process, feature extraction and the decoder's JavaScript held the loop for ~90% of a
    // transcription, stalling the embedded room server's packet forwarding. The share of the loop's
    // time spent busy (not a time window) tells the two apart, with or without other load.
    const wav = readWav(makeUtteranceWav('Tell me a story about a brave turtle.'));
    const before = performance.eventLoopUtilization();
    const transcript = await stt.transcribe(wav.samples, {});
    const busy = performance.eventLoopUtilization(before).utilization;
    expect(transcript.text).toBe(WHISPER_SPEECH_PHRASE.trim());
    expect(busy).toBeLessThan(0.5);
  });

  it('stops a transcription aborted midway, and the next one still works', async () => {
    const wav = readWav(makeUtteranceWav('Tell me a story about a brave turtle.'));
    const controller = new AbortController();
    const aborted = stt.transcribe(wav.samples, { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toThrow();
    expect((await stt.transcribe(wav.samples, {})).text).toBe(WHISPER_SPEECH_PHRASE.trim());
  });

  it('refuses to start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(stt.transcribe(new Float32Array(16000), { signal: controller.signal })).rejects.toThrow();
  });
});

describe('Whisper engine after dispose', () => {
  it('says speech recognition has stopped instead of hanging', async () => {
    const store = await openTestModelStore();
    try {
      const stt = await loadWhisper(store.models, { packId: WHISPER_PACK_ID });
      await stt.dispose();
      await expect(stt.transcribe(new Float32Array(16000), {})).rejects.toThrow(/speech recognition stopped/);
    } finally {
      store.cleanup();
    }
  });
});

describe('Whisper thread count', () => {
  it("is one on a box of two cores or fewer, onnxruntime's own choice on larger ones", () => {
    expect(defaultWhisperThreads(1)).toBe(1);
    expect(defaultWhisperThreads(2)).toBe(1);
    expect(defaultWhisperThreads(8)).toBeUndefined();
  });

  it('reaches onnxruntime: a count it refuses fails the load, two threads transcribe the same', async () => {
    const store = await openTestModelStore();
    try {
      await expect(loadWhisper(store.models, { packId: WHISPER_PACK_ID, threads: -1 })).rejects.toThrow(
        /intraOpNumThreads/,
      );
      const stt = await loadWhisper(store.models, { packId: WHISPER_PACK_ID, threads: 2 });
      try {
        const wav = readWav(makeUtteranceWav('Tell me a story about a brave turtle.'));
        expect((await stt.transcribe(wav.samples, {})).text).toBe(WHISPER_SPEECH_PHRASE.trim());
      } finally {
        await stt.dispose();
      }
    } finally {
      store.cleanup();
    }
  });
});
