// ChatModel on WebLLM (MLC, WebGPU) for devices with a real GPU. Weights, tokenizer and the
// compiled model library all come from Hearth's server; WebLLM runs in its own worker.
// Tools: WebLLM takes `tools` only for a few Hermes models, so Qwen2.5's own tool prompt is
// written into the system message and `<tool_call>` blocks are parsed out of the reply.

import { CreateWebWorkerMLCEngine, type WebWorkerMLCEngine } from '@mlc-ai/web-llm';
import type { ChatChunk, ChatModel, ChatRequest } from '../../core/engines.ts';
import type { EngineInfo, LoadProgressListener } from '../types.ts';
import { toHermesMessages } from '../../core/llm/hermes-tools-prompt.ts';
import { ToolCallTextParser } from '../../core/llm/tool-call-text-parser.ts';
import { findModelLib, webLlmModelRecord } from './webllm-config.ts';

export interface WebLlmChatModelOptions {
  packId: string;
  onProgress?: LoadProgressListener;
  /** The compiled model library inside the pack; looked up in /api/models when absent. */
  libFile?: string;
  contextWindow?: number;
  origin?: string;
}

export type WebLlmChatModel = ChatModel & { readonly info: EngineInfo; dispose(): Promise<void> };

interface GpuLike {
  requestAdapter(): Promise<{ info?: { description?: string; isFallbackAdapter?: boolean } } | null>;
}

export async function createWebLlmChatModel(options: WebLlmChatModelOptions): Promise<WebLlmChatModel> {
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  if (!gpu)
    throw new Error(
      'WebGPU is not available in this browser, so the GPU language model (WebLLM) cannot run. Hearth can use the CPU model (wllama) instead.',
    );
  const adapter = await gpu.requestAdapter();
  if (!adapter)
    throw new Error(
      'This browser exposes WebGPU but found no usable GPU adapter, so WebLLM cannot run. Hearth can use the CPU model (wllama) instead.',
    );

  const origin = options.origin ?? self.location.origin;
  const libFile = options.libFile ?? (await lookUpModelLib(options.packId, origin));
  const record = webLlmModelRecord({
    packId: options.packId,
    libFile,
    origin,
    ...(options.contextWindow ? { contextWindow: options.contextWindow } : {}),
  });
  const worker = new Worker(new URL('./webllm.worker.ts', import.meta.url), { type: 'module', name: 'hearth-webllm' });
  try {
    const engine = await CreateWebWorkerMLCEngine(worker, options.packId, {
      // IndexedDB under our origin: files are fetched from Hearth once, then kept.
      appConfig: { model_list: [record], cacheBackend: 'indexeddb' },
      initProgressCallback: (report) =>
        options.onProgress?.({ role: 'llm', stage: report.text, loaded: report.progress, total: 1 }),
    });
    const description = adapter.info?.description;
    return new WebLlm(engine, worker, {
      role: 'llm',
      engine: 'webllm',
      model: options.packId,
      backend: 'webgpu',
      ...(description ? { detail: description } : {}),
    });
  } catch (error) {
    worker.terminate();
    throw error;
  }
}

async function lookUpModelLib(packId: string, origin: string): Promise<string> {
  const response = await fetch(new URL('/api/models', origin));
  if (!response.ok) throw new Error(`could not read /api/models: HTTP ${response.status}`);
  const body = (await response.json()) as { roles?: { packs?: { id: string; files: { path: string }[] }[] }[] };
  const pack = body.roles?.flatMap((role) => role.packs ?? []).find((p) => p.id === packId);
  const lib = pack ? findModelLib(pack.files) : null;
  if (!lib) throw new Error(`model pack ${packId} lists no WebGPU model library (.wasm)`);
  return lib;
}

class WebLlm implements ChatModel {
  constructor(
    private readonly engine: WebWorkerMLCEngine,
    private readonly worker: Worker,
    readonly info: EngineInfo,
  ) {}

  async *stream(req: ChatRequest): AsyncGenerator<ChatChunk> {
    const { signal } = req;
    if (signal?.aborted) return;
    const onAbort = () => this.engine.interruptGenerate();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const chunks = await this.engine.chat.completions.create({
        messages: toHermesMessages(req.messages, req.tools ?? []),
        stream: true,
        stream_options: { include_usage: true },
        ...(req.maxTokens !== undefined ? { max_tokens: req.maxTokens } : {}),
        temperature: req.temperature ?? 0.7,
      });
      const parser = new ToolCallTextParser();
      let completionTokens: number | undefined;
      let promptTokens: number | undefined;
      for await (const chunk of chunks) {
        if (signal?.aborted) return;
        completionTokens = chunk.usage?.completion_tokens ?? completionTokens;
        promptTokens = chunk.usage?.prompt_tokens ?? promptTokens;
        const delta = chunk.choices[0]?.delta.content;
        if (!delta) continue;
        for (const piece of parser.push(delta)) {
          if (piece.type === 'text') yield { type: 'text', text: piece.text };
          else if (piece.type === 'tool_call') yield { type: 'tool_call', call: piece.call };
        }
      }
      if (signal?.aborted) return;
      for (const piece of parser.flush()) {
        if (piece.type === 'text') yield { type: 'text', text: piece.text };
        else if (piece.type === 'tool_call') yield { type: 'tool_call', call: piece.call };
      }
      yield {
        type: 'done',
        usage: {
          ...(completionTokens !== undefined ? { completionTokens } : {}),
          ...(promptTokens !== undefined ? { promptTokens } : {}),
        },
      };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async dispose(): Promise<void> {
    try {
      await this.engine.unload();
    } finally {
      this.worker.terminate();
    }
  }
}
