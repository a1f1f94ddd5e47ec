// ChatModel on any OpenAI-compatible server on the LAN (Ollama, llama.cpp's server, vLLM):
// POST <baseUrl>/v1/chat/completions with stream:true, text deltas and streamed tool-call deltas
// parsed from the SSE chunks. Node's own fetch; the AbortSignal cancels the request.
import type { ChatChunk, ChatModel, ChatRequest } from '../../src/core/engines.ts';
import { toOaiMessages, toOaiTools } from '../../src/core/llm/oai-messages.ts';
import { ToolCallDeltaAccumulator, type ToolCallDelta } from '../../src/core/llm/tool-call-deltas.ts';
import { sseData } from './sse-lines.ts';

export interface OpenAiCompatibleOptions {
  /** e.g. "http://ollama.lan:11434" (a trailing "/v1" is accepted too). */
  baseUrl: string;
  model: string;
  apiKey?: string | null;
  /** Gives up on a server that has not answered (headers) within this time. Default 30 s. */
  connectTimeoutMs?: number;
}

export interface RemoteChatModel extends ChatModel {
  readonly endpoint: string;
  readonly model: string;
}

export class OpenAiCompatibleError extends Error {
  override name = 'OpenAiCompatibleError';
}

interface StreamChunk {
  choices?: { delta?: { content?: string | null; tool_calls?: ToolCallDelta[] }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string } | string;
}

export function chatCompletionsUrl(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return `${trimmed.endsWith('/v1') ? trimmed : `${trimmed}/v1`}/chat/completions`;
}

export function createOpenAiCompatibleChatModel(opts: OpenAiCompatibleOptions): RemoteChatModel {
  const endpoint = chatCompletionsUrl(opts.baseUrl);
  const connectTimeoutMs = opts.connectTimeoutMs ?? 30_000;
  return {
    endpoint,
    model: opts.model,
    stream: (req) => streamReply(endpoint, opts, connectTimeoutMs, req),
  };
}

async function* streamReply(
  endpoint: string,
  opts: OpenAiCompatibleOptions,
  connectTimeoutMs: number,
  req: ChatRequest,
): AsyncGenerator<ChatChunk> {
  if (req.signal?.aborted) return;
  const tools = req.tools && req.tools.length > 0 ? toOaiTools(req.tools) : undefined;
  const body = {
    model: opts.model,
    messages: toOaiMessages(req.messages),
    stream: true,
    stream_options: { include_usage: true },
    ...(tools ? { tools, tool_choice: 'auto' } : {}),
    ...(req.maxTokens !== undefined ? { max_tokens: req.maxTokens } : {}),
    ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
  };
  const connectTimeout = AbortSignal.timeout(connectTimeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, connectTimeout]) : connectTimeout;
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
      },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (req.signal?.aborted) return;
    if (connectTimeout.aborted)
      throw new OpenAiCompatibleError(`LLM server ${endpoint} did not answer within ${connectTimeoutMs} ms`);
    throw new OpenAiCompatibleError(`cannot reach the LLM server at ${endpoint}: ${describeCause(error)}`, {
      cause: error,
    });
  }
  if (!response.ok) {
    const detail = await response.text().catch(() => '');
    throw new OpenAiCompatibleError(`LLM server ${endpoint} answered HTTP ${response.status}${errorMessageOf(detail)}`);
  }
  if (!response.body) throw new OpenAiCompatibleError(`LLM server ${endpoint} sent no body`);

  // Headers arrived: from here only the caller's signal cancels (a long reply is not a timeout).
  const stopReading = () => void response.body?.cancel().catch(() => undefined);
  req.signal?.addEventListener('abort', stopReading, { once: true });
  const deltas = new ToolCallDeltaAccumulator();
  let usage: StreamChunk['usage'] = null;
  let sawDone = false;
  let chunks = 0;
  try {
    for await (const data of sseData(response.body)) {
      if (req.signal?.aborted) return;
      if (data.trim() === '[DONE]') {
        sawDone = true;
        break;
      }
      const chunk = parseChunk(data, endpoint);
      chunks++;
      if (chunk.error)
        throw new OpenAiCompatibleError(
          `LLM server ${endpoint} reported an error: ${typeof chunk.error === 'string' ? chunk.error : (chunk.error.message ?? 'unknown')}`,
        );
      if (chunk.usage) usage = chunk.usage;
      const delta = chunk.choices?.[0]?.delta;
      deltas.add(delta?.tool_calls);
      if (delta?.content) yield { type: 'text', text: delta.content };
    }
  } catch (error) {
    if (req.signal?.aborted) return;
    if (error instanceof OpenAiCompatibleError) throw error;
    throw new OpenAiCompatibleError(`the LLM server's stream from ${endpoint} broke off: ${describeCause(error)}`, {
      cause: error,
    });
  } finally {
    req.signal?.removeEventListener('abort', stopReading);
  }
  if (req.signal?.aborted) return;
  // Some servers just close after the last chunk; a stream with no chunk and no [DONE] is an error.
  if (!sawDone && chunks === 0)
    throw new OpenAiCompatibleError(`the LLM server's stream from ${endpoint} ended without [DONE]`);
  for (const call of deltas.finish()) yield { type: 'tool_call', call };
  yield {
    type: 'done',
    usage: {
      ...(usage?.prompt_tokens !== undefined ? { promptTokens: usage.prompt_tokens } : {}),
      ...(usage?.completion_tokens !== undefined ? { completionTokens: usage.completion_tokens } : {}),
    },
  };
}

function parseChunk(data: string, endpoint: string): StreamChunk {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new OpenAiCompatibleError(`LLM server ${endpoint} sent a malformed chunk: ${data.slice(0, 120)}`);
  }
  if (!parsed || typeof parsed !== 'object')
    throw new OpenAiCompatibleError(`LLM server ${endpoint} sent a malformed chunk: ${data.slice(0, 120)}`);
  return parsed as StreamChunk;
}

function errorMessageOf(body: string): string {
  if (!body) return '';
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } | string };
    const message = typeof parsed.error === 'string' ? parsed.error : parsed.error?.message;
    if (message) return `: ${message}`;
  } catch {
    // not JSON: show the start of the text
  }
  return `: ${body.slice(0, 200)}`;
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error)
    return 'code' in cause && typeof cause.code === 'string' ? `${cause.code} (${cause.message})` : cause.message;
  return String(cause);
}
