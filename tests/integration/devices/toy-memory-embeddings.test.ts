// Toy memories with the library's sentence embedder: the repo-generated minilm-contract pack through
// the real transformers.js pipeline in Node (loadNodeEmbedder, as the catalog loads it). The
// embedder loads in the background; once ready, what a toy learns is stored with its embedding.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { latestEmbedder } from '../../../server/agent/latest-embedder.ts';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { DeviceRepository } from '../../../server/devices/device-repository.ts';
import { loadNodeEmbedder, type NodeEmbedder } from '../../../server/engines/embedder.ts';
import { MINILM_DIMENSIONS, MINILM_PACK_ID } from '../../../scripts/contract-models/minilm.ts';
import type { Embedder } from '../../../src/core/engines.ts';
import { storeWithContractModels } from '../catalog/helpers.ts';
import { generateIntoTempDir } from '../contract-models/generate-fixture.ts';
import { strictToyContext } from './strict-toy-context.ts';

describe('toy memories embedded with the library embedder (minilm-contract, real transformers.js)', () => {
  const generated = generateIntoTempDir();
  let db: HearthDatabase;
  const loaded: NodeEmbedder[] = [];

  beforeAll(() => {
    db = openDatabase(':memory:');
    new DeviceRepository(db).create({ name: 'Bear', id: 'bear' });
  });
  afterAll(async () => {
    db.close();
    for (const e of loaded) await e.dispose();
    generated.cleanup();
  });

  it('is null while loading, then stores each learned memory with its embedding', async () => {
    const models = await storeWithContractModels(generated.outDir, generated.manifestPath);
    const embedderNow = latestEmbedder(async () => {
      const embedder = await loadNodeEmbedder(models, MINILM_PACK_ID);
      if (embedder && !loaded.includes(embedder)) loaded.push(embedder);
      return embedder;
    });
    expect(embedderNow()).toBeNull();
    await vi.waitFor(() => expect(embedderNow()?.dimensions).toBe(MINILM_DIMENSIONS), {
      timeout: 60_000,
      interval: 50,
    });

    const { store, toy } = strictToyContext(db, 'bear', { embedder: embedderNow });
    await toy.memory.learnFromTurn({
      userText: 'My name is Maya and I have a tortoise.',
      replyText: 'Hello Maya!',
      conversationId: toy.conversationId,
    });
    const memories = await store.list();
    expect(memories.length).toBeGreaterThanOrEqual(2);
    for (const m of memories) expect(m.embedding?.length).toBe(MINILM_DIMENSIONS);
  }, 90_000);

  it('falls back to words when the embedder cannot load, and reports why', async () => {
    const problems: unknown[] = [];
    const embedderNow = latestEmbedder(
      () => Promise.reject(new Error('embeddings pack is corrupt')),
      (e) => problems.push(e),
    );
    expect(embedderNow()).toBeNull();
    await vi.waitFor(() => expect(problems).toHaveLength(1));
    expect(String(problems[0])).toMatch(/corrupt/);
    expect(embedderNow()).toBeNull();
  });

  it('follows a changed embedder (a pack installed or replaced later)', async () => {
    const first: Embedder = { dimensions: 2, embed: async (t) => t.map(() => new Float32Array(2)) };
    const second: Embedder = { dimensions: 3, embed: async (t) => t.map(() => new Float32Array(3)) };
    let which: Embedder | null = null;
    const embedderNow = latestEmbedder(async () => which);
    embedderNow();
    await vi.waitFor(() => expect(embedderNow()).toBeNull());
    which = first;
    await vi.waitFor(() => expect(embedderNow()).toBe(first));
    which = second;
    await vi.waitFor(() => expect(embedderNow()).toBe(second));
  });
});
