// The core Catalog in the browser: the item list and the server-built Voy index (in shards) are
// fetched, the query is embedded here (the same embeddings pack, from Hearth's /models/), and the
// search runs locally. Without a model, or while it loads, the server-built full-text index (story
// text, related words from WordNet) is searched instead; titles, tags and descriptions until it loads.
import type { Embedder } from '../../core/engines.ts';
import { lexicalSearch } from '../../core/media/lexical-search.ts';
import { fuseRankings } from '../../core/media/rank-fusion.ts';
import { TextSearch } from '../../core/media/text-search.ts';
import type { Catalog, CatalogHit, CatalogQuery, MediaItem } from '../../core/media/types.ts';
import { fetchCatalog, fetchTextIndex, type CatalogListing } from './catalog-api.ts';
import { loadVoyIndex, type VoyIndex } from './voy-index.ts';

export interface BrowserCatalogOptions {
  /** Loads the embedder for a pack id; null when it cannot (search stays lexical). */
  embedderFor?: (packId: string) => Promise<Embedder | null>;
}

type Listener = (listing: CatalogListing) => void;

export class BrowserCatalog implements Catalog {
  private listing: CatalogListing | null = null;
  private itemsById = new Map<string, MediaItem>();
  private voy: { version: string; index: VoyIndex } | null = null;
  private text: { url: string; search: TextSearch } | null = null;
  private embedder: { packId: string; promise: Promise<Embedder | null> } | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly options: BrowserCatalogOptions = {}) {}

  get items(): MediaItem[] {
    return this.listing?.items ?? [];
  }

  get info(): CatalogListing | null {
    return this.listing;
  }

  /** How the next search will run: 'semantic' once the index and the model are loaded. */
  get mode(): 'semantic' | 'lexical' {
    return this.voy && this.embedder ? 'semantic' : 'lexical';
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.listing) listener(this.listing);
    return () => this.listeners.delete(listener);
  }

  /** Fetches the item list, and the index when its version changed. */
  async refresh(signal?: AbortSignal): Promise<CatalogListing> {
    const listing = await fetchCatalog(signal);
    this.listing = listing;
    this.itemsById = new Map(listing.items.map((i) => [i.id, i]));
    const index = listing.index;
    if (!index?.shards.length || !index.model) {
      this.voy?.index.free();
      this.voy = null;
    } else if (this.voy?.version !== index.version) {
      const loaded = await loadVoyIndex(index.shards, signal);
      this.voy?.index.free();
      this.voy = { version: index.version, index: loaded };
    }
    const text = listing.text ?? null;
    if (!text) this.text = null;
    else if (this.text?.url !== text.url) {
      // Search keeps working (titles and tags) if the full-text index cannot be fetched.
      const loaded = await fetchTextIndex(text.url, signal).then(TextSearch.load, () => null);
      this.text = loaded ? { url: text.url, search: loaded } : null;
    }
    if (index?.model && this.embedder?.packId !== index.model && this.options.embedderFor) {
      this.embedder = { packId: index.model, promise: this.options.embedderFor(index.model).catch(() => null) };
    }
    for (const listener of [...this.listeners]) listener(listing);
    return listing;
  }

  async search(query: CatalogQuery, options?: { signal?: AbortSignal }): Promise<CatalogHit[]> {
    if (!this.listing) await this.refresh(options?.signal);
    const items = this.items;
    const voy = this.voy;
    const embedder = query.text.trim() && voy && this.embedder ? await this.embedder.promise : null;
    const text = this.text?.search ?? null;
    if (!voy || !embedder) return lexicalSearch(items, query, text);
    const [vector] = await embedder.embed([query.text], options?.signal ? { signal: options.signal } : {});
    if (!vector) return lexicalSearch(items, query, text);
    const k = Math.min(voy.index.size(), Math.max(50, (query.limit ?? 10) * 5));
    const ids = voy.index.search(vector, k);
    return fuseRankings(ids, this.itemsById, query, text);
  }
}
