// One full text turn through the real src/core VoiceSession with the Node engines from
// createServerEngines: stories260K on node-llama-cpp and the classic voice, into a recording output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerEngines, type ServerEngines } from '../../../server/engines/index.ts';
import type { AudioOutput, SpeechToText, Vad } from '../../../src/core/engines.ts';
import { builtinPersona, CHILD_COMPANION_ID, toPromptPersona } from '../../../src/core/personas/index.ts';
import type { TurnMetrics } from '../../../src/core/metrics.ts';
import { VoiceSession } from '../../../src/core/voice-session.ts';
import { openTestModelStore, rms } from './model-store-fixture.ts';

class RecordingOutput implements AudioOutput {
  readonly chunks: { pcm: Float32Array; sampleRate: number }[] = [];
  enqueue(pcm: Float32Array, sampleRate: number): void {
    this.chunks.push({ pcm, sampleRate });
  }
  flush(): void {}
  whenIdle(): Promise<void> {
    return Promise.resolve();
  }
}

describe('VoiceSession text turn with the Node engines', () => {
  let engines: ServerEngines;
  let cleanup = (): void => {};

  beforeAll(async () => {
    const store = await openTestModelStore();
    cleanup = store.cleanup;
    engines = await createServerEngines({
      models: store.models,
      packs: { llm: 'stories260K', tts: 'flite-classic' },
      skip: ['stt', 'embeddings'],
      llmThreads: 1,
    });
  });
  afterAll(async () => {
    await engines?.dispose();
    cleanup();
  });

  it('speaks a stories260K reply with the classic voice and emits turn metrics', async () => {
    expect(engines.llm).not.toBeNull();
    expect(engines.createVad).not.toBeNull();
    const unusedStt: SpeechToText = { transcribe: () => Promise.reject(new Error('text turns need no STT')) };
    const persona = builtinPersona(CHILD_COMPANION_ID);
    if (!persona || !engines.llm || !engines.createVad) throw new Error('missing fixture');
    const vad: Vad = engines.createVad();
    const output = new RecordingOutput();
    const session = new VoiceSession({
      vad,
      stt: unusedStt,
      llm: engines.llm,
      tts: engines.tts,
      output,
      persona: toPromptPersona(persona),
    });
    const metrics: TurnMetrics[] = [];
    const errors: Error[] = [];
    session.on('metrics', (m) => metrics.push(m));
    session.on('error', (e) => errors.push(e.error));
    session.start();
    await session.sendText('Tell me a story about a brave turtle.');
    session.stop();

    expect(errors).toEqual([]);
    expect(output.chunks.length).toBeGreaterThan(0);
    expect(output.chunks.every((c) => c.sampleRate === engines.tts.sampleRate)).toBe(true);
    expect(Math.max(...output.chunks.map((c) => rms(c.pcm)))).toBeGreaterThan(0.02);
    expect(metrics).toHaveLength(1);
    expect(session.history.at(-1)).toMatchObject({ role: 'assistant' });
  });
});
