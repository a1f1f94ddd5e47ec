// ChatModel on llama.cpp compiled to WASM (wllama), for CPUs: GGUF weights from Hearth's own
// server, the model's own chat template when the GGUF has one, a story-continuation prompt
// when it has none (stories260K). wllama runs llama.cpp in its own Web Worker.

import { Wllama, WllamaAbortError } from '@wllama/wllama/esm/index.js';
import wllamaWasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import { AsyncQueue } from '../../core/async-queue.ts';
import type { ChatChunk, ChatModel, ChatRequest } from '../../core/engines.ts';
import { modelFileUrl, type EngineInfo, type LoadProgressListener } from '../types.ts';
import { toOaiMessages, toOaiTools } from '../../core/llm/oai-messages.ts';
import { buildStoryPrompt, splitAtLastSentenceEnd } from '../../core/llm/story-prompt.ts';
import { chooseThreadCount } from './threads.ts';
import { ToolCallDeltaAccumulator, type ToolCallDelta } from '../../core/llm/tool-call-deltas.ts';
import { ToolCallTextParser } from '../../core/llm/tool-call-text-parser.ts';
import { missingWllamaFeatures } from './wasm-features.ts';

export interface WllamaChatModelOptions {
  packId: string;
  /** GGUF file inside the pack, e.g. "stories260K.gguf". */
  file: string;
  /** llama.cpp threads; chosen from the machine when absent. */
  threads?: number;
  contextSize?: number;
  onProgress?: LoadProgressListener;
  /** Server origin (defaults to the page's). */
  origin?: string;
}

export type WllamaChatModel = ChatModel & {
  readonly info: EngineInfo;
  /** True when the GGUF carries a chat template (else the story prompt is used). */
  readonly hasChatTemplate: boolean;
  dispose(): Promise<void>;
};

/** Replies past the token budget end at the next sentence end, within this many extra tokens. */
const SENTENCE_GRACE_TOKENS = 48;
const DEFAULT_MAX_TOKENS = { story: 120, chat: 400 } as const;

export async function createWllamaChatModel(options: WllamaChatModelOptions): Promise<WllamaChatModel> {
  const missing = missingWllamaFeatures();
  if (missing.length > 0) {
    throw new Error(
      `This browser lacks ${missing.join(' and ')}, which the CPU language model (wllama) needs. Use a current Chrome or Edge.`,
    );
  }
  const threads = chooseThreadCount({
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: self.crossOriginIsolated,
    ...(options.threads !== undefined ? { requested: options.threads } : {}),
  });
  const wllama = new Wllama(
    { default: wllamaWasmUrl },
    // Model files are cached in OPFS, so a loaded model also works when the server is away.
    {
      suppressNativeLog: true,
      allowOffline: true,
      logger: { debug: () => {}, log: () => {}, warn: console.warn, error: console.error },
    },
  );
  // Never the CDN "compat" build: Hearth serves everything itself.
  wllama.setCompat(null);
  const url = modelFileUrl(options.packId, options.file, options.origin);
  const stage = `Loading ${options.file}`;
  options.onProgress?.({ role: 'llm', stage, loaded: 0, total: null });
  await wllama.loadModelFromUrl(url, {
    n_threads: threads,
    n_ctx: options.contextSize ?? 2048,
    // The CPU path: WebGPU is WebLLM's job (and software WebGPU would be far slower).
    n_gpu_layers: 0,
    n_parallel: 1,
    jinja: true,
    useCache: canUseOpfs(),
    progressCallback: ({ loaded, total }: { loaded: number; total: number }) =>
      options.onProgress?.({ role: 'llm', stage, loaded, total: total > 0 ? total : null }),
  });
  const hasChatTemplate = Boolean(wllama.getChatTemplate());
  const actualThreads = wllama.getNumThreads();
  options.onProgress?.({ role: 'llm', stage: 'Ready', loaded: 1, total: 1 });
  return new WllamaModel(wllama, hasChatTemplate, {
    role: 'llm',
    engine: 'wllama',
    model: options.packId,
    backend: 'wasm',
    detail: `${actualThreads} thread${actualThreads === 1 ? '' : 's'}, ${hasChatTemplate ? 'chat template' : 'story continuation'}`,
  });
}

function canUseOpfs(): boolean {
  return self.isSecureContext && typeof navigator.storage?.getDirectory === 'function';
}

/** What one streamed llama.cpp chunk (chat or raw completion) may carry. */
interface StreamChunk {
  choices?: {
    text?: string;
    delta?: { content?: string | null; tool_calls?: ToolCallDelta[] };
    finish_reason?: string | null;
  }[];
  usage?: { completion_tokens?: number; prompt_tokens?: number } | null;
  timings?: { predicted_n?: number; prompt_n?: number };
}

