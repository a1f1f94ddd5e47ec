// The session talks to whichever engine is loaded for each role at the moment of the call:
// typing works before voice detection has finished loading, and a model installed while the
// page is open is picked up without losing the conversation. (Voice detection is read from the
// microphone's stream instead: mic-vad.ts.)

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
    transcribe(audio, opts) {
      const stt = hub.current('stt');
      if (!stt) return Promise.reject(new Error('Speech recognition is not installed.'));
      return stt.transcribe(audio, opts);
    },
  };
}

/** The language model in use right now. */
export function currentLlm(hub: EngineHub): ChatModel {
  return {
    stream(req) {
      const llm = hub.current('llm');
      if (!llm) throw new NoLanguageModelError();
      return llm.stream(req);
    },
  };
}

/** The voice in use right now. */
export function currentTts(hub: EngineHub): TextToSpeech {
  return {
    get sampleRate() {
      return hub.current('tts')?.sampleRate ?? 16_000;
    },
    synthesize(text, opts) {
      const tts = hub.current('tts');
      if (!tts) throw new Error('No voice is loaded.');
      return tts.synthesize(text, opts);
    },
  };
}
