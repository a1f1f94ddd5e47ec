// Title/tag word matching: the search that works with no embedding model installed, and the
// signal that makes exact titles win ("play Twinkle Twinkle") even when one is.
import { normalizeUtterance } from '../tools/utterance.ts';
import { matchesFilters } from './filters.ts';
import type { CatalogHit, CatalogQuery, MediaItem } from './types.ts';

// Request words carry no topic: "play me the song about ..." should search for the "...".
const STOPWORDS = new Set(
  ('a an the me my us our you your i we it its is are be to of for with and or in on at by from ' +
    'play sing tell read hear listen want like would could can some something any anything ' +
    'song songs music tune tunes story stories tale tales about called named one that this please hearth again ' +
    'little bit now go lets let').split(' '),
);

const WEIGHTS = { title: 3, tags: 2, description: 1 } as const;

/** Lower-case words without request filler; plural "s" folded so "stars" meets "star". */
export function searchTokens(text: string): string[] {
  return normalizeUtterance(text)
    .split(' ')
    .filter((w) => w.length > 0 && !STOPWORDS.has(w))
    .map(stem);
}

function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

interface FieldTokens {
  title: Set<string>;
  tags: Set<string>;
  description: Set<string>;
  titlePhrase: string;
}

function fieldTokens(item: MediaItem): FieldTokens {
  const words = (text: string) => new Set(normalizeUtterance(text).split(' ').filter(Boolean).map(stem));
  return {
    title: words(item.title),
    tags: words(item.tags.join(' ')),
    description: words(item.description),
    titlePhrase: searchTokens(item.title).join(' '),
  };
}

/** 0..1: how well the query's words match the item (title words count most, a whole-title match most of all). */
export function lexicalScore(queryTokens: string[], item: MediaItem): number {
  if (queryTokens.length === 0) return 0;
  const fields = fieldTokens(item);
  let total = 0;
  for (const token of queryTokens) {
    if (fields.title.has(token)) total += WEIGHTS.title;
    else if (fields.tags.has(token)) total += WEIGHTS.tags;
    else if (fields.description.has(token)) total += WEIGHTS.description;
  }
  const words = total / (queryTokens.length * WEIGHTS.title);
  const phrase = queryTokens.join(' ');
  // The query is the title, or the title is inside the query ("twinkle twinkle" in a longer ask).
  const titleBonus = fields.titlePhrase.length > 0 && (fields.titlePhrase.includes(phrase) || phrase.includes(fields.titlePhrase)) ? 0.5 : 0;
  return Math.min(1, words * 0.7 + titleBonus);
}

/** Items matching the query's words, best first; with no topic words, every item that passes the filters. */
export function lexicalSearch(items: readonly MediaItem[], query: CatalogQuery): CatalogHit[] {
  const tokens = searchTokens(query.text);
  const candidates = items.filter((item) => matchesFilters(item, query));
  const hits: CatalogHit[] =
    tokens.length === 0
      ? candidates.map((item) => ({ item, score: 0, via: 'lexical' as const }))
      : candidates.map((item) => ({ item, score: lexicalScore(tokens, item), via: 'lexical' as const })).filter((h) => h.score > 0);
  hits.sort((a, b) => b.score - a.score || a.item.title.localeCompare(b.item.title));
  return hits.slice(0, query.limit ?? hits.length);
}
