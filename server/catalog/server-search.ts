// The core Catalog on the server (for the toy agent and /api/catalog/search): the same Voy shards
// the browsers download, fused with lexical matching; lexical only when no model is installed.
import { lexicalSearch } from '../../src/core/media/lexical-search.ts';
import { fuseRankings } from '../../src/core/media/rank-fusion.ts';
import type { Catalog, CatalogHit, CatalogQuery } from '../../src/core/media/types.ts';
import type { NodeEmbedder } from '../engines/embedder.ts';
import { toMediaItem } from './record.ts';
import type { CatalogRepository } from './repository.ts';
import type { SemanticIndex } from './semantic-index.ts';

/** How many neighbours to ask Voy for: enough that filters (kind, age, language) still leave plenty. */
export function neighbourCount(itemCount: number, limit: number | undefined): number {
  return Math.min(itemCount, Math.max(50, (limit ?? 10) * 5));
}

export class ServerCatalog implements Catalog {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly index: SemanticIndex,
    private readonly embedder: () => Promise<NodeEmbedder | null>,
  ) {}

  async search(query: CatalogQuery, options?: { signal?: AbortSignal }): Promise<CatalogHit[]> {
    const items = this.repo.all().map(toMediaItem);
    const snapshot = this.index.current();
    // Until the first build, titles, tags and descriptions are searched without related words.
    const text = snapshot?.text?.search ?? null;
    const embedder = snapshot?.voy && query.text.trim() ? await this.embedder() : null;
    if (!snapshot?.voy || !embedder || embedder.packId !== snapshot.model) return lexicalSearch(items, query, text);
    const [vector] = await embedder.embed([query.text], options?.signal ? { signal: options.signal } : {});
    if (!vector) return lexicalSearch(items, query, text);
    const neighbours = snapshot.voy.search(vector, neighbourCount(snapshot.itemCount, query.limit));
    return fuseRankings(neighbours, new Map(items.map((i) => [i.id, i])), query, text);
  }
}
