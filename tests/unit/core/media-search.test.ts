import { describe, expect, it } from 'vitest';
import {
  embeddingText,
  fuseRankings,
  lexicalSearch,
  matchesFilters,
  searchTokens,
  storySentences,
} from '../../../src/core/media/index.ts';
import type { MediaItem } from '../../../src/core/media/types.ts';

const item = (id: string, title: string, extra: Partial<MediaItem> = {}): MediaItem => ({
  id,
  kind: 'song',
  format: 'audio',
  title,
  description: '',
  tags: [],
  language: null,
  ageMin: null,
  ageMax: null,
  durationSec: null,
  mime: 'audio/wav',
  url: `/media/${id}`,
  ...extra,
});

describe('catalog search helpers (src/core/media)', () => {
  const items = [
    item('a', 'Twinkle Twinkle Little Star', { tags: ['stars', 'night'] }),
    item('b', "Brahms' Lullaby", { tags: ['lullaby', 'sleep'], description: 'a cradle song under the stars' }),
    item('c', 'The Tortoise and the Hare', { kind: 'story', ageMin: 3, ageMax: 10, language: 'en' }),
  ];

  it('drops request words and folds plurals', () => {
    expect(searchTokens('Play me the song about the Stars, please!')).toEqual(['star']);
    expect(searchTokens('tell me a story')).toEqual([]);
  });

  it('ranks title matches above tag and description matches', () => {
    expect(lexicalSearch(items, { text: 'star' }).map((h) => h.item.id)).toEqual(['a', 'b']);
    expect(lexicalSearch(items, { text: 'twinkle twinkle' })[0]?.score).toBeGreaterThan(0.9);
  });

  it('filters by kind, age and language; unknown language or age passes', () => {
    expect(matchesFilters(items[2]!, { age: 2 })).toBe(false);
    expect(matchesFilters(items[2]!, { age: 11 })).toBe(false);
    expect(matchesFilters(items[2]!, { age: 3, language: 'en-GB' })).toBe(true);
    expect(matchesFilters(items[2]!, { language: 'de' })).toBe(false);
    expect(matchesFilters(items[0]!, { language: 'de', age: 1 })).toBe(true);
    expect(matchesFilters(items[0]!, { kind: 'story' })).toBe(false);
  });

  it('filters by an audience age range: an item passes when its ages overlap the range', () => {
    // items[2] is for ages 3–10.
    expect(matchesFilters(items[2]!, { ages: { min: 0, max: 2 } })).toBe(false);
    expect(matchesFilters(items[2]!, { ages: { min: 11, max: 99 } })).toBe(false);
    expect(matchesFilters(items[2]!, { ages: { min: 0, max: 3 } })).toBe(true);
    expect(matchesFilters(items[2]!, { ages: { min: 10, max: 14 } })).toBe(true);
    expect(matchesFilters(items[0]!, { ages: { min: 40, max: 50 } })).toBe(true);
    expect(lexicalSearch(items, { text: '', ages: { min: 12, max: 99 } }).map((h) => h.item.id)).not.toContain(
      items[2]!.id,
    );
  });

  it('fuses: semantic order leads, a lexical title match adds to it, filters apply to both', () => {
    const byId = new Map(items.map((i) => [i.id, i]));
    const fused = fuseRankings(['c', 'b', 'a'], byId, { text: 'twinkle' });
    expect(fused[0]).toMatchObject({ via: 'both' });
    expect(fused[0]?.item.id).toBe('a');
    expect(fuseRankings(['c', 'b', 'a'], byId, { text: 'moon' }).map((h) => h.item.id)).toEqual(['c', 'b', 'a']);
    expect(fuseRankings(['c', 'b', 'a'], byId, { text: 'moon', kind: 'song', limit: 1 }).map((h) => h.item.id)).toEqual(
      ['b'],
    );
  });

  it('builds the embedded text from title, description, tags, kind and a word excerpt', () => {
    const text = embeddingText(items[1]!, 'word '.repeat(500));
    expect(text.startsWith("Brahms' Lullaby. a cradle song under the stars. lullaby, sleep. song. word")).toBe(true);
    expect(text.length).toBeLessThan(520);
  });

  it('turns a markdown story into sentences to read aloud', () => {
    expect(storySentences('# The Fox\n\nA *hungry* fox saw grapes. She jumped!\n\n> The end')).toEqual([
      'The Fox.',
      'A hungry fox saw grapes.',
      'She jumped!',
      'The end',
    ]);
  });
});