class WllamaModel implements ChatModel {
  /** Settles when the generation in flight has really stopped inside wllama. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly wllama: Wllama,
    readonly hasChatTemplate: boolean,
    readonly info: EngineInfo,
  ) {}

  stream(req: ChatRequest): AsyncIterable<ChatChunk> {
    return this.generate(req);
  }

  async dispose(): Promise<void> {
    await this.tail;
    await this.wllama.exit();
  }

  private async *generate(req: ChatRequest): AsyncGenerator<ChatChunk> {
    // One generation at a time: a new one waits for the previous (usually just aborted) one.
    await this.tail;
    if (req.signal?.aborted) return;

    const mode = this.hasChatTemplate ? 'chat' : 'story';
    const softLimit = req.maxTokens ?? DEFAULT_MAX_TOKENS[mode];
    const controller = new AbortController();
    const onAbort = () => {
      controller.abort();
      queue.close();
    };
    req.signal?.addEventListener('abort', onAbort, { once: true });
    const queue = new AsyncQueue<StreamChunk>();
    let failure: unknown = null;
    const running = this.start(req, mode, softLimit + SENTENCE_GRACE_TOKENS, controller.signal, (chunk) =>
      queue.push(chunk),
    ).then(
      () => queue.close(),
      (error: unknown) => {
        failure = error;
        queue.close();
      },
    );
    this.tail = running;

    const textParser = new ToolCallTextParser();
    const deltas = new ToolCallDeltaAccumulator();
    let textTokens = 0;
    let reportedTokens: number | undefined;
    let promptTokens: number | undefined;
    let held = '';
    let finishReason: string | null = null;
    let stoppedAtSentenceEnd = false;
    let started = false;
    try {
      for (;;) {
        const step = await queue.next();
        // Chunks already queued when the user interrupted are dropped, not spoken.
        if (step.done || req.signal?.aborted) break;
        const chunk = step.value;
        const choice = chunk.choices?.[0];
        reportedTokens = chunk.usage?.completion_tokens ?? chunk.timings?.predicted_n ?? reportedTokens;
        promptTokens = chunk.usage?.prompt_tokens ?? chunk.timings?.prompt_n ?? promptTokens;
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        deltas.add(choice?.delta?.tool_calls);
        let raw = choice?.delta?.content ?? choice?.text ?? '';
        if (!raw) continue;
        textTokens++;
        if (!started) {
          // The story opener ends a sentence; the continuation starts with a space.
          raw = raw.trimStart();
          if (!raw) continue;
          started = true;
        }
        for (const piece of textParser.push(raw)) {
          if (stoppedAtSentenceEnd) break;
          if (piece.type === 'tool_call') {
            yield { type: 'tool_call', call: piece.call };
            continue;
          }
          if (piece.type !== 'text') continue;
          if (textTokens <= softLimit) {
            yield { type: 'text', text: piece.text };
            continue;
          }
          // Over budget: finish the current sentence, then stop.
          const { ready, pending } = splitAtLastSentenceEnd(held + piece.text);
          held = pending;
          if (ready) {
            yield { type: 'text', text: ready };
            stoppedAtSentenceEnd = true;
            controller.abort();
            queue.close();
          }
        }
      }
      if (req.signal?.aborted) return;
      if (failure && !stoppedAtSentenceEnd && !isAbort(failure)) throw failure;
      for (const piece of textParser.flush()) {
        if (piece.type === 'tool_call') yield { type: 'tool_call', call: piece.call };
        else if (piece.type === 'text' && textTokens <= softLimit) yield { type: 'text', text: piece.text };
        else if (piece.type === 'text') held += piece.text;
      }
      // A reply cut by the hard token limit drops its unfinished last sentence.
      if (held && finishReason !== 'length' && !stoppedAtSentenceEnd) yield { type: 'text', text: held };
      for (const call of deltas.finish()) yield { type: 'tool_call', call };
      yield {
        type: 'done',
        usage: {
          completionTokens: stoppedAtSentenceEnd ? textTokens : Math.max(reportedTokens ?? 0, textTokens),
          ...(promptTokens !== undefined ? { promptTokens } : {}),
        },
      };
    } finally {
      req.signal?.removeEventListener('abort', onAbort);
      // The consumer left early (or aborted): stop llama.cpp too.
      controller.abort();
    }
  }

  private async start(
    req: ChatRequest,
    mode: 'chat' | 'story',
    maxTokens: number,
    signal: AbortSignal,
    onData: (chunk: StreamChunk) => void,
  ): Promise<void> {
    if (mode === 'story') {
      const { prompt, stop } = buildStoryPrompt(req.messages);
      await this.wllama.createCompletion({
        prompt,
        stop,
        stream: true,
        onData,
        abortSignal: signal,
        max_tokens: maxTokens,
        temperature: req.temperature ?? 0.8,
        top_k: 40,
        top_p: 0.9,
        penalty_repeat: 1.1,
      });
      return;
    }
    const tools = req.tools && req.tools.length > 0 ? toOaiTools(req.tools) : undefined;
    await this.wllama.createChatCompletion({
      // Structurally the same OpenAI shapes; wllama's types are narrower on JSON-schema details.
      messages: toOaiMessages(req.messages) as Parameters<Wllama['createChatCompletion']>[0]['messages'],
      ...(tools
        ? {
            tools: tools as NonNullable<Parameters<Wllama['createChatCompletion']>[0]['tools']>,
            tool_choice: 'auto' as const,
          }
        : {}),
      stream: true,
      onData,
      abortSignal: signal,
      max_tokens: maxTokens,
      temperature: req.temperature ?? 0.7,
      top_p: 0.9,
    });
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof WllamaAbortError || (error instanceof Error && error.name === 'AbortError');
}
