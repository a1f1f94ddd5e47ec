// node-llama-cpp with the real stories260K GGUF (no chat template: the story-continuation path).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLlamaCppChatModel, type NodeChatModel } from '../../../server/engines/llm-llama-cpp.ts';
import type { ChatChunk, ChatRequest } from '../../../src/core/engines.ts';
import { openTestModelStore } from './model-store-fixture.ts';

async function collect(
  model: NodeChatModel,
  req: ChatRequest,
  onChunk?: (chunk: ChatChunk, index: number) => void,
): Promise<ChatChunk[]> {
  const chunks: ChatChunk[] = [];
  for await (const chunk of model.stream(req)) {
    chunks.push(chunk);
    onChunk?.(chunk, chunks.length);
  }
  return chunks;
}

const textOf = (chunks: ChatChunk[]): string => chunks.map((c) => (c.type === 'text' ? c.text : '')).join('');

describe('node-llama-cpp chat model (stories260K GGUF)', () => {
  let llm: NodeChatModel;
  let models: Awaited<ReturnType<typeof openTestModelStore>>['models'];
  let cleanup = (): void => {};

  beforeAll(async () => {
    const store = await openTestModelStore();
    cleanup = store.cleanup;
    models = store.models;
    llm = await loadLlamaCppChatModel(store.models, { packId: 'stories260K', threads: 1, contextSize: 256 });
  });
  afterAll(async () => {
    await llm?.dispose();
    cleanup();
  });

  const story: ChatRequest = {
    messages: [{ role: 'user', content: 'Tell me a story about a brave turtle.' }],
    maxTokens: 40,
  };

  it('streams a story continuation in several chunks, then done', async () => {
    expect(llm.hasChatTemplate).toBe(false);
    const chunks = await collect(llm, story);
    expect(chunks.filter((c) => c.type === 'text').length).toBeGreaterThan(5);
    expect(textOf(chunks).trim().length).toBeGreaterThan(20);
    expect(chunks.at(-1)?.type).toBe('done');
  });

  it('stops promptly on abort, and the next generation works', async () => {
    const controller = new AbortController();
    const chunks = await collect(llm, { ...story, maxTokens: 200, signal: controller.signal }, (_chunk, index) => {
      if (index === 3) controller.abort();
    });
    expect(chunks.length).toBe(3);
    expect(chunks.some((c) => c.type === 'done')).toBe(false);

    const again = await collect(llm, story);
    expect(textOf(again).trim().length).toBeGreaterThan(20);
    expect(again.at(-1)?.type).toBe('done');
  });

  /** Runs `requests` at once and logs, in order, when each one's first words and its end came. */
  async function together(model: NodeChatModel, requests: Record<string, ChatRequest>): Promise<string[]> {
    const log: string[] = [];
    await Promise.all(
      Object.entries(requests).map(([name, req]) =>
        collect(model, req, (chunk) => {
          if (chunk.type === 'text' && !log.includes(`${name} speaks`)) log.push(`${name} speaks`);
          if (chunk.type === 'done') log.push(`${name} done`);
        }),
      ),
    );
    return log;
  }
  const dog: ChatRequest = { ...story, messages: [{ role: 'user', content: 'Tell me about a dog.' }] };
  const moon: ChatRequest = { ...story, messages: [{ role: 'user', content: 'Tell me about the moon.' }] };

  it('two toys at once share the one model: both replies are written together, neither waits for the other', async () => {
    const shared = await loadLlamaCppChatModel(models, {
      packId: 'stories260K',
      threads: 1,
      contextSize: 256,
      sequences: 2,
    });
    try {
      expect(shared.parallel).toBe(2);
      const log = await together(shared, { a: story, b: dog });
      expect(log.indexOf('b speaks')).toBeLessThan(log.indexOf('a done'));
      expect(log.indexOf('a speaks')).toBeLessThan(log.indexOf('b done'));
      // A third while both sequences are busy waits for one of them, then is answered too.
      const three = await together(shared, { a: story, b: dog, c: moon });
      const firstDone = Math.min(three.indexOf('a done'), three.indexOf('b done'));
      expect(three.indexOf('c speaks')).toBeGreaterThan(firstDone);
      expect(three).toContain('c done');
    } finally {
      await shared.dispose();
    }
  });

  it('with one sequence, a second request waits until the first reply is finished', async () => {
    const single = await loadLlamaCppChatModel(models, {
      packId: 'stories260K',
      threads: 1,
      contextSize: 256,
      sequences: 1,
    });
    try {
      const log = await together(single, { a: story, b: dog });
      expect(log).toEqual(['a speaks', 'a done', 'b speaks', 'b done']);
    } finally {
      await single.dispose();
    }
  });
});
