import type { ChatUsage, Clock } from './engines.ts';

/** Latency and throughput of one turn. A field is null when its stage did not run. */
export interface TurnMetrics {
  turnId: string;
  source: 'voice' | 'text';
  /** User speech end (start of the trailing silence) → turn committed to STT. */
  endOfUtteranceDelayMs: number | null;
  sttMs: number | null;
  /** First LLM request of the turn → first text token (includes any tool rounds before it). */
  llmTtftMs: number | null;
  /** First LLM request → last LLM stream finished. */
  llmTotalMs: number | null;
  /** First sentence handed to TTS → its first audio chunk. */
  ttsTtfaMs: number | null;
  /** Voice: user speech end → first reply audio enqueued. Text: text submitted → first audio. */
  voiceToVoiceMs: number | null;
  completionTokens: number;
  /** Decode speed: completion tokens over first text token → LLM end. */
  tokensPerSecond: number | null;
  /** Sentences handed to TTS. */
  sentences: number;
  interrupted: boolean;
  /** Names of the tools called, in order. */
  toolCalls: string[];
  /** Voice: the transcript was started during the user's last pause, before the turn ended. */
  transcribedInPause: boolean;
  /** Voice: the reply was begun on the words heard in that pause (preemptive generation) and kept. */
  answeredInPause: boolean;
  /**
   * When the user's speech ended and the first reply audio was enqueued, on the session's clock
   * (performance.now() with the system clock): for lining a turn up with what another process saw.
   */
  speechEndAt?: number | null;
  firstAudioAt?: number | null;
}

export type TurnMark =
  | 'speechEnd'
  | 'committed'
  | 'sttStart'
  | 'sttEnd'
  | 'llmStart'
  | 'llmFirstText'
  | 'llmEnd'
  | 'ttsFirstSentence'
  | 'ttsFirstAudio'
  | 'firstAudio';

/** Stamps the moments of one turn with the injected clock. */
export class TurnTimer {
  private readonly marks = new Map<TurnMark, number>();

  constructor(private readonly clock: Clock) {}

  /** Records `name` (overwriting an earlier stamp). */
  mark(name: TurnMark, at: number = this.clock.now()): void {
    this.marks.set(name, at);
  }

  /** Records `name` only the first time. */
  markOnce(name: TurnMark, at?: number): void {
    if (!this.marks.has(name)) this.mark(name, at);
  }

  at(name: TurnMark): number | undefined {
    return this.marks.get(name);
  }

  /** Milliseconds from `from` to `to`, or null if either was never stamped. */
  span(from: TurnMark, to: TurnMark): number | null {
    const start = this.marks.get(from);
    const end = this.marks.get(to);
    return start === undefined || end === undefined ? null : end - start;
  }
}

/** Counts completion tokens per LLM round: the engine's usage when given, else text deltas. */
export class TokenCounter {
  private finished = 0;
  private deltas = 0;
  private reported: number | undefined;

  addTextDelta(): void {
    this.deltas++;
  }

  addUsage(usage: ChatUsage | undefined): void {
    if (usage?.completionTokens !== undefined) this.reported = usage.completionTokens;
  }

  /** Closes the current round (call after each LLM stream, complete or not). */
  endRound(): void {
    this.finished += this.reported ?? this.deltas;
    this.deltas = 0;
    this.reported = undefined;
  }

  get total(): number {
    return this.finished + (this.reported ?? this.deltas);
  }
}

export interface TurnFacts {
  turnId: string;
  source: 'voice' | 'text';
  timer: TurnTimer;
  completionTokens: number;
  sentences: number;
  interrupted: boolean;
  toolCalls: string[];
  transcribedInPause?: boolean;
  answeredInPause?: boolean;
}

export function computeTurnMetrics(facts: TurnFacts): TurnMetrics {
  const { timer } = facts;
  const decodeMs = timer.span('llmFirstText', 'llmEnd');
  return {
    turnId: facts.turnId,
    source: facts.source,
    endOfUtteranceDelayMs: timer.span('speechEnd', 'committed'),
    sttMs: timer.span('sttStart', 'sttEnd'),
    llmTtftMs: timer.span('llmStart', 'llmFirstText'),
    llmTotalMs: timer.span('llmStart', 'llmEnd'),
    ttsTtfaMs: timer.span('ttsFirstSentence', 'ttsFirstAudio'),
    voiceToVoiceMs: timer.span(facts.source === 'voice' ? 'speechEnd' : 'committed', 'firstAudio'),
    completionTokens: facts.completionTokens,
    tokensPerSecond: decodeMs && decodeMs > 0 ? (facts.completionTokens * 1000) / decodeMs : null,
    sentences: facts.sentences,
    interrupted: facts.interrupted,
    toolCalls: [...facts.toolCalls],
    transcribedInPause: facts.transcribedInPause ?? false,
    answeredInPause: facts.answeredInPause ?? false,
    speechEndAt: facts.source === 'voice' ? (timer.at('speechEnd') ?? null) : null,
    firstAudioAt: timer.at('firstAudio') ?? null,
  };
}
