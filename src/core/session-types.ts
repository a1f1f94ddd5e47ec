import type { EndOfTurnMode } from './end-of-turn.ts';
import type { TurnMetrics } from './metrics.ts';
import type { ToolResult } from './tools/types.ts';

/**
 * Turn-taking tuning. Times are milliseconds on the session's clock.
 */
export interface VoiceSessionConfig {
  /** VAD probability at or above which a frame is speech. */
  speechThreshold: number;
  /** While speech is on, probability must fall below this to count as silence (hysteresis). */
  silenceThreshold: number;
  /** Speech shorter than this is a blip, not an utterance. */
  minSpeechMs: number;
  /**
   * Silence after speech that ends the user's turn: as is in 'fixed' mode; the adaptive policy
   * scales it by what was said so far (src/core/end-of-turn.ts). A persona's patience scales it too.
   */
  endpointingDelayMs: number;
  /** Fixed silence, transcription starting in the pause, or the adaptive policy (the default). */
  endOfTurn: EndOfTurnMode;
  /** Silence inside an utterance this long starts transcribing what was said so far (not 'fixed'). */
  pauseProbeMs: number;
  /**
   * Start the language model on the words heard in a pause (not 'fixed'); cancelled when the
   * speaker goes on or the turn's words differ. Off by default: on a busy box the model's work on
   * pauses that were not the end is work taken from other toys.
   */
  preemptiveGeneration: boolean;
  /** Pauses between words shorter than this do not restart the minSpeechMs / minInterruptionMs count. */
  speechGapMs: number;
  /** User speech while Hearth is thinking or speaking must last this long to interrupt it. */
  minInterruptionMs: number;
  /** Audio kept from before the detected onset, so the first syllable is not clipped. */
  preRollMs: number;
  /** An utterance is cut off and transcribed after this long. */
  maxUtteranceMs: number;
  /** LLM rounds that may call tools in one turn (the round after that gets no tools). */
  maxToolRounds: number;
  /** Character budget for past conversation in the prompt. */
  maxHistoryChars: number;
  /** Said (or at least shown) when an engine fails. */
  apology: string;
  temperature?: number;
  maxTokens?: number;
}

export const DEFAULT_VOICE_SESSION_CONFIG: Readonly<VoiceSessionConfig> = {
  speechThreshold: 0.5,
  silenceThreshold: 0.35,
  minSpeechMs: 250,
  endpointingDelayMs: 600,
  endOfTurn: 'adaptive',
  pauseProbeMs: 200,
  preemptiveGeneration: false,
  speechGapMs: 160,
  minInterruptionMs: 400,
  preRollMs: 300,
  maxUtteranceMs: 20_000,
  maxToolRounds: 3,
  maxHistoryChars: 6_000,
  apology: 'Sorry, I had a problem there. Could you say that again?',
};

export type VoiceSessionState = 'idle' | 'listening' | 'userSpeaking' | 'transcribing' | 'thinking' | 'speaking';

export type InterruptReason = 'barge-in' | 'user' | 'text';

export type ErrorStage = 'stt' | 'llm' | 'tts' | 'tool' | 'vad';

export interface VoiceSessionEvents {
  state: { state: VoiceSessionState; previous: VoiceSessionState };
  /** Emitted when the (hysteresis-smoothed) VAD decision changes. */
  vad: { speaking: boolean; probability: number };
  userTranscript: { turnId: string; text: string; final: boolean };
  /** `text` is the whole reply so far, `delta` what was just added. */
  agentText: { turnId: string; delta: string; text: string };
  /** A sentence was handed to TTS. */
  agentSentence: { turnId: string; text: string };
  /** Reply audio was enqueued on the output. */
  audio: { turnId: string; samples: Float32Array; sampleRate: number };
  toolCall: { turnId: string; name: string; args: Record<string, unknown>; result: ToolResult };
  interrupted: { turnId: string; reason: InterruptReason };
  metrics: TurnMetrics;
  /** `turnId` is null for VAD errors outside a turn. */
  error: { turnId: string | null; stage: ErrorStage; error: Error };
  turnEnd: { turnId: string; interrupted: boolean };
  /** The guard stopped the user's words ('input') or a reply sentence ('output'); a redirect was said instead. */
  guarded: { turnId: string; stage: 'input' | 'output'; reason: string };
}

export type GuardVerdict = { allowed: true } | { allowed: false; reason: string; redirect: string };

/**
 * Keeps a conversation within bounds (child-safe mode, time limits). The input check runs before
 * the LLM or any tool; the output check runs on each reply sentence before it is shown or spoken.
 * An output check answers at once for almost every sentence; it may return a promise for a
 * borderline one (a second opinion), which holds up that sentence only, never those before it.
 * `signal` aborts when the turn is cut off.
 */
export interface TurnGuard {
  checkInput(text: string): GuardVerdict | Promise<GuardVerdict>;
  checkOutput(sentence: string, signal?: AbortSignal): GuardVerdict | Promise<GuardVerdict>;
}
