// The real transformers.js feature-extraction pipeline (onnxruntime-node) on minilm-contract: proves
// the path (WordPiece tokenizer, int64 inputs, last_hidden_state, mean pooling, normalisation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { MINILM_DIMENSIONS, MINILM_PACK_ID } from '../../../scripts/contract-models/minilm.ts';
import { generateIntoTempDir } from './generate-fixture.ts';

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
};

describe('minilm-contract through the real transformers.js feature-extraction pipeline (Node)', () => {
  const generated = generateIntoTempDir();
  let extractor: FeatureExtractionPipeline;

  beforeAll(async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${generated.outDir}/`;
    extractor = await pipeline('feature-extraction', MINILM_PACK_ID, { dtype: 'q8' });
  });
  afterAll(async () => {
    await extractor?.dispose();
    generated.cleanup();
  });

  const embed = async (texts: string[]): Promise<number[][]> =>
    (await extractor(texts, { pooling: 'mean', normalize: true })).tolist() as number[][];

  it('mean-pools and normalises a batch of different lengths into unit vectors', async () => {
    const vectors = await embed(['turtle', 'tell me a story about a brave turtle', 'the moon and the stars at night']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toHaveLength(MINILM_DIMENSIONS);
      expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    }
  });

  it('puts words of one topic closer than words of another', async () => {
    const [turtle, tortoise, moon, star] = await embed(['turtle', 'tortoise', 'moon', 'star']);
    expect(cosine(turtle!, tortoise!)).toBeGreaterThan(0.8);
    expect(cosine(moon!, star!)).toBeGreaterThan(0.8);
    expect(cosine(turtle!, tortoise!)).toBeGreaterThan(cosine(turtle!, moon!) + 0.3);
  });

  it('ranks sentences by topic for a query (memory search)', async () => {
    const memories = [
      'my favourite animal is the tortoise',
      'i like to sing songs',
      'the moon is big tonight',
      'my dog is called rex',
    ];
    const [query, ...docs] = await embed(['tell me a story about a turtle', ...memories]);
    const ranked = docs
      .map((d, i) => ({ text: memories[i], score: cosine(query!, d) }))
      .sort((a, b) => b.score - a.score);
    expect(ranked[0]?.text).toBe('my favourite animal is the tortoise');
  });

  it('tokenizes unknown words to [UNK] and pads batches with an attention mask (pooling ignores padding)', async () => {
    const [alone, padded] = await embed(['moon', 'moon']);
    const [single] = await embed(['moon']);
    const [withLong] = (await embed(['moon', 'a very long sentence about nothing at all with zebras'])).slice(0, 1);
    expect(alone).toEqual(padded);
    for (let i = 0; i < MINILM_DIMENSIONS; i++) expect(withLong![i]).toBeCloseTo(single![i]!, 5);
  });
});
