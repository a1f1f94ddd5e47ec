// The turn-taking state machine:
//   idle → listening → userSpeaking → transcribing → thinking → speaking → listening
// with barge-in (user speech while thinking/speaking cancels the reply and becomes the next
// utterance), a false-interruption guard, and recovery from engine failures.

import { raceAbort, toError } from './abort.ts';
import { FrameAssembler } from './audio-frames.ts';
import type {
  AudioOutput,
  ChatMessage,
  ChatModel,
  Clock,
  SpeechToText,
  TextToSpeech,
  TurnEndModel,
  Vad,
} from './engines.ts';
import { systemClock } from './engines.ts';
import { TypedEmitter, type Listener } from './events.ts';
import { computeTurnMetrics, TurnTimer } from './metrics.ts';
import { buildChatMessages, type Persona } from './prompt.ts';
import { PrestartedStream } from './prestarted-stream.ts';
import { chatRequest, ReplyPipeline, type PrestartedRound } from './reply-pipeline.ts';
import {
  DEFAULT_VOICE_SESSION_CONFIG,
  type ErrorStage,
  type GuardVerdict,
  type InterruptReason,
  type TurnGuard,
  type VoiceSessionConfig,
  type VoiceSessionEvents,
  type VoiceSessionState,
} from './session-types.ts';
import type { DirectCommandMatch, ToolRegistry } from './tools/registry.ts';
import type { ToolServices } from './tools/types.ts';
import { endpointingDelayFor, type PauseEvidence } from './end-of-turn.ts';
import { TurnDetector } from './turn-detector.ts';
import { UtteranceRecorder } from './utterance-recorder.ts';

export interface VoiceSessionOptions {
  vad: Vad;
  stt: SpeechToText;
  llm: ChatModel;
  tts: TextToSpeech;
  output: AudioOutput;
  tools?: ToolRegistry;
  /** Monotonic time and timers; the session never reads time any other way. */
  clock?: Clock;
  persona: Persona;
  /** Things remembered about the user that are relevant to `query` (the user's words), fetched at the start of each LLM turn. */
  memories?: (query: string) => Promise<string[]> | string[];
  /** An audio end-of-turn model; with the adaptive policy its verdict at a pause sets the silence. */
  turnEnd?: TurnEndModel;
  /** Checks the user's words before the LLM and each reply sentence before TTS (child-safe mode, time limits). */
  guard?: TurnGuard;
  config?: Partial<VoiceSessionConfig>;
  /** Conversation to continue from. */
  history?: readonly ChatMessage[];
  /** Wall-clock date for the prompt and tools (defaults to `new Date()`). */
  wallClock?: () => Date;
  locale?: string;
  timeZone?: string;
  toolServices?: ToolServices;
}

interface Turn {
  id: string;
  source: 'voice' | 'text';
  controller: AbortController;
  timer: TurnTimer;
  reply: ReplyPipeline;
  userText: string | null;
  closed: boolean;
  transcribedInPause: boolean;
  /** The reply spoken is the one the model began in the pause (preemptive generation). */
  answeredInPause: boolean;
  /** The reply the model began on the words heard in the pause, if the turn's words are the same. */
  preemption: Preemption | null;
}

/** The language model started on the words heard in a pause (preemptive generation). */
interface Preemption {
  text: string;
  controller: AbortController;
  /** Null when nothing was started (the guard stopped the words, or they are a direct command). */
  ready: Promise<{ messages: ChatMessage[]; round: PrestartedRound } | null>;
}

/** Speech recognition of the utterance up to a pause, started before the turn ends. */
interface PauseTranscript {
  controller: AbortController;
  startedAt: number;
  endedAt: number | null;
  text: Promise<string>;
  /** The end-of-turn model's verdict on the same audio, once it has answered. */
  completionProbability: number | null;
}

const REPLYING_STATES: readonly VoiceSessionState[] = ['transcribing', 'thinking', 'speaking'];
/** pushAudio's rate (16 kHz mono). */
const MIC_RATE = 16000;
/** Audio arriving this much later than its place in the stream says: the stream paused (a mic that closed). */
const MAX_STREAM_LAG_MS = 1000;

