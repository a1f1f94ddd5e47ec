// One turn's reply: LLM rounds (with tool calls) → sentence segmenter → a sentence queue that
// ONE TTS loop consumes → audio output. The LLM keeps generating while earlier sentences are
// synthesized and played, and the output queue plays them back to back.

import { LeadingSilenceTrimmer } from './audio/leading-silence.ts';
import { abortableIterate, raceAbort, toError } from './abort.ts';
import { AsyncQueue } from './async-queue.ts';
import type { AudioOutput, ChatChunk, ChatMessage, ChatModel, ChatRequest, TextToSpeech, ToolCall } from './engines.ts';
import { TokenCounter, type TurnTimer } from './metrics.ts';
import { SentenceSegmenter, splitSentences } from './sentences.ts';
import type { ToolOutcome, ToolRegistry } from './tools/registry.ts';
import type { ToolContext, ToolResult } from './tools/types.ts';
import type { GuardVerdict } from './session-types.ts';

export type ReplyErrorStage = 'llm' | 'tts' | 'tool';

/**
 * How far ahead of playback the next sentence may be synthesized, beyond the sentence before it:
 * enough that it is ready before that one ends, little enough that synthesis does not run long
 * before its audio is heard (it would take the CPU from the language model).
 */
export const SYNTHESIS_LEAD_S = 1;

export interface ReplyListener {
  text(delta: string, textSoFar: string): void;
  /** A sentence was handed to TTS. */
  sentence(text: string): void;
  /** Audio was enqueued on the output. */
  audio(samples: Float32Array, sampleRate: number): void;
  toolCall(name: string, args: Record<string, unknown>, result: ToolResult): void;
  error(stage: ReplyErrorStage, error: Error): void;
  /** The output guard stopped a sentence; the rest of the reply was replaced by its redirect. */
  blocked?(reason: string): void;
}

export interface ReplyPipelineOptions {
  llm: ChatModel;
  tts: TextToSpeech;
  output: AudioOutput;
  tools?: ToolRegistry;
  /** The turn's signal: aborting it stops the LLM, TTS and tools at once. */
  signal: AbortSignal;
  timer: TurnTimer;
  listener: ReplyListener;
  toolContext(signal: AbortSignal): ToolContext;
  apology: string;
  maxToolRounds: number;
  /**
   * The voice and speaking rate for the next sentence, read as each sentence is synthesized, so a
   * persona switch inside the turn ("talk like a pirate") is already heard in its greeting.
   */
  speech?: () => SpeechStyle;
  temperature?: number;
  maxTokens?: number;
  /**
   * Checks each LLM sentence before it reaches captions or TTS. With a guard, captions advance
   * a whole checked sentence at a time, so blocked text is never shown either. A promise (a
   * borderline sentence getting a second opinion) holds up that sentence only: the ones before it
   * are already queued for TTS.
   */
  outputGuard?: (sentence: string, signal: AbortSignal) => GuardVerdict | Promise<GuardVerdict>;
}

/** The first LLM round of a reply, started before the turn (see VoiceSession's preemption). */
export interface PrestartedRound {
  stream: AsyncIterable<ChatChunk>;
  abort: () => void;
}

/**
 * The request of a reply's LLM round: the tools while rounds for them remain (the last allowed
 * round gets none, so the model has to answer in words), the sampling settings. A preemptive first
 * round is made with this too, so it is exactly the request the turn would have sent.
 */
export function chatRequest(
  messages: ChatMessage[],
  signal: AbortSignal,
  options: Pick<ReplyPipelineOptions, 'tools' | 'maxToolRounds' | 'temperature' | 'maxTokens'>,
  roundIndex = 0,
): ChatRequest {
  const specs = options.tools?.specs() ?? [];
  const allowTools = specs.length > 0 && roundIndex < options.maxToolRounds;
  return {
    messages,
    ...(allowTools ? { tools: specs } : {}),
    signal,
    ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
    ...(options.maxTokens !== undefined ? { maxTokens: options.maxTokens } : {}),
  };
}

export interface SpeechStyle {
  voice?: string;
  rate?: number;
}

