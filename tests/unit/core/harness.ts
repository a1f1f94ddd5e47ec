// Builds a VoiceSession wired to the fakes and records everything it emits.

import {
  DEFAULT_VOICE_SESSION_CONFIG,
  ToolRegistry,
  VoiceSession,
  type VoiceSessionConfig,
  type VoiceSessionEvents,
  type VoiceSessionOptions,
  type VoiceSessionState,
} from '../../../src/core/index.ts';
import {
  FakeClock,
  FakeSpeechToText,
  FakeTextToSpeech,
  FakeVad,
  FRAME_MS,
  micFrame,
  PacedRecordingAudioOutput,
  RecordingAudioOutput,
  ScriptedChatModel,
  type ChatStep,
} from './fakes.ts';

export type RecordedEvent = {
  [K in keyof VoiceSessionEvents]: { type: K; at: number; payload: VoiceSessionEvents[K] };
}[keyof VoiceSessionEvents];

export interface HarnessOptions {
  transcripts?: (string | Error)[];
  chat?: ChatStep[][];
  tools?: ToolRegistry;
  config?: Partial<VoiceSessionConfig>;
  session?: Partial<VoiceSessionOptions>;
  /** The fake voice's pacing (default: 2 chunks of 100 ms, the first after 30 ms). */
  ttsTiming?: ConstructorParameters<typeof FakeTextToSpeech>[2];
  /** An output that tells how much is left to play, so synthesis is paced against playback. */
  pacedOutput?: boolean;
}

export const config = DEFAULT_VOICE_SESSION_CONFIG;

/** Frames needed for speech to be confirmed (onset frame + whole frames up to minSpeechMs). */
export const framesToConfirm = (ms: number) => Math.ceil(ms / FRAME_MS) + 1;

export function createHarness(options: HarnessOptions = {}) {
  const clock = new FakeClock();
  const log: string[] = [];
  const vad = new FakeVad();
  const stt = new FakeSpeechToText(clock, options.transcripts ?? []);
  const llm = new ScriptedChatModel(clock, options.chat ?? [], log);
  const tts = new FakeTextToSpeech(clock, log, options.ttsTiming);
  const output = options.pacedOutput ? new PacedRecordingAudioOutput(clock, log) : new RecordingAudioOutput(clock, log);
  const session = new VoiceSession({
    vad,
    stt,
    llm,
    tts,
    output,
    clock,
    persona: { name: 'Ember', systemPrompt: 'You are Ember, a warm companion.' },
    wallClock: () => new Date('2025-03-04T15:07:00Z'),
    locale: 'en-US',
    timeZone: 'UTC',
    ...(options.tools ? { tools: options.tools } : {}),
    // The fixed end of turn unless a test asks for another: most tests time turns to the frame
    // (end-of-turn.test.ts covers transcribing in the pause and the adaptive policy).
    config: { endOfTurn: 'fixed', ...options.config },
    ...options.session,
  });

  const events: RecordedEvent[] = [];
  const eventNames: (keyof VoiceSessionEvents)[] = [
    'state',
    'vad',
    'userTranscript',
    'agentText',
    'agentSentence',
    'audio',
    'toolCall',
    'interrupted',
    'metrics',
    'error',
    'turnEnd',
  ];
  for (const type of eventNames) {
    session.on(type, (payload) => events.push({ type, at: clock.now(), payload } as RecordedEvent));
  }

  let frameTag = 1000; // automatic tags stay clear of the small ones tests pick
  const harness = {
    clock,
    log,
    vad,
    stt,
    llm,
    tts,
    output,
    session,
    events,

    /** Pushes one frame per probability, advancing the clock one frame's time after each. */
    async feed(probabilities: number[], tag?: number): Promise<void> {
      for (const probability of probabilities) {
        await session.pushAudio(micFrame(probability, tag ?? ++frameTag));
        await clock.advance(FRAME_MS);
      }
    },
    /** `ms` of speech frames (probability 0.9). */
    speech(ms: number, tag?: number): Promise<void> {
      return harness.feed(Array(Math.ceil(ms / FRAME_MS)).fill(0.9), tag);
    },
    /** `ms` of silent frames. */
    silence(ms: number, tag?: number): Promise<void> {
      return harness.feed(Array(Math.ceil(ms / FRAME_MS)).fill(0.02), tag);
    },
    /** Keeps the microphone running in silence until `predicate` holds (or `maxMs` passes). */
    async silenceUntil(predicate: () => boolean, maxMs = 10_000): Promise<void> {
      const until = clock.now() + maxMs;
      while (!predicate()) {
        if (clock.now() >= until) throw new Error(`condition not met within ${maxMs} ms`);
        await harness.feed([0.02]);
      }
    },
    of<K extends keyof VoiceSessionEvents>(type: K): Extract<RecordedEvent, { type: K }>[] {
      return events.filter((e): e is Extract<RecordedEvent, { type: K }> => e.type === type);
    },
    states(): VoiceSessionState[] {
      return harness.of('state').map((e) => e.payload.state);
    },
    eventTypes(): string[] {
      return events.filter((e) => e.type !== 'vad' && e.type !== 'audio' && e.type !== 'agentText').map((e) => e.type);
    },
  };
  return harness;
}

export type Harness = ReturnType<typeof createHarness>;

/**
 * The language model calls made by the time each turn ended (the session starts transcribing the
 * whole turn): 1 for a turn means its reply was begun in the pause (preemptive generation).
 */
export function modelCallsAtTurnEnd(h: Harness): number[] {
  const calls: number[] = [];
  h.session.on('state', ({ state }) => {
    if (state === 'transcribing') calls.push(h.llm.calls.length);
  });
  return calls;
}