export class VoiceSession {
  private readonly emitter = new TypedEmitter<VoiceSessionEvents>();
  private config: VoiceSessionConfig;
  private readonly clock: Clock;
  private readonly detector: TurnDetector;
  private readonly recorder: UtteranceRecorder;
  private readonly frames: FrameAssembler;
  private readonly messages: ChatMessage[];
  private persona: Persona;
  private currentState: VoiceSessionState = 'idle';
  private turn: Turn | null = null;
  private turnCount = 0;
  private audioChain: Promise<void> = Promise.resolve();
  /** Bumped by stop() so frames queued before it are dropped. */
  private epoch = 0;
  private voiced = false;
  private vadFailing = false;
  private utteranceOnsetAt = 0;
  /** The transcript started at the current pause; dropped when the speaker goes on. */
  private pauseTranscript: PauseTranscript | null = null;
  private preemption: Preemption | null = null;
  /** Stream time (clock ms) at the end of the audio pushed so far, and samples not yet in a frame. */
  private streamEnd: number | null = null;
  private pendingSamples = 0;

  constructor(private readonly options: VoiceSessionOptions) {
    this.config = { ...DEFAULT_VOICE_SESSION_CONFIG, ...options.config };
    this.clock = options.clock ?? systemClock;
    this.persona = options.persona;
    this.messages = [...(options.history ?? [])];
    const { speechThreshold, silenceThreshold, endpointingDelayMs, speechGapMs, endOfTurn, pauseProbeMs } = this.config;
    this.detector = new TurnDetector({
      speechThreshold,
      silenceThreshold,
      endpointingDelayMs,
      speechGapMs,
      ...(endOfTurn === 'fixed' ? {} : { pauseProbeMs }),
    });
    this.frames = new FrameAssembler(options.vad.frameSamples);
    const longestOnsetWait = Math.max(this.config.minSpeechMs, this.config.minInterruptionMs);
    // Slack for frames stamped a little late by a busy VAD.
    this.recorder = new UtteranceRecorder(this.config.preRollMs + longestOnsetWait + this.config.speechGapMs + 200);
  }

  get state(): VoiceSessionState {
    return this.currentState;
  }

  get history(): readonly ChatMessage[] {
    return this.messages;
  }

  on<K extends keyof VoiceSessionEvents>(event: K, listener: Listener<VoiceSessionEvents[K]>): () => void {
    return this.emitter.on(event, listener);
  }

  off<K extends keyof VoiceSessionEvents>(event: K, listener: Listener<VoiceSessionEvents[K]>): void {
    this.emitter.off(event, listener);
  }

  /**
   * The prompt applies from the next turn on; the voice and speaking rate from the next sentence
   * spoken, so the greeting after a switch is already in the new persona's voice.
   */
  setPersona(persona: Persona): void {
    this.persona = persona;
  }

  /** Switches preemptive generation for the pauses from now on (a setting changed mid-conversation). */
  setPreemptiveGeneration(on: boolean): void {
    this.config = { ...this.config, preemptiveGeneration: on };
  }

  start(): void {
    if (this.currentState !== 'idle') return;
    this.options.vad.reset();
    this.setState('listening');
  }

  /** Aborts everything in flight and flushes playback; the current turn emits nothing more. */
  stop(): void {
    if (this.currentState === 'idle') return;
    this.epoch++;
    const turn = this.turn;
    if (turn) {
      this.turn = null;
      turn.closed = true;
      turn.controller.abort();
      this.recordHistory(turn, true);
    }
    this.options.output.flush();
    this.resetListening();
    this.frames.reset();
    this.pendingSamples = 0;
    this.streamEnd = null;
    this.options.vad.reset();
    this.setState('idle');
  }

