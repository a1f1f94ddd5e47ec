// voy-search in the browser (Vite bundles its wasm). Loaded on first use, so pages that never
// search do not fetch it. A large library comes in several shards (core/media/sharded-index.ts).
import { ShardVectors } from '../../core/media/shard-vectors.ts';
import { ShardedIndex, type IndexShard } from '../../core/media/sharded-index.ts';
import { fetchIndex, fetchShardVectors, type CatalogIndexShard } from './catalog-api.ts';

export type VoyIndex = ShardedIndex;

/** Fetches and loads every shard, one after another (each one's JSON text is large). */
export async function loadVoyIndex(shards: readonly CatalogIndexShard[], signal?: AbortSignal): Promise<VoyIndex> {
  const { Voy } = await import('voy-search');
  const loaded: IndexShard[] = [];
  try {
    for (const shard of shards) {
      const vectors = shard.vectorsUrl ? new ShardVectors(await fetchShardVectors(shard.vectorsUrl, signal)) : null;
      const serialized = await fetchIndex(shard.url, signal);
      loaded.push({ index: Voy.deserialize(serialized), vectors });
    }
  } catch (err) {
    for (const shard of loaded) shard.index.free();
    throw err;
  }
  return new ShardedIndex(loaded);
}
