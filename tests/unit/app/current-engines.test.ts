// The session's stand-ins for the browser engines wait for an engine that is still loading, so
// listening can start before speech recognition, the language model and the voice are ready.
// The loaders are test doubles for the browser-only engine factories.
import { describe, expect, it } from 'vitest';
import { currentLlm, currentStt, currentTts, NoLanguageModelError } from '../../../src/app/voice/current-engines.ts';
import type { ChatChunk } from '../../../src/core/engines.ts';
import { EngineHub, type EngineLoaders, type LoadedEngines } from '../../../src/engines/engine-hub.ts';
import type { EnginePlan } from '../../../src/engines/select.ts';

const info = (role: 'vad' | 'stt' | 'llm' | 'tts') => ({
  role,
  engine: 'test-double',
  model: role,
  backend: 'wasm' as const,
});

/** A loader held until the test releases it. */
function held<T>(value: T) {
  let release = (): void => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { load: () => gate.then(() => value), release };
}

const vad: LoadedEngines['vad'] = {
  info: info('vad'),
  dispose: () => {},
  frameSamples: 512,
  process: () => Promise.resolve(0),
  reset: () => {},
  openStream: () => ({
    push: () => {},
    result: () => Promise.resolve(0),
    reset: () => {},
    close: () => Promise.resolve(),
  }),
};
const stt: LoadedEngines['stt'] = {
  info: info('stt'),
  dispose: () => {},
  transcribe: () => Promise.resolve({ text: 'hello' }),
};
const llm: LoadedEngines['llm'] = {
  info: info('llm'),
  dispose: () => {},
  async *stream() {
    yield { type: 'text', text: 'Hi!' } satisfies ChatChunk;
  },
};
const tts: LoadedEngines['tts'] = {
  info: info('tts'),
  dispose: () => {},
  sampleRate: 22_050,
  async *synthesize() {
    yield new Float32Array(10);
  },
};

const PLAN: EnginePlan = {
  vad: { engine: 'silero', packId: 'silero-vad-v5' },
  stt: { engine: 'whisper', packId: 'whisper-tiny-en', title: 'Whisper' },
  llm: { engine: 'wllama', packId: 'stories260K', title: 'stories260K', file: 'stories260K.gguf', demo: true },
  tts: { engine: 'classic', packId: 'flite-classic' },
};

describe('engine stand-ins while engines load', () => {
  it('a call waits for its engine while it loads, and goes through once it is in', async () => {
    const sttLoad = held(stt);
    const llmLoad = held(llm);
    const ttsLoad = held(tts);
    const loaders: EngineLoaders = {
      vad: () => Promise.resolve(vad),
      stt: sttLoad.load,
      llm: llmLoad.load,
      tts: ttsLoad.load,
    };
    const hub = new EngineHub(loaders);
    hub.apply(PLAN);
    expect(await hub.engine('vad')).toBe(vad); // listening can start now

    const heard = currentStt(hub).transcribe(new Float32Array(16), {});
    const said: string[] = [];
    const reply = (async () => {
      for await (const chunk of currentLlm(hub).stream({ messages: [] }))
        if (chunk.type === 'text') said.push(chunk.text);
    })();
    const voiced: Float32Array[] = [];
    const voice = (async () => {
      for await (const pcm of currentTts(hub).synthesize('Hi!', {})) voiced.push(pcm);
    })();

    sttLoad.release();
    expect(await heard).toEqual({ text: 'hello' });
    llmLoad.release();
    await reply;
    expect(said).toEqual(['Hi!']);
    ttsLoad.release();
    await voice;
    expect(voiced).toHaveLength(1);
    expect(currentTts(hub).sampleRate).toBe(22_050);
  });

  it('a role with no engine fails at once, as before (no waiting for what will never come)', async () => {
    const hub = new EngineHub({
      vad: () => Promise.resolve(vad),
      stt: () => Promise.resolve(null),
      llm: () => Promise.resolve(null),
      tts: () => Promise.resolve(tts),
    });
    hub.apply({ ...PLAN, stt: { engine: 'none', fix: null }, llm: { engine: 'none', fix: null } });
    await expect(currentStt(hub).transcribe(new Float32Array(16), {})).rejects.toThrow(/not installed/);
    expect(() => currentLlm(hub).stream({ messages: [] })).toThrow(NoLanguageModelError);
  });
});