  /**
   * Microphone audio: 16 kHz mono, any chunk length. Frames go through the VAD one at a
   * time, in order. Resolves once these frames are processed; never rejects.
   */
  pushAudio(chunk: Float32Array): Promise<void> {
    if (this.currentState === 'idle') return this.audioChain;
    const epoch = this.epoch;
    // Frames are timed by their place in the stream, not by when a busy VAD gets to them: a backlog
    // (or a burst of audio delayed on the way) processed at once would read as a blip too short to
    // be speech. A stream that falls far behind the clock paused (a mic that closed): it restarts now.
    const now = this.clock.now();
    let end = (this.streamEnd ?? -Infinity) + (chunk.length * 1000) / MIC_RATE;
    if (now - end > MAX_STREAM_LAG_MS) end = now;
    this.streamEnd = end;
    /** Turns a stream time into the clock's (for the turn's metrics). */
    const lag = now - end;
    const frames = this.frames.push(chunk);
    const size = this.options.vad.frameSamples;
    this.pendingSamples += chunk.length - frames.length * size;
    const pending = this.pendingSamples;
    if (frames.length === 0) return this.audioChain;
    this.audioChain = this.audioChain.then(async () => {
      for (const [i, frame] of frames.entries()) {
        if (epoch !== this.epoch) return;
        const at = end - ((pending + (frames.length - 1 - i) * size) * 1000) / MIC_RATE;
        await this.processFrame(frame, epoch, at, lag);
      }
    });
    return this.audioChain;
  }

  /**
   * Typed input: the same turn path without VAD and STT. Interrupts a reply in progress.
   * Resolves when the turn has finished or been cancelled.
   */
  sendText(text: string): Promise<void> {
    if (this.currentState === 'idle') throw new Error('VoiceSession.sendText: call start() first');
    const userText = text.trim();
    if (!userText) return Promise.resolve();
    this.cancelTurn('text');
    // Typing wins over whatever the microphone was in the middle of.
    this.resetListening();
    const turn = this.openTurn('text');
    turn.timer.mark('committed');
    this.setState('thinking');
    return this.runTurn(turn, async () => userText);
  }

  /** The UI's stop button: cancels the reply now. A no-op when nothing is in progress. */
  interrupt(): void {
    if (!REPLYING_STATES.includes(this.currentState)) return;
    this.cancelTurn('user');
    this.setState('listening');
  }

  private async processFrame(frame: Float32Array, epoch: number, at: number, lag: number): Promise<void> {
    let probability = 0;
    try {
      probability = await this.options.vad.process(frame);
      this.vadFailing = false;
    } catch (thrown) {
      // Report once per run of failures, not once per frame; treat the frame as silence.
      if (!this.vadFailing && epoch === this.epoch) this.emitError(this.turn?.id ?? null, 'vad', thrown);
      this.vadFailing = true;
    }
    if (epoch !== this.epoch || this.currentState === 'idle') return;
    try {
      this.onFrame(frame, probability, at, lag);
    } catch (error) {
      console.error('VoiceSession: frame handling failed', error);
    }
  }

  /** `now` is the frame's place in the stream; `lag` how far the clock is ahead of it. */
  private onFrame(frame: Float32Array, probability: number, now: number, lag: number): void {
    this.recorder.add(frame, now);
    const replying = REPLYING_STATES.includes(this.currentState);
    const minSpeechMs = replying ? this.config.minInterruptionMs : this.config.minSpeechMs;
    const event = this.detector.update(probability, now, minSpeechMs);
    if (this.detector.voiced !== this.voiced) {
      this.voiced = this.detector.voiced;
      this.emitter.emit('vad', { speaking: this.voiced, probability });
    }

    if (event?.type === 'speechStart') {
      if (replying) this.cancelTurn('barge-in');
      this.recorder.begin(event.onsetAt - this.config.preRollMs);
      this.utteranceOnsetAt = event.onsetAt;
      this.detector.setEndpointingDelay(this.endpointingDelay(null));
      this.setState('userSpeaking');
    } else if (event?.type === 'pause') {
      if (this.currentState === 'userSpeaking') this.transcribeInPause();
    } else if (event?.type === 'resume') {
      // The speaker went on: what was transcribed so far is not the turn.
      this.dropPauseTranscript();
      this.detector.setEndpointingDelay(this.endpointingDelay(null));
    } else if (event?.type === 'speechEnd') {
      if (this.currentState === 'userSpeaking') this.commitUtterance(event.endedAt + lag);
    } else if (this.currentState === 'userSpeaking' && now - this.utteranceOnsetAt >= this.config.maxUtteranceMs) {
      this.detector.forceEnd(now);
      this.commitUtterance(now + lag);
    }
  }

