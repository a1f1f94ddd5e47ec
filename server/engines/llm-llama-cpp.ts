// ChatModel on llama.cpp in-process (node-llama-cpp, CPU only, prebuilt binaries: never compiles).
// GGUF from the model store, loaded once and kept warm. The model's own chat template via
// node-llama-cpp's chat wrappers, with function calling -> tool_call chunks; a story-continuation
// prompt for models without a template (stories260K). Several conversations (toys) generate at
// once on one loaded model: each gets its own sequence of one shared context, and llama.cpp
// decodes them in the same batches, so one toy's long story never holds up another toy's turn.
import os from 'node:os';
import {
  getLlama,
  LlamaChat,
  LlamaCompletion,
  LlamaLogLevel,
  type Llama,
  type LlamaContext,
  type LlamaModel,
} from 'node-llama-cpp';
import { AsyncQueue } from '../../src/core/async-queue.ts';
import type { ChatChunk, ChatModel, ChatRequest, ToolCall } from '../../src/core/engines.ts';
import { buildStoryPrompt, splitAtLastSentenceEnd } from '../../src/core/llm/story-prompt.ts';
import type { ModelStore } from '../models/store.ts';
import { toLlamaFunctions, toLlamaHistory } from './llama-history.ts';
import { fewCores } from './cpu-threads.ts';
import { requireModelFile } from './model-files.ts';

export interface LlamaCppOptions {
  packId: string;
  /** GGUF inside the pack; default: the pack's only .gguf file. */
  file?: string;
  /** Default: 1 on machines with ≤ 2 cores (the STT and TTS need the other), else cores − 1. */
  threads?: number;
  contextSize?: number;
  /**
   * Generations that run at once, each in its own sequence of one context (default 4). Each
   * sequence holds its own `contextSize` of KV cache; more requests than this wait their turn.
   */
  sequences?: number;
}

export interface NodeChatModel extends ChatModel {
  readonly packId: string;
  /** True when the GGUF carries a chat template (else the story prompt is used). */
  readonly hasChatTemplate: boolean;
  /** Generations that run at once (one context sequence each); more wait their turn. */
  readonly parallel: number;
  dispose(): Promise<void>;
}

/** Replies past the token budget end at the next sentence end, within this many extra tokens. */
const SENTENCE_GRACE_TOKENS = 48;
const DEFAULT_MAX_TOKENS = { story: 120, chat: 400 } as const;

let sharedLlama: Promise<Llama> | null = null;

/** One llama.cpp binding per process (loading it takes about a second). */
function llamaRuntime(): Promise<Llama> {
  sharedLlama ??= getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error }).catch((error: unknown) => {
    sharedLlama = null;
    throw error;
  });
  return sharedLlama;
}

export const DEFAULT_LLAMA_SEQUENCES = 4;

export function defaultLlamaThreads(cores = os.availableParallelism()): number {
  return fewCores(cores) ? 1 : cores - 1;
}

export async function loadLlamaCppChatModel(models: ModelStore, opts: LlamaCppOptions): Promise<NodeChatModel> {
  const file = opts.file ?? (await ggufFileOf(models, opts.packId));
  const resolved = await requireModelFile(models, opts.packId, file);
  const llama = await llamaRuntime();
  const model = await llama.loadModel({ modelPath: resolved.absolutePath });
  try {
    const threads = opts.threads ?? defaultLlamaThreads();
    const contextSize = Math.min(opts.contextSize ?? 2048, model.trainContextSize);
    const sequences = Math.max(1, Math.floor(opts.sequences ?? DEFAULT_LLAMA_SEQUENCES));
    // maximumParallelism: every running sequence gets tokens in each batch (fair interleaving).
    const context = await model.createContext({
      contextSize,
      threads,
      sequences,
      batching: { itemPrioritizationStrategy: 'maximumParallelism' },
    });
    return new LlamaCppChatModel(opts.packId, model, context);
  } catch (error) {
    await model.dispose();
    throw error;
  }
}

async function ggufFileOf(models: ModelStore, packId: string): Promise<string> {
  const pack = await models.pack(packId);
  if (!pack) throw new Error(`unknown model pack "${packId}"`);
  const ggufs = pack.files.filter((f) => f.path.endsWith('.gguf'));
  if (ggufs.length !== 1 || !ggufs[0])
    throw new Error(`model pack "${packId}" must hold exactly one .gguf file (has ${ggufs.length}); name one`);
  return ggufs[0].path;
}

type Mode = 'chat' | 'story';

/** What a generation reports besides text. */
interface Finished {
  toolCalls: ToolCall[];
  hitTokenLimit: boolean;
}

/**
 * One sequence of the shared context, kept for the model's life: llama.cpp reuses the prompt
 * prefix it already evaluated there (the lowest free slot is taken first, so one toy talking alone
 * always lands on the same one).
 */
interface SequenceSlot {
  completion: LlamaCompletion | null;
  chat: LlamaChat | null;
  busy: boolean;
}

class LlamaCppChatModel implements NodeChatModel {
  readonly hasChatTemplate: boolean;
  private callCount = 0;
  private readonly slots: SequenceSlot[] = [];
  /** Generations waiting for a free sequence, first come first served. */
  private readonly waiting: ((slot: SequenceSlot) => void)[] = [];
  /** Settle when their generation has really stopped inside llama.cpp. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    readonly packId: string,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
  ) {
    const metadata = model.fileInfo.metadata as { tokenizer?: { chat_template?: unknown } } | undefined;
    this.hasChatTemplate =
      typeof metadata?.tokenizer?.chat_template === 'string' && metadata.tokenizer.chat_template.length > 0;
    for (let i = 0; i < context.totalSequences; i++) {
      const contextSequence = context.getSequence();
      this.slots.push({
        chat: this.hasChatTemplate ? new LlamaChat({ contextSequence }) : null,
        completion: this.hasChatTemplate ? null : new LlamaCompletion({ contextSequence }),
        busy: false,
      });
    }
  }

  /** Generations that can run at once. */
  get parallel(): number {
    return this.slots.length;
  }

