// The search that works with no embedding model installed (full text with stemming and related
// words, see text-search.ts), and the signal that makes exact titles win ("play Twinkle Twinkle")
// even when a model is installed.
import { matchesFilters } from './filters.ts';
import { searchTokens } from './search-words.ts';
import { TextSearch } from './text-search.ts';
import type { CatalogHit, CatalogQuery, MediaItem } from './types.ts';

export { searchTokens } from './search-words.ts';

/**
 * Items matching the query's words, best first; with no topic words, every item that passes the
 * filters (in title order: the caller picks among them). `text` is the catalog's prepared index
 * (story text, related words); without one, an index of the items' titles, tags and descriptions
 * is built for this search.
 */
export function lexicalSearch(items: readonly MediaItem[], query: CatalogQuery, text?: TextSearch | null): CatalogHit[] {
  const candidates = items.filter((item) => matchesFilters(item, query));
  let hits: CatalogHit[];
  if (searchTokens(query.text).length === 0) {
    hits = candidates.map((item) => ({ item, score: 0, via: 'lexical' as const }));
  } else {
    const scores = (text ?? TextSearch.build(candidates)).scores(query.text);
    hits = candidates.flatMap((item) => {
      const score = scores.get(item.id) ?? 0;
      return score > 0 ? [{ item, score, via: 'lexical' as const }] : [];
    });
  }
  hits.sort((a, b) => b.score - a.score || a.item.title.localeCompare(b.item.title));
  return hits.slice(0, query.limit ?? hits.length);
}