  /**
   * The silence that ends this utterance, from the persona's patience and (adaptive) what is known at
   * the pause: the end-of-turn model's verdict, else the words so far.
   */
  private endpointingDelay(evidence: PauseEvidence | null): number {
    const adaptive = this.config.endOfTurn === 'adaptive';
    return endpointingDelayFor(this.config.endpointingDelayMs, this.persona.pausePatience, adaptive ? evidence : null);
  }

  /**
   * The speaker paused: recognise what they said so far now, so the transcript is (nearly) ready
   * when the turn ends; with the adaptive policy its words decide how long to wait.
   */
  private transcribeInPause(): void {
    this.dropPauseTranscript();
    const audio = this.recorder.snapshot();
    const controller = new AbortController();
    const language = this.persona.language;
    const pending: PauseTranscript = {
      controller,
      startedAt: this.clock.now(),
      endedAt: null,
      text: Promise.resolve(''),
      completionProbability: null,
    };
    pending.text = this.options.stt
      .transcribe(audio, { signal: controller.signal, ...(language ? { language } : {}) })
      .then((transcript) => {
        pending.endedAt = this.clock.now();
        return transcript.text.trim();
      });
    // A failure is the turn's to report if it uses this transcript; a dropped one is ignored.
    pending.text.catch(() => undefined);
    this.pauseTranscript = pending;
    // The audio end-of-turn model (adaptive only) hears the same audio; it is quick, and its verdict
    // wins over the words'. A model that fails leaves the decision to the words.
    const turnEnd = this.config.endOfTurn === 'adaptive' ? this.options.turnEnd : undefined;
    if (turnEnd) {
      turnEnd.completionProbability(audio, { signal: controller.signal }).then(
        (probability) => {
          if (this.pauseTranscript !== pending || !this.detector.inSpeech) return;
          pending.completionProbability = probability;
          this.detector.setEndpointingDelay(this.endpointingDelay({ completionProbability: probability }));
        },
        () => undefined,
      );
    }
    void pending.text.then(
      (text) => {
        if (this.pauseTranscript !== pending || !this.detector.inSpeech) return;
        this.detector.setEndpointingDelay(
          this.endpointingDelay({ textSoFar: text, completionProbability: pending.completionProbability }),
        );
        if (this.config.preemptiveGeneration && text) this.preempt(text);
      },
      () => undefined,
    );
  }

  private dropPauseTranscript(): void {
    this.pauseTranscript?.controller.abort();
    this.pauseTranscript = null;
    this.preemption?.controller.abort();
    this.preemption = null;
  }

  /**
   * Starts the reply to the words heard in the pause while the speaker may still go on, so the
   * first words are written (or nearly) when the turn ends. The same checks as a turn come first:
   * the guard sees the words before the model does, and a direct command is left to the turn. Only
   * the model's text is buffered: tools run, and anything is shown or spoken, only once the turn
   * ends with these same words; otherwise it is cancelled.
   */
  private preempt(text: string): void {
    const controller = new AbortController();
    const ready = (async () => {
      const verdict = await this.checkInput(text);
      if (!verdict.allowed || this.options.tools?.matchDirectCommand(text)) return null;
      const messages = await this.promptFor(text);
      if (controller.signal.aborted) return null;
      const request = chatRequest(messages, controller.signal, { ...this.config, ...this.replyTools() });
      const stream = new PrestartedStream(this.options.llm.stream(request));
      return { messages, round: { stream, abort: () => controller.abort() } };
    })();
    // A failure here is only a lost head start: the turn then asks the model itself.
    ready.catch(() => undefined);
    this.preemption = { text, controller, ready };
  }

