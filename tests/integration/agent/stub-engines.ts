// Test doubles of the server engines for agent tests about rooms, not speech: they hear nothing
// and say nothing. Each one implements the real interface, so a change to ServerEngines or to an
// engine interface shows up here as a type error instead of hiding behind a cast.
import type { ServerEngines } from '../../../server/engines/index.ts';
import type { NodeChatModel } from '../../../server/engines/llm-llama-cpp.ts';
import type { NodeSpeechToText } from '../../../server/engines/stt-whisper.ts';
import type { NodeTextToSpeech } from '../../../server/engines/tts-classic.ts';
import type { ChatChunk, Transcript, Vad } from '../../../src/core/engines.ts';

/** A speech recogniser double that hears nothing in any utterance. */
export const silentSpeechToTextDouble: NodeSpeechToText = {
  packId: 'stub-stt',
  dtype: 'q8',
  transcribe: (): Promise<Transcript> => Promise.resolve({ text: '' }),
  dispose: () => Promise.resolve(),
};

/** A chat model double whose every reply is empty. */
export const emptyChatModelDouble: NodeChatModel = {
  packId: 'stub-llm',
  hasChatTemplate: true,
  parallel: 1,
  async *stream(): AsyncGenerator<ChatChunk> {},
  dispose: () => Promise.resolve(),
};

/** A voice double that says nothing. */
export const silentVoiceDouble: NodeTextToSpeech = {
  model: 'stub-tts',
  sampleRate: 16_000,
  async *synthesize(): AsyncGenerator<Float32Array> {},
  dispose: () => Promise.resolve(),
};

/** `failVad` is asked at each createVad: true makes that session's VAD fail to start. */
export function stubEngines(failVad: () => boolean = () => false): ServerEngines {
  const createVad = (): Vad => {
    if (failVad()) throw new Error('stub VAD exploded');
    return { frameSamples: 512, process: () => Promise.resolve(0), reset: () => {} };
  };
  return {
    createVad,
    stt: silentSpeechToTextDouble,
    llm: emptyChatModelDouble,
    tts: silentVoiceDouble,
    embedder: null,
    turnEnd: null,
    report: ['stub'],
    dispose: () => Promise.resolve(),
  };
}
