// Memory with a real sentence embedder: the repo-generated minilm-contract pack through the real
// transformers.js feature-extraction pipeline (onnxruntime-node), wired the way the page wires it
// (createConversationContext over IndexedDB). Memories are stored with their embedding, and recall
// finds a memory that shares no word with the question, which word matching cannot.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import type { Embedder } from '../../../src/core/engines.ts';
import { createConversationContext, type ConversationContext } from '../../../src/app/conversation-context.ts';
import { HearthDb } from '../../../src/data/db.ts';
import { MINILM_DIMENSIONS, MINILM_PACK_ID } from '../../../scripts/contract-models/minilm.ts';
import { generateIntoTempDir } from '../contract-models/generate-fixture.ts';

const THINGS_SAID = [
  'My name is Maya.',
  'I have a tortoise.',
  'I love singing.',
  'My favourite colour is blue.',
  'I love pizza.',
  'I love the rain.',
  'I love the moon.',
  'I have a dog.',
];

describe('memory ranked by minilm-contract embeddings (real transformers.js in Node)', () => {
  const generated = generateIntoTempDir();
  let extractor: FeatureExtractionPipeline;
  let embedder: Embedder;
  const embedded: string[] = [];
  const dbs: HearthDb[] = [];

  beforeAll(async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${generated.outDir}/`;
    extractor = await pipeline('feature-extraction', MINILM_PACK_ID, { dtype: 'q8' });
    embedder = {
      dimensions: MINILM_DIMENSIONS,
      async embed(texts) {
        embedded.push(...texts);
        const rows = (await extractor(texts, { pooling: 'mean', normalize: true })).tolist() as number[][];
        return rows.map((row) => Float32Array.from(row));
      },
    };
  });
  afterAll(async () => {
    for (const db of dbs) {
      db.close();
      await db.delete();
    }
    await extractor?.dispose();
    generated.cleanup();
  });

  async function contextWith(withEmbedder: boolean): Promise<{ context: ConversationContext; db: HearthDb }> {
    const db = new HearthDb(`hearth-memory-embeddings-${dbs.length}-${Date.now()}`);
    dbs.push(db);
    const context = await createConversationContext({ db, embedder: withEmbedder ? embedder : null });
    for (const userText of THINGS_SAID)
      await context.onTurnEnd({ userText, replyText: 'Lovely!', interrupted: false, guarded: null, durationMs: 500 });
    return { context, db };
  }

  it('stores each memory with its embedding, and recall ranks by cosine: "turtles" finds the tortoise', async () => {
    const { context, db } = await contextWith(true);
    const stored = await db.memories.toArray();
    expect(stored).toHaveLength(THINGS_SAID.length);
    for (const memory of stored) {
      expect(memory.embedding, memory.text).toHaveLength(MINILM_DIMENSIONS);
      expect(Math.hypot(...memory.embedding!)).toBeCloseTo(1, 4);
    }
    const tortoise = stored.find((m) => m.slot === 'pet:tortoise')!;
    const [again] = await embedder.embed([tortoise.text]);
    expect(tortoise.embedding).toEqual(Array.from(again!));

    // More memories than fit the prompt (6), so they are ranked; the name is always kept.
    const recalled = await context.memories('Tell me about turtles.');
    expect(recalled.length).toBeLessThanOrEqual(6);
    expect(recalled[0]).toBe("The user's name is Maya.");
    expect(recalled[1]).toBe('The user has a tortoise.');
    expect(embedded).toContain('Tell me about turtles.');

    expect((await context.memories('Shall we look at the stars tonight?'))[1]).toBe('The user loves the moon.');
  });

  it('without an embedder the same question finds only the name (no shared words)', async () => {
    const { context, db } = await contextWith(false);
    expect((await db.memories.toArray()).every((m) => m.embedding === null)).toBe(true);
    expect(await context.memories('Tell me about turtles.')).toEqual(["The user's name is Maya."]);
  });
});
