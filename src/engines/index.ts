// The browser's engines, loaded once per page and kept warm: the one EngineHub (engine-hub.ts) with
// the real engine loaders.
import { EngineHub, type EngineLoaders } from './engine-hub.ts';
import type { LoadProgressListener } from './types.ts';

export * from './select.ts';
export type { EngineBackend, EngineInfo, EngineRole, LoadProgress, LoadProgressListener } from './types.ts';
export {
  EngineHub,
  VOICE_ROLES,
  idleStatus,
  type EngineLoaders,
  type EngineStatusMap,
  type LoadedEngines,
  type RoleEngineStatus,
  type RoleLoadState,
  type VoiceRole,
} from './engine-hub.ts';

/** The real engines. Each loader is a dynamic import, so an engine's code (and its worker and
 * WASM) is fetched only when that engine is chosen. */
export const browserEngineLoaders: EngineLoaders = {
  async vad(plan, onProgress, packKept) {
    const [{ createSileroVad }, { createWebRtcVad }, { handoverVad }, { startupOldPath }] = await Promise.all([
      import('./vad/silero-vad.ts'),
      import('./vad/webrtc-vad.ts'),
      import('./vad/handover-vad.ts'),
      import('./vad/startup-path.ts'),
    ]);
    // Silero's model once its pack is kept (on a first visit it may still be downloading).
    const silero = packKept.then(() => createSileroVad({ packId: plan.packId, onProgress }));
    if (startupOldPath()) return silero;
    // Listening starts on the WebRTC VAD (milliseconds) while Silero's worker starts (seconds).
    const quick = await createWebRtcVad().catch((error: unknown) => {
      console.warn('Hearth: the quick voice detection failed to start; listening waits for Silero', error);
      return null;
    });
    return quick ? handoverVad(quick, silero) : silero;
  },
  async stt(plan, onProgress) {
    if (plan.engine === 'none') return null;
    const { createWhisperSpeechToText } = await import('./stt/index.ts');
    return createWhisperSpeechToText({ packId: plan.packId, onProgress });
  },
  async llm(plan, onProgress) {
    if (plan.engine === 'none') return null;
    if (plan.engine === 'webllm') {
      const { createWebLlmChatModel } = await import('./llm/webllm-chat-model.ts');
      return createWebLlmChatModel({ packId: plan.packId, onProgress });
    }
    const { createWllamaChatModel } = await import('./llm/wllama-chat-model.ts');
    // One thread: on small machines the LLM shares the CPU with VAD, STT and TTS.
    return createWllamaChatModel({
      packId: plan.packId,
      file: plan.file,
      onProgress,
      ...(plan.demo ? { threads: 1 } : {}),
    });
  },
  async tts(plan, onProgress) {
    if (plan.engine === 'piper') {
      const { createPiperTextToSpeech } = await import('./tts/piper/index.ts');
      return createPiperTextToSpeech({ packId: plan.packId, onProgress });
    }
    const { createClassicTextToSpeech } = await import('./tts/classic/index.ts');
    return createClassicTextToSpeech({ onProgress });
  },
};

/** The optional audio end-of-turn model (Smart Turn v3 in a worker), loaded apart from the hub. */
export async function loadTurnEndModel(packId: string, onProgress: LoadProgressListener) {
  const { createSmartTurn } = await import('./turn-end/index.ts');
  return createSmartTurn({ packId, onProgress });
}

/** One hub per page: engines stay loaded while the user moves between screens. */
export const engineHub = new EngineHub(browserEngineLoaders);