  private replyTools(): { tools?: ToolRegistry } {
    return this.options.tools ? { tools: this.options.tools } : {};
  }

  /** The turn's reply: from the preemptive start when its words are the turn's words. */
  private async generateReply(turn: Turn, userText: string): Promise<void> {
    const preemption = turn.preemption;
    turn.preemption = null;
    if (preemption && preemption.text === userText) {
      const started = await preemption.ready.catch(() => null);
      if (!this.isCurrent(turn)) return;
      if (started) {
        turn.answeredInPause = true;
        await turn.reply.generate(started.messages, started.round);
        return;
      }
    } else {
      preemption?.controller.abort();
    }
    const messages = await this.promptFor(userText);
    if (!this.isCurrent(turn)) return;
    await turn.reply.generate(messages);
  }

  private commitUtterance(speechEndedAt: number): void {
    const audio = this.recorder.take();
    // Only silence came after the pause it was started at: its transcript is the utterance's.
    const early = this.pauseTranscript;
    this.pauseTranscript = null;
    const preemption = this.preemption;
    this.preemption = null;
    const turn = this.openTurn('voice');
    if (preemption) {
      turn.preemption = preemption;
      turn.controller.signal.addEventListener('abort', () => preemption.controller.abort(), { once: true });
    }
    turn.timer.mark('speechEnd', speechEndedAt);
    turn.timer.mark('committed');
    this.setState('transcribing');
    void this.runTurn(turn, () => (early ? this.awaitPauseTranscript(turn, early) : this.transcribe(turn, audio)));
  }

  private async awaitPauseTranscript(turn: Turn, early: PauseTranscript): Promise<string> {
    const { signal } = turn.controller;
    turn.transcribedInPause = true;
    turn.timer.mark('sttStart', early.startedAt);
    signal.addEventListener('abort', () => early.controller.abort(), { once: true });
    const text = await raceAbort(early.text, signal);
    turn.timer.mark('sttEnd', early.endedAt ?? this.clock.now());
    return text;
  }

  private async transcribe(turn: Turn, audio: Float32Array): Promise<string> {
    const { signal } = turn.controller;
    turn.timer.mark('sttStart');
    const language = this.persona.language;
    const transcript = await raceAbort(
      this.options.stt.transcribe(audio, { signal, ...(language ? { language } : {}) }),
      signal,
    );
    turn.timer.mark('sttEnd');
    return transcript.text.trim();
  }

  /** Drives one turn to its end. Never rejects. */
  private async runTurn(turn: Turn, getUserText: () => Promise<string>): Promise<void> {
    try {
      let userText: string;
      try {
        userText = await getUserText();
      } catch (thrown) {
        if (!this.isCurrent(turn)) return;
        this.emitError(turn.id, 'stt', thrown);
        turn.reply.sayApology();
        await this.finishTurn(turn);
        return;
      }
      if (!this.isCurrent(turn)) return;
      if (!userText) {
        // Nothing was understood: not a turn, no reply.
        this.turn = null;
        turn.closed = true;
        this.setState('listening');
        return;
      }
      this.emitter.emit('userTranscript', { turnId: turn.id, text: userText, final: true });
      this.setState('thinking');
      const verdict = await this.checkInput(userText);
      if (!this.isCurrent(turn)) return;
      if (!verdict.allowed) {
        // Neither the model nor the history ever sees words the guard stopped.
        this.emitter.emit('guarded', { turnId: turn.id, stage: 'input', reason: verdict.reason });
        turn.reply.say(verdict.redirect);
        await this.finishTurn(turn);
        return;
      }
      turn.userText = userText;
      const command = this.options.tools?.matchDirectCommand(userText);
      if (command) {
        await this.runDirectCommand(turn, command);
      } else {
        await this.generateReply(turn, userText);
      }
      await this.finishTurn(turn);
    } catch (thrown) {
      if (!this.isCurrent(turn) || turn.controller.signal.aborted) return;
      // A bug, not an engine failure: end the turn so the session keeps listening.
      console.error('VoiceSession: turn failed', thrown);
      this.closeTurn(turn, false);
      this.setState('listening');
    }
  }

