// Toy memories extracted by the LLM, when the toy's LLM can do it: the real OpenAI-compatible client
// against a local server that streams real SSE chunks (the way Ollama or a llama.cpp server would
// answer the save_facts request). The LLM's facts are kept next to the rules', and a tiny story
// model without a chat template is never asked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canExtractFacts } from '../../../server/agent/supervisor.ts';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { DeviceRepository } from '../../../server/devices/device-repository.ts';
import { createOpenAiCompatibleChatModel } from '../../../server/engines/llm-openai-compatible.ts';
import type { NodeChatModel } from '../../../server/engines/llm-llama-cpp.ts';
import { strictToyContext } from './strict-toy-context.ts';

const FACTS = JSON.stringify({ facts: [{ slot: 'likes:owls', text: 'The user loves owls' }] });

describe('toy memory: LLM fact extraction over an OpenAI-compatible LAN endpoint', () => {
  let server: http.Server;
  let baseUrl = '';
  let db: HearthDatabase;
  const asked: Record<string, unknown>[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        asked.push(JSON.parse(raw) as Record<string, unknown>);
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        // The JSON arrives split over several deltas, as a model streams it.
        for (const piece of [FACTS.slice(0, 20), FACTS.slice(20, 50), FACTS.slice(50)]) {
          res.write(
            `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`,
          );
        }
        res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
        res.end('data: [DONE]\n\n');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    db = openDatabase(':memory:');
    new DeviceRepository(db).create({ name: 'Bear', id: 'bear' });
  });
  afterAll(async () => {
    db.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('keeps what the LLM learned next to what the rules learned', async () => {
    const llm = createOpenAiCompatibleChatModel({ baseUrl, model: 'lan-model' });
    expect(canExtractFacts(llm)).toBe(true);
    const { store, toy } = strictToyContext(db, 'bear', { extractionLlm: llm });
    await toy.onTurnEnd({
      userText: 'My name is Maya. Owls are the best birds in the whole world.',
      replyText: 'Owls are wonderful!',
      guarded: null,
      durationMs: 1000,
    });
    const texts = (await store.list()).map((m) => m.text).sort();
    expect(texts).toEqual(['The user loves owls.', "The user's name is Maya."]);
    const llmFact = (await store.list()).find((m) => m.slot === 'likes:owls');
    expect(llmFact?.source).toBe('llm');
    // The rules alone learn nothing from "Owls are the best birds"; the model's fact is kept.
    // The request carried the exchange, so the model saw what the child said.
    expect(JSON.stringify(asked.at(-1)?.['messages'])).toContain('best birds');
  });

  it('never asks a story model without a chat template', () => {
    // Chat model doubles of the llama.cpp engine: only hasChatTemplate differs.
    const ggufDouble = (hasChatTemplate: boolean): NodeChatModel => ({
      packId: 'gguf-double',
      hasChatTemplate,
      parallel: 1,
      async *stream() {},
      dispose: () => Promise.resolve(),
    });
    const storyModel = ggufDouble(false);
    const chatGguf = ggufDouble(true);
    expect(canExtractFacts(storyModel)).toBe(false);
    expect(canExtractFacts(chatGguf)).toBe(true);
  });
});
