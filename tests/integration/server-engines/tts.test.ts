// The server voices: Piper (onnxruntime-node + phonemizer's espeak-ng WASM) on the generated
// contract voice — proves the text -> phonemes -> ids -> model -> PCM path — and the classic flite voice.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadClassicVoice, type NodeTextToSpeech } from '../../../server/engines/tts-classic.ts';
import { loadPiperVoice } from '../../../server/engines/tts-piper.ts';
import { PIPER_PACK_ID } from '../../../scripts/contract-models/piper.ts';
import { openTestModelStore, rms } from './model-store-fixture.ts';

async function speak(tts: NodeTextToSpeech, text: string): Promise<{ chunks: number; samples: Float32Array }> {
  const parts: Float32Array[] = [];
  for await (const pcm of tts.synthesize(text, {})) parts.push(pcm);
  const samples = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    samples.set(p, offset);
    offset += p.length;
  }
  return { chunks: parts.length, samples };
}

/**
 * Speaks a story sentence and reports how long it is and the share of the event loop's time spent
 * busy meanwhile (not a time window): near 1 when synthesis blocks the loop, low when it runs elsewhere.
 */
async function speakAStory(tts: NodeTextToSpeech): Promise<{ seconds: number; busy: number }> {
  const before = performance.eventLoopUtilization();
  const spoken = await speak(
    tts,
    'Once upon a time there was a little girl named Lily who loved to play in the park with her friends.',
  );
  return {
    seconds: spoken.samples.length / tts.sampleRate,
    busy: performance.eventLoopUtilization(before).utilization,
  };
}

describe('server voices', () => {
  let piper: NodeTextToSpeech;
  let classic: NodeTextToSpeech;
  let cleanup = (): void => {};

  beforeAll(async () => {
    const store = await openTestModelStore();
    cleanup = store.cleanup;
    piper = await loadPiperVoice(store.models, { packId: PIPER_PACK_ID });
    classic = await loadClassicVoice(store.models);
  });
  afterAll(async () => {
    await piper?.dispose();
    await classic?.dispose();
    cleanup();
  });

  it('Piper path (contract voice): text becomes non-silent 22050 Hz PCM that grows with the text', async () => {
    expect(piper.sampleRate).toBe(22050);
    const short = await speak(piper, 'Hello there.');
    const long = await speak(
      piper,
      'Once upon a time a brave little turtle swam all the way across the wide blue sea, and sang.',
    );
    expect(rms(short.samples)).toBeGreaterThan(0.05);
    expect(long.samples.length).toBeGreaterThan(short.samples.length * 3);
    // Long sentences stream in several chunks, so playback starts before the sentence is done.
    expect(long.chunks).toBeGreaterThan(1);
  });

  it('Piper stops on abort', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = async () => {
      for await (const _pcm of piper.synthesize('Hello there.', { signal: controller.signal })) void _pcm;
    };
    await expect(run()).rejects.toThrow();
  });

  it('Piper leaves the event loop free while it speaks (espeak-ng phonemizes on its own thread)', async () => {
    // In-process, espeak-ng's synchronous WASM held the loop that forwards every toy's audio for
    // 15-50 ms a sentence; the model itself runs on onnxruntime's threads.
    const { seconds, busy } = await speakAStory(piper);
    expect(seconds).toBeGreaterThan(2);
    expect(busy).toBeLessThan(0.5);
  });

  it('the classic voice (flite WASI) speaks non-silent 16 kHz PCM, and nothing for punctuation alone', async () => {
    expect(classic.sampleRate).toBe(16000);
    const spoken = await speak(classic, 'Hello, I am the classic voice.');
    expect(spoken.samples.length).toBeGreaterThan(16000 * 0.8);
    expect(rms(spoken.samples)).toBeGreaterThan(0.02);
    expect((await speak(classic, '...')).samples.length).toBe(0);
  });

  it('the classic voice leaves the event loop free while it speaks (flite runs on its own thread)', async () => {
    // In-process, each sentence was 60-130 ms of synchronous WASM on the loop that forwards every
    // toy's audio.
    const { seconds, busy } = await speakAStory(classic);
    expect(seconds).toBeGreaterThan(2);
    expect(busy).toBeLessThan(0.5);
  });
});
