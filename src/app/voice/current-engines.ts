// The session talks to whichever engine is loaded for each role at the moment of the call:
// typing works before voice detection has finished loading, and a model installed while the
// page is open is picked up without losing the conversation. An engine still loading is waited
// for by the call that needs it, so listening starts before the big engines are ready and a turn
// waits only for what it uses. (Voice detection is read from the microphone's stream instead:
// mic-vad.ts.)

import type { ChatModel, SpeechToText, TextToSpeech } from '../../core/engines.ts';
import type { EngineHub } from '../../engines/index.ts';

/** A turn needed the language model and there is none (songs and stories still work without it). */
export class NoLanguageModelError extends Error {
  constructor() {
    super('No language model is loaded.');
    this.name = 'NoLanguageModelError';
  }
}

/** Speech recognition in use right now (it may be installed while the page is open). */
export function currentStt(hub: EngineHub): SpeechToText {
  return {
    async transcribe(audio, opts) {
      const stt = hub.current('stt') ?? (hub.isLoading('stt') ? await hub.engine('stt') : null);
      if (!stt) throw new Error('Speech recognition is not installed.');
      return stt.transcribe(audio, opts);
    },
  };
}

/** The language model in use right now. */
export function currentLlm(hub: EngineHub): ChatModel {
  return {
    stream(req) {
      const llm = hub.current('llm');
      if (llm) return llm.stream(req);
      if (!hub.isLoading('llm')) throw new NoLanguageModelError();
      return streamOnceLoaded(hub, req);
    },
  };
}

async function* streamOnceLoaded(hub: EngineHub, req: Parameters<ChatModel['stream']>[0]) {
  const llm = await hub.engine('llm');
  if (!llm) throw new NoLanguageModelError();
  yield* llm.stream(req);
}

/** The voice in use right now. */
export function currentTts(hub: EngineHub): TextToSpeech {
  return {
    get sampleRate() {
      return hub.current('tts')?.sampleRate ?? 16_000;
    },
    synthesize(text, opts) {
      const tts = hub.current('tts');
      if (tts) return tts.synthesize(text, opts);
      if (!hub.isLoading('tts')) throw new Error('No voice is loaded.');
      return synthesizeOnceLoaded(hub, text, opts);
    },
  };
}

async function* synthesizeOnceLoaded(hub: EngineHub, ...args: Parameters<TextToSpeech['synthesize']>) {
  const tts = await hub.engine('tts');
  if (!tts) throw new Error('No voice is loaded.');
  yield* tts.synthesize(...args);
}
