// ChatModel on llama.cpp in-process (node-llama-cpp, CPU only, prebuilt binaries: never compiles).
// GGUF from the model store, loaded once and kept warm. The model's own chat template via
// node-llama-cpp's chat wrappers, with function calling -> tool_call chunks; a story-continuation
// prompt for models without a template (stories260K). One generation at a time per context.
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
import { requireModelFile } from './model-files.ts';

export interface LlamaCppOptions {
  packId: string;
  /** GGUF inside the pack; default: the pack's only .gguf file. */
  file?: string;
  /** Default: 1 on machines with ≤ 2 cores (the STT and TTS need the other), else cores − 1. */
  threads?: number;
  contextSize?: number;
}

export interface NodeChatModel extends ChatModel {
  readonly packId: string;
  /** True when the GGUF carries a chat template (else the story prompt is used). */
  readonly hasChatTemplate: boolean;
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

export function defaultLlamaThreads(cores = os.availableParallelism()): number {
  return cores <= 2 ? 1 : cores - 1;
}

export async function loadLlamaCppChatModel(models: ModelStore, opts: LlamaCppOptions): Promise<NodeChatModel> {
  const file = opts.file ?? (await ggufFileOf(models, opts.packId));
  const resolved = await requireModelFile(models, opts.packId, file);
  const llama = await llamaRuntime();
  const model = await llama.loadModel({ modelPath: resolved.absolutePath });
  try {
    const threads = opts.threads ?? defaultLlamaThreads();
    const contextSize = Math.min(opts.contextSize ?? 2048, model.trainContextSize);
    const context = await model.createContext({ contextSize, threads, sequences: 1 });
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

class LlamaCppChatModel implements NodeChatModel {
  readonly hasChatTemplate: boolean;
  /** Settles when the generation in flight has really stopped inside llama.cpp. */
  private tail: Promise<unknown> = Promise.resolve();
  private callCount = 0;
  /** One sequence for the model's life: llama.cpp reuses the prompt prefix it already evaluated. */
  private readonly completion: LlamaCompletion | null;
  private readonly chat: LlamaChat | null;

  constructor(
    readonly packId: string,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
  ) {
    const metadata = model.fileInfo.metadata as { tokenizer?: { chat_template?: unknown } } | undefined;
    this.hasChatTemplate =
      typeof metadata?.tokenizer?.chat_template === 'string' && metadata.tokenizer.chat_template.length > 0;
    const contextSequence = context.getSequence();
    this.chat = this.hasChatTemplate ? new LlamaChat({ contextSequence }) : null;
    this.completion = this.hasChatTemplate ? null : new LlamaCompletion({ contextSequence });
  }

  stream(req: ChatRequest): AsyncIterable<ChatChunk> {
    return this.generate(req);
  }

  async dispose(): Promise<void> {
    await this.tail.catch(() => undefined);
    await this.context.dispose();
    await this.model.dispose();
  }

  private async *generate(req: ChatRequest): AsyncGenerator<ChatChunk> {
    // One generation at a time: a new one waits for the previous (usually just aborted) one.
    const previous = this.tail;
    let release = (): void => {};
    this.tail = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous.catch(() => undefined);
      if (req.signal?.aborted) return;
      yield* this.generateNow(req);
    } finally {
      release();
    }
  }

  private async *generateNow(req: ChatRequest): AsyncGenerator<ChatChunk> {
    const mode: Mode = this.hasChatTemplate ? 'chat' : 'story';
    const softLimit = req.maxTokens ?? DEFAULT_MAX_TOKENS[mode];
    const controller = new AbortController();
    const stopGenerating = () => controller.abort();
    req.signal?.addEventListener('abort', stopGenerating, { once: true });
    const texts = new AsyncQueue<string>();
    let failure: unknown = null;
    let finished: Finished = { toolCalls: [], hitTokenLimit: false };
    const running = this.run(req, mode, softLimit + SENTENCE_GRACE_TOKENS, controller.signal, (text) =>
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
    mode: Mode,
    maxTokens: number,
    signal: AbortSignal,
    onText: (text: string) => void,
  ): Promise<Finished> {
    if (mode === 'story' && this.completion) {
      const { prompt, stop } = buildStoryPrompt(req.messages);
      const { metadata } = await this.completion.generateCompletionWithMeta(prompt, {
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
    if (!this.chat) throw new Error('no chat template');
    const tools = req.tools && req.tools.length > 0 ? toLlamaFunctions(req.tools) : undefined;
    const result = await this.chat.generateResponse(toLlamaHistory(req.messages), {
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