  private async checkInput(userText: string): Promise<GuardVerdict> {
    try {
      return (await this.options.guard?.checkInput(userText)) ?? { allowed: true };
    } catch (error) {
      // A guard that cannot decide must not let the words through.
      console.warn('VoiceSession: input guard failed', error);
      return { allowed: false, reason: 'guard-error', redirect: this.config.apology };
    }
  }

  private async runDirectCommand(turn: Turn, command: DirectCommandMatch): Promise<void> {
    const outcome = await turn.reply.runTool(command.name, command.args);
    const { result } = outcome;
    if (outcome.error || result.isError) turn.reply.sayApology();
    else if (result.answerWithModel && turn.userText !== null)
      await this.answerWithModel(turn, turn.userText, command, result.content);
    else if (result.say) turn.reply.say(result.say);
  }

  /** The direct command handed the request to the model: it answers as if it had called the tool itself. */
  private async answerWithModel(
    turn: Turn,
    userText: string,
    command: DirectCommandMatch,
    toolAnswer: string,
  ): Promise<void> {
    const call = { id: `direct_${turn.id}`, name: command.name, arguments: command.args };
    const messages: ChatMessage[] = [
      ...(await this.promptFor(userText)),
      { role: 'assistant', content: '', toolCalls: [call] },
      { role: 'tool', toolCallId: call.id, name: call.name, content: toolAnswer },
    ];
    if (!this.isCurrent(turn)) return;
    await turn.reply.generate(messages);
  }

  private async promptFor(userText: string): Promise<ChatMessage[]> {
    return buildChatMessages({
      persona: this.persona,
      memories: await this.loadMemories(userText),
      history: this.messages,
      tools: this.options.tools?.specs() ?? [],
      userText,
      now: this.now(),
      maxHistoryChars: this.config.maxHistoryChars,
      ...(this.options.locale ? { locale: this.options.locale } : {}),
      ...(this.options.timeZone ? { timeZone: this.options.timeZone } : {}),
    });
  }

  private async loadMemories(query: string): Promise<string[]> {
    try {
      return (await this.options.memories?.(query)) ?? [];
    } catch (error) {
      // A broken memory store should cost context, not the turn.
      console.warn('VoiceSession: could not load memories', error);
      return [];
    }
  }

  /** Waits for the rest of the reply to be synthesized and played, then listens again. */
  private async finishTurn(turn: Turn): Promise<void> {
    if (!this.isCurrent(turn)) return;
    await turn.reply.finish();
    if (!this.isCurrent(turn)) return;
    await raceAbort(this.options.output.whenIdle(), turn.controller.signal);
    if (!this.isCurrent(turn)) return;
    this.closeTurn(turn, false);
    this.setState('listening');
  }

  private openTurn(source: 'voice' | 'text'): Turn {
    const id = `turn-${++this.turnCount}`;
    const controller = new AbortController();
    const timer = new TurnTimer(this.clock);
    const turn: Turn = {
      id,
      source,
      controller,
      timer,
      userText: null,
      closed: false,
      transcribedInPause: false,
      answeredInPause: false,
      preemption: null,
      reply: this.createReply(id, controller.signal, timer, () => this.isCurrent(turn)),
    };
    this.turn = turn;
    return turn;
  }

