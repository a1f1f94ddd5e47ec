// Combines the semantic ranking (nearest neighbours from the Voy index, best first, no scores)
// with lexical scores. Title matches dominate; among the rest, semantic order decides.
import { matchesFilters } from './filters.ts';
import { TextSearch } from './text-search.ts';
import type { CatalogHit, CatalogQuery, MediaItem } from './types.ts';

const LEXICAL_WEIGHT = 0.6;
const SEMANTIC_WEIGHT = 0.4;

/** Score of the neighbour at `rank` (0 = nearest): 1, 0.67, 0.5, 0.4, ... */
export function semanticRankScore(rank: number): number {
  return 1 / (1 + rank * 0.5);
}

/** `text`: the catalog's prepared full-text index; without one, titles, tags and descriptions are indexed here. */
export function fuseRankings(
  semanticIds: readonly string[],
  itemsById: ReadonlyMap<string, MediaItem>,
  query: CatalogQuery,
  text?: TextSearch | null,
): CatalogHit[] {
  const hits = new Map<string, CatalogHit>();
  let rank = 0;
  for (const id of semanticIds) {
    const item = itemsById.get(id);
    if (!item || !matchesFilters(item, query)) continue;
    hits.set(id, { item, score: SEMANTIC_WEIGHT * semanticRankScore(rank++), via: 'semantic' });
  }
  const lexical = (text ?? TextSearch.build([...itemsById.values()])).scores(query.text);
  for (const [id, score] of lexical) {
    const item = itemsById.get(id);
    if (!item || score <= 0 || !matchesFilters(item, query)) continue;
    const seen = hits.get(id);
    hits.set(
      id,
      seen ? { item, score: seen.score + LEXICAL_WEIGHT * score, via: 'both' } : { item, score: LEXICAL_WEIGHT * score, via: 'lexical' },
    );
  }
  const ranked = [...hits.values()].sort((a, b) => b.score - a.score);
  return ranked.slice(0, query.limit ?? ranked.length);
}
