// The OpenAI-compatible backend against a local HTTP server (127.0.0.1, random port) that streams
// real SSE chunks the way Ollama and llama.cpp's server do.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiCompatibleChatModel } from '../../../server/engines/llm-openai-compatible.ts';
import type { ChatChunk, ChatModel, ChatRequest } from '../../../src/core/engines.ts';

type Scenario = (res: http.ServerResponse) => void;

const sse = (res: http.ServerResponse, data: unknown): boolean =>
  res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
const delta = (d: Record<string, unknown>, finish: string | null = null) => ({
  choices: [{ index: 0, delta: d, finish_reason: finish }],
});
const startSse = (res: http.ServerResponse) => res.writeHead(200, { 'content-type': 'text/event-stream' });

const scenarios: Record<string, Scenario> = {
  text(res) {
    startSse(res);
    for (const t of ['Once', ' upon', ' a time.']) sse(res, delta({ content: t }));
    sse(res, delta({}, 'stop'));
    sse(res, { choices: [], usage: { prompt_tokens: 12, completion_tokens: 3 } });
    sse(res, '[DONE]');
    res.end();
  },
  tools(res) {
    startSse(res);
    sse(
      res,
      delta({
        tool_calls: [{ index: 0, id: 'call_abc', type: 'function', function: { name: 'set_timer', arguments: '' } }],
      }),
    );
    sse(res, delta({ tool_calls: [{ index: 0, function: { arguments: '{"min' } }] }));
    sse(res, delta({ tool_calls: [{ index: 0, function: { arguments: 'utes": 5}' } }] }));
    sse(res, delta({}, 'tool_calls'));
    sse(res, '[DONE]');
    res.end();
  },
  http500(res) {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'model "nope" not found' } }));
  },
  dropped(res) {
    startSse(res);
    sse(res, delta({ content: 'Once' }));
    setTimeout(() => res.socket?.destroy(), 20);
  },
  malformed(res) {
    startSse(res);
    sse(res, '{"choices": [');
    res.end();
  },
  slow(res) {
    startSse(res);
    let n = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      sse(res, delta({ content: ` word${n++}` }));
    }, 10);
    res.on('close', () => clearInterval(timer));
  },
};

describe('OpenAI-compatible chat model (local SSE test server)', () => {
  let server: http.Server;
  let baseUrl = '';
  const requests: { auth: string | undefined; body: Record<string, unknown> }[] = [];
  let slowClosed: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body = JSON.parse(raw) as Record<string, unknown>;
        requests.push({ auth: req.headers.authorization, body });
        if (req.url !== '/v1/chat/completions') return void res.writeHead(404).end();
        const scenario = scenarios[String(body['model'])];
        if (body['model'] === 'slow') slowClosed = new Promise((resolve) => res.on('close', () => resolve()));
        if (scenario) scenario(res);
        else res.writeHead(400).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const collect = async (
    model: ChatModel,
    req: Partial<ChatRequest> = {},
    onChunk?: (n: number) => void,
  ): Promise<ChatChunk[]> => {
    const out: ChatChunk[] = [];
    for await (const chunk of model.stream({ messages: [{ role: 'user', content: 'hi' }], ...req })) {
      out.push(chunk);
      onChunk?.(out.length);
    }
    return out;
  };
  const model = (name: string, apiKey?: string) =>
    createOpenAiCompatibleChatModel({ baseUrl, model: name, ...(apiKey ? { apiKey } : {}) });

  it('streams text deltas and usage, and sends an OpenAI chat request with the API key', async () => {
    const chunks = await collect(model('text', 'sk-test'), { maxTokens: 50 });
    expect(chunks).toEqual([
      { type: 'text', text: 'Once' },
      { type: 'text', text: ' upon' },
      { type: 'text', text: ' a time.' },
      { type: 'done', usage: { promptTokens: 12, completionTokens: 3 } },
    ]);
    const sent = requests.at(-1)!;
    expect(sent.auth).toBe('Bearer sk-test');
    expect(sent.body).toMatchObject({
      model: 'text',
      stream: true,
      max_tokens: 50,
      messages: [{ role: 'user', content: 'hi' }],
    });
  });

  it('assembles streamed tool-call deltas into one tool_call, sending the tools', async () => {
    const tools = [
      {
        name: 'set_timer',
        description: 'Sets a timer',
        parameters: { type: 'object' as const, properties: { minutes: { type: 'number' as const } } },
      },
    ];
    const chunks = await collect(model('tools'), { tools });
    expect(chunks).toEqual([
      { type: 'tool_call', call: { id: 'call_abc', name: 'set_timer', arguments: { minutes: 5 } } },
      { type: 'done', usage: {} },
    ]);
    expect(requests.at(-1)?.body['tools']).toEqual([{ type: 'function', function: tools[0] }]);
  });

  it('reports an HTTP error with the server message', async () => {
    await expect(collect(model('http500'))).rejects.toThrow(/HTTP 500: model "nope" not found/);
  });

  it('reports a dropped connection, after the text that did arrive', async () => {
    const seen: ChatChunk[] = [];
    const run = async () => {
      for await (const c of model('dropped').stream({ messages: [{ role: 'user', content: 'hi' }] })) seen.push(c);
    };
    await expect(run()).rejects.toThrow(/broke off/);
    expect(seen).toEqual([{ type: 'text', text: 'Once' }]);
  });

  it('reports a malformed chunk', async () => {
    await expect(collect(model('malformed'))).rejects.toThrow(/malformed chunk/);
  });

  it('reports an unreachable host clearly', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = createOpenAiCompatibleChatModel({ baseUrl: `http://127.0.0.1:${port}/v1`, model: 'text' });
    expect(unreachable.endpoint).toBe(`http://127.0.0.1:${port}/v1/chat/completions`);
    await expect(collect(unreachable)).rejects.toThrow(/cannot reach the LLM server.*ECONNREFUSED/);
  });

  it('stops on abort and closes the connection', async () => {
    const controller = new AbortController();
    const chunks = await collect(model('slow'), { signal: controller.signal }, (n) => {
      if (n === 3) controller.abort();
    });
    expect(chunks).toHaveLength(3);
    await slowClosed;
  });
});
