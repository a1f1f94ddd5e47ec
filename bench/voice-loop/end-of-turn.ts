// The voice loop's spoken phase: the ends of turn of bench:end-of-turn ('fixed', 'transcribe-in-pause',
// 'adaptive', 'adaptive+preemptive') on the browser's own engines: Silero VAD on onnxruntime-web
// and the contract Whisper pack on transformers.js, each in its worker as the app loads them,
// wllama + stories260K and the classic flite voice (which also speaks the child's lines).
import { resample } from '../../src/core/audio/resampler.ts';
import type { ChatModel } from '../../src/core/engines.ts';
import { DEFAULT_VAD_PACK } from '../../src/engines/select.ts';
import { createWhisperSpeechToText } from '../../src/engines/stt/index.ts';
import type { ClassicTextToSpeech } from '../../src/engines/tts/classic/index.ts';
import { createSileroVad } from '../../src/engines/vad/silero-vad.ts';
import { measureEndOfTurnModes, RATE, ScriptWordsStt } from '../end-of-turn/spoken-turns.ts';

/** The contract Whisper pack the bench's server serves (scripts/contract-models). */
const WHISPER_PACK = 'whisper-contract';

export async function measureSpokenEndOfTurn(llm: ChatModel, tts: ClassicTextToSpeech, rounds: number) {
  const loadStarted = performance.now();
  const vad = await createSileroVad({ packId: DEFAULT_VAD_PACK });
  const whisper = await createWhisperSpeechToText({ packId: WHISPER_PACK, backend: 'wasm' });
  const loadMs = performance.now() - loadStarted;
  const speak = async (text: string) => {
    const spoken = await tts.synthesizeOnce(text);
    if (!spoken) throw new Error(`the classic voice said nothing for "${text}"`);
    return resample(spoken.samples, spoken.sampleRate, RATE);
  };
  try {
    const measured = await measureEndOfTurnModes(
      {
        vad: () => {
          vad.reset();
          return vad;
        },
        stt: new ScriptWordsStt(whisper),
        llm,
        tts,
      },
      { rounds, speak },
    );
    return {
      engines: { vad: vad.info, stt: whisper.info },
      loadMs: { vadAndStt: Number(loadMs.toFixed(1)) },
      ...measured,
    };
  } finally {
    await vad.dispose();
    await whisper.dispose();
  }
}
