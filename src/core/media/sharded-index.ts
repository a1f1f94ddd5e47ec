// The catalog's vector index split into shards of at most MAX_SHARD_ITEMS items, so a library
// of 100k items still builds, serializes and loads. Why: voy-search moves an index in and out of
// WASM as one JSON string (~8,300 characters per 384-dim item, Voy pads vectors to 768), and V8
// strings stop at 2^29-24 characters, so one Voy index fails above roughly 62k items
// (bench/catalog/voy-limits.ts). A search asks every shard for its k nearest; Voy returns them
// best-first without distances, so with more than one shard the candidates are scored against
// the query with the shard's vectors (Voy's own metric, squared euclidean) and the best k kept.

/** 10k items: a serialized shard is ~84M characters (1/6 of V8's limit) and ~23 MB gzipped. */
export const MAX_SHARD_ITEMS = 10_000;

export interface ShardRange {
  start: number;
  end: number;
}

/** Splits `count` items into the fewest shards of at most `maxItems`, of near-equal size. */
export function shardRanges(count: number, maxItems = MAX_SHARD_ITEMS): ShardRange[] {
  if (count <= 0) return [];
  const shards = Math.ceil(count / maxItems);
  const size = Math.ceil(count / shards);
  const ranges: ShardRange[] = [];
  for (let start = 0; start < count; start += size) ranges.push({ start, end: Math.min(count, start + size) });
  return ranges;
}

/** What a shard needs from a Voy index (structural, so core does not import voy-search). */
export interface NearestNeighbourIndex {
  search(query: Float32Array, k: number): { neighbors: { id: string }[] };
  size(): number;
  free(): void;
}

/** The vectors of one shard's items, by id: to compare candidates from different shards. */
export interface VectorLookup {
  vector(id: string): ArrayLike<number> | undefined;
}

export interface IndexShard {
  index: NearestNeighbourIndex;
  /** Needed only when there is more than one shard. */
  vectors: VectorLookup | null;
}

export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    sum += d * d;
  }
  return sum;
}

export interface ScoredId {
  id: string;
  /** Squared distance to the query: smaller is nearer. */
  distance: number;
}

/** The k nearest of all candidates, nearest first (ties keep the order they came in). */
export function nearestK(candidates: readonly ScoredId[], k: number): ScoredId[] {
  return [...candidates].sort((a, b) => a.distance - b.distance).slice(0, Math.max(0, k));
}

export class ShardedIndex {
  constructor(readonly shards: readonly IndexShard[]) {}

  size(): number {
    return this.shards.reduce((sum, shard) => sum + shard.index.size(), 0);
  }

  /** Ids of the k nearest items, nearest first. One shard: exactly what its Voy index returns. */
  search(query: Float32Array, k: number): string[] {
    const only = this.shards.length === 1 ? this.shards[0]! : null;
    if (only) return ids(only.index, query, k);
    const candidates: ScoredId[] = [];
    for (const shard of this.shards) {
      for (const id of ids(shard.index, query, k)) {
        const vector = shard.vectors?.vector(id);
        if (vector) candidates.push({ id, distance: squaredDistance(query, vector) });
      }
    }
    return nearestK(candidates, k).map((c) => c.id);
  }

  free(): void {
    for (const shard of this.shards) shard.index.free();
  }
}

function ids(index: NearestNeighbourIndex, query: Float32Array, k: number): string[] {
  const count = Math.min(k, index.size());
  return count > 0 ? index.search(query, count).neighbors.map((n) => n.id) : [];
}
