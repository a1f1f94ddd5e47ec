// Search on the starter library: with the minilm-contract embedding model through the real
// transformers.js + Voy path, and with the lexical fallback when no embedding model is installed.
// The contract model knows topic words (turtle/tortoise, moon/star/night/sleep, food/eat/hungry),
// not names. "turtle" and "moon" are found by the embeddings and, since the full-text index has
// related words from WordNet, by full text as well (search-meaning.test.ts covers that alone).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogHit, CatalogQuery } from '../../../src/core/media/types.ts';
import { MINILM_PACK_ID } from '../../../scripts/contract-models/minilm.ts';
import { generateIntoTempDir } from '../contract-models/generate-fixture.ts';
import {
  openTestCatalog,
  starterMediaDir,
  storeWithContractModels,
  storeWithoutEmbeddings,
  type TestCatalog,
} from './helpers.ts';

const titles = (hits: CatalogHit[]) => hits.map((h) => h.item.title);

describe('starter library search', () => {
  let mediaDir: string;
  beforeAll(async () => {
    mediaDir = await starterMediaDir();
  }, 120_000);

  describe('with the contract embedding model (Voy index built by the server)', () => {
    const generated = generateIntoTempDir();
    let catalog: TestCatalog;
    const search = (query: CatalogQuery) => catalog.service.search.search(query);

    beforeAll(async () => {
      catalog = await openTestCatalog({
        mediaDir,
        models: await storeWithContractModels(generated.outDir, generated.manifestPath),
      });
    }, 60_000);
    afterAll(async () => {
      await catalog?.close();
      generated.cleanup();
    });

    it('indexes every starter item with the embeddings pack', () => {
      const index = catalog.service.index.current();
      expect(index).toMatchObject({ model: MINILM_PACK_ID, dimensions: 32, itemCount: 9 });
      expect(index?.voy?.size()).toBe(9);
      expect(index?.shards).toHaveLength(1);
      expect(index?.wireBytes).toBeGreaterThan(100);
    });

    it('finds the tortoise story from "turtle", a word in no title, tag or description', async () => {
      const hits = await search({ text: 'tell me a story about a turtle', kind: 'story' });
      expect(hits[0]?.item.title).toBe('The Tortoise and the Hare');
      expect(hits[0]?.via).toBe('both');
    });

    it('finds a bedtime tune for "a song for the moon" (semantic: moon is near star, night and sleep)', async () => {
      const hits = await search({ text: 'a song for the moon', kind: 'song' });
      expect(['Twinkle Twinkle Little Star', "Brahms' Lullaby"]).toContain(hits[0]?.item.title);
    });

    it('finds a food story for "something to eat"', async () => {
      const hits = await search({ text: 'a story about something to eat', kind: 'story' });
      expect(['The Ant and the Grasshopper', 'The Fox and the Grapes']).toContain(hits[0]?.item.title);
    });

    it('lets exact titles win over nearby topics', async () => {
      expect(titles(await search({ text: 'play twinkle twinkle', kind: 'song' }))[0]).toBe(
        'Twinkle Twinkle Little Star',
      );
      expect(titles(await search({ text: 'the tortoise and the hare' }))[0]).toBe('The Tortoise and the Hare');
      const lion = await search({ text: 'the lion and the mouse', kind: 'story' });
      expect(lion[0]).toMatchObject({ via: 'both' });
      expect(lion[0]?.item.title).toBe('The Lion and the Mouse');
    });

    it('applies kind, language and age filters', async () => {
      expect((await search({ text: 'lullaby', kind: 'story' })).every((h) => h.item.kind === 'story')).toBe(true);
      expect(await search({ text: 'tortoise', kind: 'story', age: 1 })).toEqual([]); // fables are for 3-10
      expect(titles(await search({ text: 'tortoise', kind: 'story', age: 5 }))[0]).toBe('The Tortoise and the Hare');
      expect(await search({ text: 'tortoise', language: 'fr', kind: 'story' })).toEqual([]);
      // Instrumental tunes have no language: they pass any language filter.
      expect(titles(await search({ text: 'twinkle', language: 'fr', kind: 'song' }))[0]).toBe(
        'Twinkle Twinkle Little Star',
      );
    });
  });

  describe('with no embedding model (lexical fallback)', () => {
    let catalog: TestCatalog;
    const search = (query: CatalogQuery) => catalog.service.search.search(query);

    beforeAll(async () => {
      catalog = await openTestCatalog({ mediaDir, models: await storeWithoutEmbeddings() });
    }, 60_000);
    afterAll(async () => catalog?.close());

    it('builds no vector index, only a version for the item list', () => {
      expect(catalog.service.index.current()).toMatchObject({ model: null, shards: [], voy: null, itemCount: 9 });
      expect(catalog.service.index.current()?.version).toMatch(/^lexical-/);
    });

    it('still plays "Twinkle Twinkle" and finds fables by title and tag words', async () => {
      expect(titles(await search({ text: 'play Twinkle Twinkle', kind: 'song' }))[0]).toBe(
        'Twinkle Twinkle Little Star',
      );
      expect(titles(await search({ text: 'the story about the tortoise and the hare', kind: 'story' }))[0]).toBe(
        'The Tortoise and the Hare',
      );
      expect(titles(await search({ text: 'wolf', kind: 'story' }))[0]).toBe('The Boy Who Cried Wolf');
      expect(titles(await search({ text: 'a lullaby', kind: 'song' }))[0]).toBe("Brahms' Lullaby");
      expect(titles(await search({ text: 'grapes' }))[0]).toBe('The Fox and the Grapes');
      for (const hit of await search({ text: 'twinkle' })) expect(hit.via).toBe('lexical');
    });

    it('returns every item of the kind for an empty query, and nothing for unknown words', async () => {
      expect(await search({ text: '', kind: 'story' })).toHaveLength(5);
      expect(await search({ text: 'play a song', kind: 'song' })).toHaveLength(4);
      expect(await search({ text: 'dinosaurs in space' })).toEqual([]);
    });
  });
});
