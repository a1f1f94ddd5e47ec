// Scripted test doubles for the engine interfaces. Everything time-related runs on FakeClock,
// so tests advance time by hand and timings are exact.

import type {
  AudioOutput,
  ChatChunk,
  ChatModel,
  ChatRequest,
  ChatUsage,
  Clock,
  SpeechToText,
  SynthesizeOptions,
  TextToSpeech,
  ToolCall,
  Transcript,
  TranscribeOptions,
  Vad,
} from '../../../src/core/index.ts';

/** Lets every pending promise callback run (one macrotask drains the microtask queue). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function abortError(): Error {
  return new DOMException('aborted', 'AbortError');
}

interface FakeTimer {
  id: number;
  at: number;
  fn: () => void;
}

/** Manual clock: time only moves in `advance`, which fires due timers in order. */
export class FakeClock implements Clock {
  private time = 0;
  private nextId = 0;
  private timers: FakeTimer[] = [];

  now(): number {
    return this.time;
  }

  setTimer(fn: () => void, ms: number): () => void {
    const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Resolves after `ms` of fake time; rejects with an AbortError when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const onAbort = () => {
        cancel();
        reject(abortError());
      };
      const cancel = this.setTimer(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Moves time forward, firing each due timer at its own time and settling after each. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = target;
    await settle();
  }
}

export const FRAME_SAMPLES = 512;
export const FRAME_MS = 32; // 512 samples at 16 kHz

/**
 * A microphone frame whose first sample carries the speech probability FakeVad will report
 * and whose second sample carries a tag, so tests can see which frames reached STT.
 */
export function micFrame(probability: number, tag = 0): Float32Array {
  const frame = new Float32Array(FRAME_SAMPLES);
  frame[0] = probability;
  frame[1] = tag;
  return frame;
}

/** The tags of the frames that make up `audio`, in order. */
export function frameTags(audio: Float32Array): number[] {
  const tags: number[] = [];
  for (let i = 0; i + FRAME_SAMPLES <= audio.length; i += FRAME_SAMPLES) tags.push(audio[i + 1] ?? NaN);
  return tags;
}

/** VAD that reads the probability from the frame itself (see micFrame). */
export class FakeVad implements Vad {
  readonly frameSamples = FRAME_SAMPLES;
  processed = 0;
  resets = 0;
  /** Frames currently being processed; must never exceed 1. */
  inFlight = 0;
  maxInFlight = 0;
  failNext = 0;

  async process(frame: Float32Array): Promise<number> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await Promise.resolve();
    this.inFlight--;
    this.processed++;
    if (frame.length !== this.frameSamples) throw new Error(`bad frame length ${frame.length}`);
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('vad failed');
    }
    return frame[0] ?? 0;
  }

  reset(): void {
    this.resets++;
  }
}

export interface SttCall {
  audio: Float32Array;
  signal: AbortSignal | undefined;
  language: string | undefined;
}

/** STT that answers from a script (a transcript or an Error per call) after `delayMs`. */
export class FakeSpeechToText implements SpeechToText {
  readonly calls: SttCall[] = [];
  private readonly script: (string | Error)[];

  constructor(
    private readonly clock: FakeClock,
    script: (string | Error)[] = [],
    private readonly delayMs = 100,
  ) {
    this.script = [...script];
  }

  async transcribe(audio: Float32Array, opts: TranscribeOptions): Promise<Transcript> {
    this.calls.push({ audio, signal: opts.signal, language: opts.language });
    await this.clock.sleep(this.delayMs, opts.signal);
    const next = this.script.shift() ?? '';
    if (next instanceof Error) throw next;
    return { text: next };
  }
}

export type ChatStep =
  string | { toolCall: Omit<ToolCall, 'id'> & { id?: string } } | { error: Error } | { usage: ChatUsage };

export interface ChatCall {
  messages: ChatRequest['messages'];
  tools: ChatRequest['tools'];
  signal: AbortSignal | undefined;
}

/**
 * LLM that plays one scripted round per `stream` call: the first step after
 * `firstTokenDelayMs`, each next one `tokenDelayMs` later, then a 'done' chunk.
 */
export class ScriptedChatModel implements ChatModel {
  readonly calls: ChatCall[] = [];
  private readonly rounds: ChatStep[][];

  constructor(
    private readonly clock: FakeClock,
    rounds: ChatStep[][],
    private readonly log: string[] = [],
    private readonly timing = { firstTokenDelayMs: 80, tokenDelayMs: 20 },
  ) {
    this.rounds = rounds.map((round) => [...round]);
  }

  stream(req: ChatRequest): AsyncIterable<ChatChunk> {
    this.calls.push({ messages: structuredClone(req.messages), tools: req.tools, signal: req.signal });
    const round = this.rounds.shift();
    if (!round) throw new Error(`ScriptedChatModel: no script for call ${this.calls.length}`);
    return this.play(round, req.signal);
  }

