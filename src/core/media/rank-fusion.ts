// Combines the semantic ranking (nearest neighbours from the Voy index, best first, no scores)
// with lexical scores. Title matches dominate; among the rest, semantic order decides.
import { searchTokens, lexicalScore } from './lexical-search.ts';
import { matchesFilters } from './filters.ts';
import type { CatalogHit, CatalogQuery, MediaItem } from './types.ts';

const LEXICAL_WEIGHT = 0.6;
const SEMANTIC_WEIGHT = 0.4;

/** Score of the neighbour at `rank` (0 = nearest): 1, 0.67, 0.5, 0.4, ... */
export function semanticRankScore(rank: number): number {
  return 1 / (1 + rank * 0.5);
}

export function fuseRankings(semanticIds: readonly string[], itemsById: ReadonlyMap<string, MediaItem>, query: CatalogQuery): CatalogHit[] {
  const tokens = searchTokens(query.text);
  const hits = new Map<string, CatalogHit>();
  let rank = 0;
  for (const id of semanticIds) {
    const item = itemsById.get(id);
    if (!item || !matchesFilters(item, query)) continue;
    hits.set(id, { item, score: SEMANTIC_WEIGHT * semanticRankScore(rank++), via: 'semantic' });
  }
  for (const item of itemsById.values()) {
    const lexical = lexicalScore(tokens, item);
    if (lexical <= 0 || !matchesFilters(item, query)) continue;
    const seen = hits.get(item.id);
    hits.set(item.id, seen ? { item, score: seen.score + LEXICAL_WEIGHT * lexical, via: 'both' } : { item, score: LEXICAL_WEIGHT * lexical, via: 'lexical' });
  }
  const ranked = [...hits.values()].sort((a, b) => b.score - a.score);
  return ranked.slice(0, query.limit ?? ranked.length);
}
