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
  let cleanup = (): void => {};

  beforeAll(async () => {
    const store = await openTestModelStore();
    cleanup = store.cleanup;
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

  it('runs one generation at a time when two are asked for at once', async () => {
    const [a, b] = await Promise.all([
      collect(llm, story),
      collect(llm, { ...story, messages: [{ role: 'user', content: 'Tell me about a dog.' }] }),
    ]);
    expect(a.at(-1)?.type).toBe('done');
    expect(b.at(-1)?.type).toBe('done');
    expect(textOf(b).length).toBeGreaterThan(0);
  });
});
