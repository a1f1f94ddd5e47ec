// Stub server engines for agent tests about rooms, not speech: they hear nothing and say nothing.
import type { ServerEngines } from '../../../server/engines/index.ts';
import type { Vad } from '../../../src/core/engines.ts';

/** `failVad` is asked at each createVad: true makes that session's VAD fail to start. */
export function stubEngines(failVad: () => boolean = () => false): ServerEngines {
  const createVad = (): Vad => {
    if (failVad()) throw new Error('stub VAD exploded');
    return { frameSamples: 512, process: () => Promise.resolve(0), reset: () => {} };
  };
  return {
    createVad,
    stt: { transcribe: () => Promise.resolve({ text: '' }) },
    llm: { async *chat() {} },
    tts: { sampleRate: 16000, async *synthesize() {} },
    embedder: null,
    report: ['stub'],
    dispose: () => Promise.resolve(),
  } as unknown as ServerEngines;
}
