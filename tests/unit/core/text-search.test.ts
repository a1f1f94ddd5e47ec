// Full-text search in the core (MiniSearch + Porter stems + a related-words table): word forms,
// story text, related words and their weights, whole-title wins, the served form, and the varied
// pick for "tell me a story". The related-words table here is written by hand for these items
// (the server builds the real one from WordNet: tests/integration/catalog/search-meaning.test.ts).
import { describe, expect, it } from 'vitest';
import {
  indexTerms,
  lexicalSearch,
  searchTokens,
  TextSearch,
  variedOrder,
  type TextDocument,
  type WordExpansions,
} from '../../../src/core/media/index.ts';
import type { CatalogHit, MediaItem } from '../../../src/core/media/types.ts';

const item = (id: string, title: string, extra: Partial<MediaItem> = {}): MediaItem => ({
  id,
  kind: 'story',
  format: 'text',
  title,
  description: '',
  tags: [],
  language: 'en',
  ageMin: null,
  ageMax: null,
  durationSec: null,
  mime: 'text/markdown',
  url: `/media/${id}`,
  ...extra,
});

const fable = item('fable', 'The Tortoise and the Hare', {
  description: 'A slow and steady tortoise races a boastful hare who stops for a nap.',
  tags: ['fable', 'tortoise', 'hare', 'race'],
});
const lion = item('lion', 'The Lion and the Mouse', { tags: ['lion', 'mouse', 'kindness'] });
const twinkle = item('twinkle', 'Twinkle Twinkle Little Star', {
  kind: 'song',
  description: 'A gentle tune about a little star shining in the night sky.',
  tags: ['stars', 'night', 'sky'],
});
const lullaby = item('lullaby', "Brahms' Lullaby", { kind: 'song', tags: ['lullaby', 'sleep', 'bedtime'] });
const ITEMS = [fable, lion, twinkle, lullaby];

const docs = (words: Record<string, string> = {}): TextDocument[] =>
  ITEMS.map((i) => ({ ...i, words: words[i.id] ?? null }));

/** Hand-written stand-in for the server's WordNet table: query stem → [catalog stem, weight]. */
const HAND_TABLE: WordExpansions = {
  turtl: [['tortois', 0.6]],
  moon: [['star', 0.35]],
  kitten: [['mous', 0.2]],
};

describe('full-text search (src/core/media/text-search.ts)', () => {
  it('reduces word forms to one stem on both sides and drops request words', () => {
    expect(searchTokens('Tell me a story about the turtles, please')).toEqual(['turtl']);
    expect(searchTokens('turtle')).toEqual(searchTokens("turtle's"));
    expect(searchTokens('sleeping')).toEqual(indexTerms('sleep'));
    expect(searchTokens('tell me a story')).toEqual([]);
  });

  it('finds an item by any form of its words: plural, -ing, possessive', () => {
    const text = TextSearch.build(docs());
    expect([...text.scores('tortoises').keys()]).toEqual(['fable']);
    expect([...text.scores('races').keys()]).toEqual(['fable']);
    expect([...text.scores('a star').keys()]).toEqual(['twinkle']);
    expect([...text.scores('something for sleeping').keys()]).toEqual(['lullaby']);
  });

  it('searches story text, below titles, tags and descriptions', () => {
    const text = TextSearch.build(docs({ lion: 'A hunter set a net. The tortoise watched from the grass.' }));
    const scores = text.scores('tortoise');
    expect([...scores.keys()]).toEqual(['fable', 'lion']);
    expect(scores.get('fable')!).toBeGreaterThan(scores.get('lion')!);
    expect([...text.scores('hunter').keys()]).toEqual(['lion']);
  });

  it('follows related words, weighted below the word itself', () => {
    expect(TextSearch.build(docs()).scores('turtle').size).toBe(0);
    const text = TextSearch.build(docs(), HAND_TABLE);
    expect([...text.scores('a story about a turtle').keys()]).toEqual(['fable']);
    expect([...text.scores('a song about the moon').keys()]).toEqual(['twinkle']);
    // The catalog's own word scores higher than a related one.
    expect(text.scores('tortoise').get('fable')!).toBeGreaterThan(text.scores('turtle').get('fable')!);
    // A weak relation gives a weak score, not a confident one.
    expect(text.scores('kitten').get('lion')!).toBeLessThan(0.5);
  });

  it('lets an item whose title is the request win outright', () => {
    const text = TextSearch.build(docs());
    expect(text.scores('play twinkle twinkle little star').get('twinkle')).toBe(1);
    expect(text.scores('the tortoise and the hare').get('fable')).toBe(1);
    expect(text.scores('race').get('fable')!).toBeLessThan(1); // a tag, not the title
  });

  it('round-trips through the served JSON form with the same results', () => {
    const built = TextSearch.build(docs({ lion: 'The mouse gnawed the ropes.' }), HAND_TABLE);
    const loaded = TextSearch.load(JSON.parse(JSON.stringify(built.toJSON())) as ReturnType<TextSearch['toJSON']>);
    for (const q of ['turtle', 'moon', 'ropes', 'twinkle twinkle', 'nothing here']) {
      expect([...loaded.scores(q)]).toEqual([...built.scores(q)]);
    }
    expect(() => TextSearch.load({ format: 2 as 1, index: {}, expansions: {} })).toThrow(/format/);
  });

  it('lexicalSearch: filters apply; related words find items; with no topic every item passes', () => {
    const text = TextSearch.build(docs(), HAND_TABLE);
    expect(lexicalSearch(ITEMS, { text: 'turtle', kind: 'story' }, text).map((h) => h.item.id)).toEqual(['fable']);
    expect(lexicalSearch(ITEMS, { text: 'turtle', kind: 'song' }, text)).toEqual([]);
    expect(lexicalSearch(ITEMS, { text: 'moon', kind: 'song' }, text).map((h) => h.item.id)).toEqual(['twinkle']);
    expect(lexicalSearch(ITEMS, { text: 'tell me a story', kind: 'story' }, text)).toHaveLength(2);
    // Without a prepared index: titles, tags and descriptions, word forms, no related words.
    expect(lexicalSearch(ITEMS, { text: 'tortoises' }).map((h) => h.item.id)).toEqual(['fable']);
    expect(lexicalSearch(ITEMS, { text: 'turtle' })).toEqual([]);
  });
});

describe('varied pick for a request with no topic (src/core/media/varied-pick.ts)', () => {
  const hits: CatalogHit[] = ['a', 'b', 'c', 'd'].map((id) => ({
    item: item(id, id.toUpperCase()),
    score: 0,
    via: 'lexical',
  }));
  const ids = (list: CatalogHit[]) => list.map((h) => h.item.id);

  it('offers what was not heard lately first, then what was heard longest ago', () => {
    const order = ids(variedOrder(hits, ['b', 'd'], () => 0.5));
    expect(order.slice(0, 2).sort()).toEqual(['a', 'c']);
    expect(order.slice(2)).toEqual(['d', 'b']); // b newest, so last
  });

  it('shuffles the ones not heard, so the first is not always the same', () => {
    const firsts = new Set<string>();
    for (const r of [0, 0.3, 0.6, 0.99]) firsts.add(ids(variedOrder(hits, [], () => r))[0]!);
    expect(firsts.size).toBeGreaterThan(1);
  });
});