/** One assistant message's worth of the reply: an LLM round, or text said directly. */
interface Round {
  text: string;
  /** The part of `text` cut into sentences for TTS so far. */
  queued: string;
  /** The part of `text` handed to TTS. */
  spoken: string;
  toolCalls: ToolCall[];
  results: Extract<ChatMessage, { role: 'tool' }>[];
}

interface QueuedSentence {
  text: string;
  round: Round;
}

export class ReplyPipeline {
  readonly tokens = new TokenCounter();
  readonly toolCalls: string[] = [];
  private readonly rounds: Round[] = [];
  private readonly sentences = new AsyncQueue<QueuedSentence>();
  /** Follows the turn's signal, and also fires when TTS fails (nothing more can be said). */
  private readonly controller = new AbortController();
  /** Stops only the LLM (the guard blocked a sentence) while the safe part is still spoken. */
  private readonly llmController = new AbortController();
  private ttsLoop: Promise<void> | null = null;
  private textSoFar = '';
  private sentenceCount = 0;
  private apologyShown = false;
  /** An LLM stream is open right now (its `llmEnd` is not stamped yet). */
  private llmStreaming = false;

  constructor(private readonly options: ReplyPipelineOptions) {
    const turnSignal = options.signal;
    if (turnSignal.aborted) this.controller.abort(turnSignal.reason);
    else turnSignal.addEventListener('abort', () => this.controller.abort(turnSignal.reason), { once: true });
    this.signal.addEventListener('abort', () => this.llmController.abort(this.signal.reason), { once: true });
  }