  private createReply(turnId: string, signal: AbortSignal, timer: TurnTimer, isCurrent: () => boolean): ReplyPipeline {
    const { llm, tts, output, tools, guard } = this.options;
    // Late callbacks from a cancelled turn must not reach the UI.
    const emitIfCurrent = <K extends keyof VoiceSessionEvents>(event: K, payload: VoiceSessionEvents[K]) => {
      if (isCurrent()) this.emitter.emit(event, payload);
    };
    return new ReplyPipeline({
      llm,
      tts,
      output,
      ...(tools ? { tools } : {}),
      signal,
      timer,
      apology: this.config.apology,
      maxToolRounds: this.config.maxToolRounds,
      speech: () => ({
        ...(this.persona.voice !== undefined ? { voice: this.persona.voice } : {}),
        ...(this.persona.speakingRate !== undefined ? { rate: this.persona.speakingRate } : {}),
      }),
      ...(this.config.temperature !== undefined ? { temperature: this.config.temperature } : {}),
      ...(this.config.maxTokens !== undefined ? { maxTokens: this.config.maxTokens } : {}),
      ...(guard ? { outputGuard: (sentence: string, signal: AbortSignal) => guard.checkOutput(sentence, signal) } : {}),
      toolContext: (toolSignal) => ({
        signal: toolSignal,
        now: this.now(),
        services: this.options.toolServices ?? {},
        ...(this.options.locale ? { locale: this.options.locale } : {}),
        ...(this.options.timeZone ? { timeZone: this.options.timeZone } : {}),
      }),
      listener: {
        text: (delta, text) => emitIfCurrent('agentText', { turnId, delta, text }),
        sentence: (text) => emitIfCurrent('agentSentence', { turnId, text }),
        audio: (samples, sampleRate) => {
          if (!isCurrent()) return;
          this.setState('speaking');
          this.emitter.emit('audio', { turnId, samples, sampleRate });
        },
        toolCall: (name, args, result) => emitIfCurrent('toolCall', { turnId, name, args, result }),
        error: (stage, error) => emitIfCurrent('error', { turnId, stage, error }),
        blocked: (reason) => emitIfCurrent('guarded', { turnId, stage: 'output', reason }),
      },
    });
  }

  /** Cancels the turn in progress (if any) as an interruption. */
  private cancelTurn(reason: InterruptReason): void {
    const turn = this.turn;
    if (!turn || turn.closed) return;
    turn.reply.stopTiming();
    turn.controller.abort();
    this.options.output.flush();
    this.emitter.emit('interrupted', { turnId: turn.id, reason });
    this.closeTurn(turn, true);
  }

  private closeTurn(turn: Turn, interrupted: boolean): void {
    turn.closed = true;
    if (this.turn === turn) this.turn = null;
    this.recordHistory(turn, interrupted);
    this.emitter.emit(
      'metrics',
      computeTurnMetrics({
        turnId: turn.id,
        source: turn.source,
        timer: turn.timer,
        completionTokens: turn.reply.tokens.total,
        sentences: turn.reply.sentencesSpoken,
        interrupted,
        toolCalls: turn.reply.toolCalls,
        transcribedInPause: turn.transcribedInPause,
        answeredInPause: turn.answeredInPause,
      }),
    );
    this.emitter.emit('turnEnd', { turnId: turn.id, interrupted });
  }

  private recordHistory(turn: Turn, interrupted: boolean): void {
    // Without a transcript there is nothing the reply could be an answer to.
    if (turn.userText === null) return;
    this.messages.push({ role: 'user', content: turn.userText }, ...turn.reply.historyMessages(interrupted));
  }

  private resetListening(): void {
    this.dropPauseTranscript();
    this.detector.reset();
    this.recorder.discard();
    this.voiced = false;
  }

  private isCurrent(turn: Turn): boolean {
    return this.turn === turn && !turn.closed;
  }

  private now(): Date {
    return this.options.wallClock?.() ?? new Date();
  }

  private emitError(turnId: string | null, stage: ErrorStage, thrown: unknown): void {
    this.emitter.emit('error', { turnId, stage, error: toError(thrown) });
  }

  private setState(state: VoiceSessionState): void {
    const previous = this.currentState;
    if (previous === state) return;
    this.currentState = state;
    this.emitter.emit('state', { state, previous });
  }
}
