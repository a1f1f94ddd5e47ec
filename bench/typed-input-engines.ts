// Typed-input benches skip VAD and STT: these two are never called, and say so if they were.
import type { SpeechToText, Vad } from '../src/core/index.ts';

export function typedInputEngines(bench: string): { vad: Vad; stt: SpeechToText } {
  return {
    vad: {
      frameSamples: 512,
      process: () => Promise.reject(new Error(`${bench} bench uses typed input: no VAD`)),
      reset: () => {},
    },
    stt: { transcribe: () => Promise.reject(new Error(`${bench} bench uses typed input: no STT`)) },
  };
}