  private get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * The turn is being cut off now: stamps the end of a running LLM stream at this moment, so an
   * interrupted turn still reports the model's speed (its metrics are taken before the stream's
   * own clean-up runs).
   */
  stopTiming(): void {
    if (this.llmStreaming) this.options.timer.mark('llmEnd');
    this.llmStreaming = false;
  }

  /** Sentences handed to TTS so far. */
  get sentencesSpoken(): number {
    return this.sentenceCount;
  }

  /**
   * Streams the LLM reply to `messages` (tool rounds included) into the TTS queue. `firstRound`:
   * the first round's stream, already started for exactly this request (preemptive generation);
   * `abort` stops it when the reply is cut off.
   */
  async generate(messages: ChatMessage[], firstRound?: PrestartedRound): Promise<void> {
    this.startTts();
    try {
      await this.chatRounds(messages, firstRound);
    } catch (thrown) {
      // Aborted by an interruption or by a TTS failure: neither is the LLM's fault.
      if (this.signal.aborted) return;
      // Keep the whole sentences; the cut-off fragment is not worth remembering.
      const failedRound = this.rounds.at(-1);
      if (failedRound) failedRound.text = failedRound.queued;
      this.options.listener.error('llm', toError(thrown));
      this.sayApology();
    }
  }

  /** Speaks text that did not come from the LLM (a tool's `say`, the apology). */
  say(text: string): void {
    if (this.signal.aborted) return;
    this.startTts();
    const round = this.newRound();
    round.text = text;
    this.emitText(text, true);
    for (const sentence of splitSentences(text)) this.queueSentence(sentence, round);
  }

  sayApology(): void {
    this.apologyShown = true;
    this.say(this.options.apology);
  }

  /** Runs one tool through the registry; bad calls come back as error results. */
  async runTool(name: string, args: Record<string, unknown>): Promise<ToolOutcome> {
    const { tools, listener } = this.options;
    this.toolCalls.push(name);
    const outcome: ToolOutcome = tools
      ? await tools.execute(name, args, this.options.toolContext(this.signal))
      : { result: { content: `Error: no tools are available (asked for "${name}").`, isError: true } };
    this.signal.throwIfAborted();
    listener.toolCall(name, args, outcome.result);
    if (outcome.error) listener.error('tool', outcome.error);
    return outcome;
  }

  /** No more text is coming: resolves when every queued sentence has been synthesized. */
  async finish(): Promise<void> {
    this.sentences.close();
    await this.ttsLoop;
  }

  /**
   * The assistant/tool messages this reply adds to the conversation. When interrupted, each
   * message keeps only the text that reached TTS and the last one is marked interrupted.
   */
  historyMessages(interrupted: boolean): ChatMessage[] {
    const messages: ChatMessage[] = [];
    for (const round of this.rounds) {
      const content = (interrupted ? round.spoken : round.text).trim();
      const answered = round.toolCalls.filter((call) => round.results.some((r) => r.toolCallId === call.id));
      if (answered.length > 0) {
        messages.push({ role: 'assistant', content, toolCalls: answered });
        messages.push(...round.results.filter((r) => answered.some((call) => call.id === r.toolCallId)));
        continue;
      }
      if (!content) continue;
      const previous = messages[messages.length - 1];
      // Text said after an LLM round (apology, tool `say`) joins the same assistant message.
      if (previous?.role === 'assistant' && !previous.toolCalls) previous.content += ` ${content}`;
      else messages.push({ role: 'assistant', content });
    }
    if (interrupted) {
      const last = messages.findLast((message) => message.role === 'assistant');
      if (last?.role === 'assistant') last.interrupted = true;
    }
    return messages;
  }

  private async chatRounds(base: ChatMessage[], firstRound?: PrestartedRound): Promise<void> {
    const { llm, tools, timer, maxToolRounds } = this.options;
    const specs = tools?.specs() ?? [];
    if (firstRound) this.llmController.signal.addEventListener('abort', () => firstRound.abort(), { once: true });
    for (let roundIndex = 0; ; roundIndex++) {
      // The last allowed round gets no tools, so the model has to answer in words.
      const allowTools = specs.length > 0 && roundIndex < maxToolRounds;
      const messages = [...base, ...this.historyMessages(false)];
      const round = this.newRound();
      const segmenter = new SentenceSegmenter();
      timer.markOnce('llmStart');
      this.llmStreaming = true;
      try {
        const stream =
          roundIndex === 0 && firstRound
            ? firstRound.stream
            : llm.stream(chatRequest(messages, this.llmController.signal, this.options, roundIndex));
        for await (const chunk of abortableIterate(stream, this.signal)) {
          if (chunk.type === 'text') {
            if (!chunk.text) continue;
            timer.markOnce('llmFirstText');
            this.tokens.addTextDelta();
            const startsMessage = round.text === '';
            round.text += chunk.text;
            if (!this.options.outputGuard) this.emitText(chunk.text, startsMessage);
            for (const sentence of segmenter.push(chunk.text)) {
              if (!(await this.queueLlmSentence(sentence, round))) return;
            }
          } else if (chunk.type === 'tool_call') {
            if (allowTools)
              round.toolCalls.push({
                ...chunk.call,
                id: chunk.call.id || `call_${roundIndex}_${round.toolCalls.length}`,
              });
          } else {
            this.tokens.addUsage(chunk.usage);
          }
        }
      } finally {
        this.tokens.endRound();
        // An interruption has already stamped the moment the turn was cut off.
        if (this.llmStreaming) timer.mark('llmEnd');
        this.llmStreaming = false;
      }
      const rest = segmenter.flush();
      if (rest && !(await this.queueLlmSentence(rest, round))) return;
      if (round.toolCalls.length === 0) return;

      let endTurn = false;
      for (const call of round.toolCalls) {
        const { result } = await this.runTool(call.name, call.arguments);
        round.results.push({ role: 'tool', toolCallId: call.id, name: call.name, content: result.content });
        if (result.endTurn) {
          endTurn = true;
          if (result.say) this.say(result.say);
        }
      }
      if (endTurn) return;
    }
  }

  private startTts(): void {
    this.ttsLoop ??= this.speakQueuedSentences();
  }

  private async speakQueuedSentences(): Promise<void> {
    const { tts, output, timer, listener } = this.options;
    /** Seconds of audio of the sentence synthesized last. */
    let lastSentenceS = 0;
    try {
      for (;;) {
        const next = await raceAbort(this.sentences.next(), this.signal);
        if (next.done) return;
        // About one sentence ahead of playback: wait until the previous one is about to start.
        if (this.sentenceCount > 0 && output.whenQueuedAtMost)
          await raceAbort(output.whenQueuedAtMost(lastSentenceS + SYNTHESIS_LEAD_S), this.signal);
        lastSentenceS = 0;
        const { text, round } = next.value;
        round.spoken = round.spoken ? `${round.spoken} ${text}` : text;
        const isFirstSentence = ++this.sentenceCount === 1;
        if (isFirstSentence) timer.mark('ttsFirstSentence');
        listener.sentence(text);
        const { voice, rate } = this.options.speech?.() ?? {};
        const audio = tts.synthesize(text, {
          signal: this.signal,
          ...(voice !== undefined ? { voice } : {}),
          ...(rate !== undefined ? { rate } : {}),
        });
        // The voice's silence before its first word would only delay the reply.
        const lead = isFirstSentence ? new LeadingSilenceTrimmer(tts.sampleRate) : null;
        for await (const synthesized of abortableIterate(audio, this.signal)) {
          const pcm = lead ? lead.push(synthesized) : synthesized;
          if (pcm.length === 0) continue;
          if (isFirstSentence) timer.markOnce('ttsFirstAudio');
          lastSentenceS += pcm.length / tts.sampleRate;
          output.enqueue(pcm, tts.sampleRate);
          timer.markOnce('firstAudio');
          listener.audio(pcm, tts.sampleRate);
        }
      }
    } catch (thrown) {
      if (this.signal.aborted) return;
      listener.error('tts', toError(thrown));
      // Without a voice the rest of the reply cannot be said: stop the LLM, show the apology.
      this.controller.abort(new Error('text-to-speech failed'));
      this.sentences.clear();
      if (!this.apologyShown) {
        this.apologyShown = true;
        this.emitText(this.options.apology, true);
      }
    }
  }

  /**
   * Queues an LLM sentence if the output guard allows it; otherwise says the redirect instead of
   * the rest. A verdict given at once is applied at once (no waiting for a safe sentence).
   */
  private async queueLlmSentence(text: string, round: Round): Promise<boolean> {
    const guard = this.options.outputGuard;
    if (!guard) {
      this.queueSentence(text, round);
      return true;
    }
    const pending = guard(text, this.signal);
    return this.applyVerdict(text, round, pending instanceof Promise ? await this.settleVerdict(pending) : pending);
  }

  /** A second opinion that fails blocks the sentence (the guard cannot vouch for it); an interruption rethrows. */
  private async settleVerdict(pending: Promise<GuardVerdict>): Promise<GuardVerdict> {
    try {
      return await raceAbort(pending, this.signal);
    } catch (thrown) {
      if (this.signal.aborted) throw thrown;
      return { allowed: false, reason: 'guard-error', redirect: this.options.apology };
    }
  }

  private applyVerdict(text: string, round: Round, verdict: GuardVerdict): boolean {
    if (!verdict.allowed) {
      // Only the sentences that passed stay in the reply (and in the history).
      round.text = round.queued;
      round.toolCalls = [];
      this.llmController.abort(new Error('reply blocked by the guard'));
      this.options.listener.blocked?.(verdict.reason);
      this.say(verdict.redirect);
      return false;
    }
    this.emitText(text, true);
    this.queueSentence(text, round);
    return true;
  }

  private queueSentence(text: string, round: Round): void {
    round.queued = round.queued ? `${round.queued} ${text}` : text;
    this.sentences.push({ text, round });
  }

  private newRound(): Round {
    const round: Round = { text: '', queued: '', spoken: '', toolCalls: [], results: [] };
    this.rounds.push(round);
    return round;
  }

  /** `startsMessage`: the delta begins a new piece of text, so it needs a separating space. */
  private emitText(delta: string, startsMessage: boolean): void {
    const needsSpace = startsMessage && this.textSoFar !== '' && !/\s$/.test(this.textSoFar) && !/^\s/.test(delta);
    const separated = needsSpace ? ` ${delta}` : delta;
    this.textSoFar += separated;
    this.options.listener.text(separated, this.textSoFar);
  }
}