  stream(req: ChatRequest): AsyncIterable<ChatChunk> {
    return this.generate(req);
  }

  async dispose(): Promise<void> {
    await Promise.allSettled([...this.running]);
    await this.context.dispose();
    await this.model.dispose();
  }

  private acquire(): Promise<SequenceSlot> {
    const free = this.slots.find((slot) => !slot.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: SequenceSlot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }

  private async *generate(req: ChatRequest): AsyncGenerator<ChatChunk> {
    // A sequence of its own; when all are busy, wait for one (usually a just-aborted reply's).
    const slot = await this.acquire();
    let stopped = (): void => {};
    const done = new Promise<void>((resolve) => (stopped = resolve));
    this.running.add(done);
    try {
      if (req.signal?.aborted) return;
      yield* this.generateNow(req, slot);
    } finally {
      this.release(slot);
      this.running.delete(done);
      stopped();
    }
  }

  private async *generateNow(req: ChatRequest, slot: SequenceSlot): AsyncGenerator<ChatChunk> {
    const mode: Mode = this.hasChatTemplate ? 'chat' : 'story';
    const softLimit = req.maxTokens ?? DEFAULT_MAX_TOKENS[mode];
    const controller = new AbortController();
    const stopGenerating = () => controller.abort();
    req.signal?.addEventListener('abort', stopGenerating, { once: true });
    const texts = new AsyncQueue<string>();
    let failure: unknown = null;
    let finished: Finished = { toolCalls: [], hitTokenLimit: false };
    const running = this.run(req, slot, mode, softLimit + SENTENCE_GRACE_TOKENS, controller.signal, (text) =>
      texts.push(text),
    ).then(
      (result) => {
        finished = result;
        texts.close();
      },
      (error: unknown) => {
        failure = error;
        texts.close();
      },
    );

    let tokens = 0;
    let held = '';
    let started = false;
    let stoppedAtSentenceEnd = false;
    try {
      for (;;) {
        const step = await texts.next();
        // Text queued when the user interrupted is dropped, not spoken.
        if (step.done || req.signal?.aborted) break;
        tokens++;
        let text = step.value;
        if (!started) {
          // The story opener ends a sentence; the continuation starts with a space.
          text = text.trimStart();
          if (!text) continue;
          started = true;
        }
        if (tokens <= softLimit) {
          yield { type: 'text', text };
          continue;
        }
        // Over budget: finish the current sentence, then stop.
        const { ready, pending } = splitAtLastSentenceEnd(held + text);
        held = pending;
        if (ready) {
          yield { type: 'text', text: ready };
          stoppedAtSentenceEnd = true;
          controller.abort();
          break;
        }
      }
      await running;
      if (req.signal?.aborted) return;
      if (failure && !stoppedAtSentenceEnd) throw failure;
      // A reply cut by the hard token limit drops its unfinished last sentence.
      if (held && !finished.hitTokenLimit && !stoppedAtSentenceEnd) yield { type: 'text', text: held };
      for (const call of finished.toolCalls) yield { type: 'tool_call', call };
      yield { type: 'done', usage: { completionTokens: tokens } };
    } finally {
      req.signal?.removeEventListener('abort', stopGenerating);
      // The consumer left early (or aborted): stop llama.cpp too, and wait until it has.
      controller.abort();
      await running;
    }
  }

  private async run(
    req: ChatRequest,
    slot: SequenceSlot,
    mode: Mode,
    maxTokens: number,
    signal: AbortSignal,
    onText: (text: string) => void,
  ): Promise<Finished> {
    if (mode === 'story' && slot.completion) {
      const { prompt, stop } = buildStoryPrompt(req.messages);
      const { metadata } = await slot.completion.generateCompletionWithMeta(prompt, {
        onTextChunk: onText,
        signal,
        stopOnAbortSignal: true,
        maxTokens,
        temperature: req.temperature ?? 0.8,
        topK: 40,
        topP: 0.9,
        repeatPenalty: { penalty: 1.1 },
        customStopTriggers: stop,
      });
      return { toolCalls: [], hitTokenLimit: metadata.stopReason === 'maxTokens' };
    }
    if (!slot.chat) throw new Error('no chat template');
    const tools = req.tools && req.tools.length > 0 ? toLlamaFunctions(req.tools) : undefined;
    const result = await slot.chat.generateResponse(toLlamaHistory(req.messages), {
      onTextChunk: onText,
      signal,
      stopOnAbortSignal: true,
      maxTokens,
      temperature: req.temperature ?? 0.7,
      topP: 0.9,
      ...(tools ? { functions: tools } : {}),
    });
    const toolCalls = (result.functionCalls ?? []).map((call): ToolCall => ({
      id: `call_${++this.callCount}`,
      name: call.functionName,
      arguments: asArguments(call.params),
    }));
    return { toolCalls, hitTokenLimit: result.metadata.stopReason === 'maxTokens' };
  }
}

function asArguments(params: unknown): Record<string, unknown> {
  return params && typeof params === 'object' && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
}