  private async *play(round: ChatStep[], signal: AbortSignal | undefined): AsyncGenerator<ChatChunk> {
    let usage: ChatUsage | undefined;
    let calls = 0;
    for (const [index, step] of round.entries()) {
      if (typeof step === 'object' && 'usage' in step) {
        usage = step.usage;
        continue;
      }
      await this.clock.sleep(index === 0 ? this.timing.firstTokenDelayMs : this.timing.tokenDelayMs, signal);
      if (typeof step === 'string') {
        this.log.push(`llm:text ${step}`);
        yield { type: 'text', text: step };
      } else if ('toolCall' in step) {
        this.log.push(`llm:tool ${step.toolCall.name}`);
        yield { type: 'tool_call', call: { ...step.toolCall, id: step.toolCall.id ?? `call-${++calls}` } };
      } else {
        this.log.push('llm:error');
        throw step.error;
      }
    }
    this.log.push('llm:done');
    yield usage ? { type: 'done', usage } : { type: 'done' };
  }
}

export interface TtsCall {
  text: string;
  /** Fake time when synthesis of this sentence began. */
  at: number;
  signal: AbortSignal | undefined;
  voice: string | undefined;
  rate: number | undefined;
  chunks: number;
}

/**
 * TTS that yields `chunksPerSentence` chunks of `chunkMs` audio each, the first after
 * `firstChunkDelayMs`. Sentences matching `failOn` throw instead.
 */
export class FakeTextToSpeech implements TextToSpeech {
  readonly sampleRate = 16_000;
  readonly calls: TtsCall[] = [];
  failOn: (text: string) => boolean = () => false;

  constructor(
    private readonly clock: FakeClock,
    private readonly log: string[] = [],
    private readonly timing = { firstChunkDelayMs: 30, chunkMs: 100, chunksPerSentence: 2 },
  ) {}

  async *synthesize(text: string, opts: SynthesizeOptions): AsyncGenerator<Float32Array> {
    const call: TtsCall = {
      text,
      at: this.clock.now(),
      signal: opts.signal,
      voice: opts.voice,
      rate: opts.rate,
      chunks: 0,
    };
    this.calls.push(call);
    this.log.push(`tts:start ${text}`);
    await this.clock.sleep(this.timing.firstChunkDelayMs, opts.signal);
    if (this.failOn(text)) throw new Error(`tts failed on "${text}"`);
    for (let i = 0; i < this.timing.chunksPerSentence; i++) {
      call.chunks++;
      yield new Float32Array((this.sampleRate * this.timing.chunkMs) / 1000).fill(0.1);
    }
  }
}

export interface EnqueuedAudio {
  at: number;
  samples: number;
  sampleRate: number;
}

/** Plays enqueued audio back to back in fake time; records enqueues and flushes. */
export class RecordingAudioOutput implements AudioOutput {
  readonly enqueued: EnqueuedAudio[] = [];
  flushes: { at: number }[] = [];
  private playingUntil = 0;
  private waiters: (() => void)[] = [];
  private cancelTimer: (() => void) | null = null;

  constructor(
    private readonly clock: FakeClock,
    private readonly log: string[] = [],
  ) {}

  get idle(): boolean {
    return this.clock.now() >= this.playingUntil;
  }

  /** Milliseconds of enqueued audio still to play. */
  get queuedMs(): number {
    return Math.max(0, this.playingUntil - this.clock.now());
  }

  enqueue(pcm: Float32Array, sampleRate: number): void {
    const now = this.clock.now();
    this.enqueued.push({ at: now, samples: pcm.length, sampleRate });
    this.log.push('output:enqueue');
    this.playingUntil = Math.max(this.playingUntil, now) + (pcm.length / sampleRate) * 1000;
    this.cancelTimer?.();
    this.cancelTimer = this.clock.setTimer(() => this.release(), this.playingUntil - now);
  }

  flush(): void {
    this.flushes.push({ at: this.clock.now() });
    this.log.push('output:flush');
    this.playingUntil = this.clock.now();
    this.cancelTimer?.();
    this.release();
  }

  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(): void {
    this.cancelTimer = null;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

/**
 * RecordingAudioOutput that also says how much is left to play (AudioOutput.whenQueuedAtMost), as
 * the browser's PlaybackQueue does, so the reply pipeline paces synthesis against playback.
 */
export class PacedRecordingAudioOutput extends RecordingAudioOutput {
  whenQueuedAtMost(seconds: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        const over = this.queuedMs - seconds * 1000;
        if (over <= 0) resolve();
        else this.clockForPacing.setTimer(check, over);
      };
      check();
    });
  }

  constructor(
    private readonly clockForPacing: FakeClock,
    log: string[] = [],
  ) {
    super(clockForPacing, log);
  }
}
