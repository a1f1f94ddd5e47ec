// The sharded catalog index: shards cover every item once, and searching several real Voy shards
// (tiny ones here) finds exactly what one Voy index over all items and brute force find, whether
// candidates are compared with the float vectors (server) or the int8 ones on the wire (browser).
import { describe, expect, it } from 'vitest';
import { clusteredUnitVectors } from '../../../bench/catalog/vectors.ts';
import { encodeShardVectors, ShardVectors } from '../../../src/core/media/shard-vectors.ts';
import {
  nearestK,
  ShardedIndex,
  shardRanges,
  squaredDistance,
  type IndexShard,
} from '../../../src/core/media/sharded-index.ts';
import { loadVoy } from '../../../server/catalog/voy.ts';

const DIMS = 24;
const ITEMS = 90;
const K = 10;
const vectors = clusteredUnitVectors(ITEMS, DIMS, 7, 12);
const ids = vectors.map((_, i) => `item-${i}`);
const queries = clusteredUnitVectors(25, DIMS, 99, 12);

function bruteForce(query: Float32Array, k: number): string[] {
  return nearestK(
    vectors.map((v, i) => ({ id: ids[i]!, distance: squaredDistance(query, v) })),
    k,
  ).map((c) => c.id);
}

async function voyOver(start: number, end: number) {
  const Voy = await loadVoy();
  return new Voy({
    embeddings: ids
      .slice(start, end)
      .map((id, j) => ({ id, title: id, url: `/media/${id}`, embeddings: Array.from(vectors[start + j]!) })),
  });
}

describe('shardRanges', () => {
  it('splits into the fewest shards of at most the limit, near-equal, covering each item once', () => {
    for (const [count, max] of [
      [1, 10],
      [10, 10],
      [11, 10],
      [90, 7],
      [100_000, 10_000],
      [100_001, 10_000],
    ] as const) {
      const ranges = shardRanges(count, max);
      expect(ranges.length).toBe(Math.ceil(count / max));
      expect(ranges[0]?.start).toBe(0);
      expect(ranges.at(-1)?.end).toBe(count);
      ranges.forEach((r, i) => {
        expect(r.end - r.start).toBeGreaterThan(0);
        expect(r.end - r.start).toBeLessThanOrEqual(max);
        if (i > 0) expect(r.start).toBe(ranges[i - 1]!.end);
      });
      const sizes = ranges.map((r) => r.end - r.start);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(
        1 + Math.ceil(count / ranges.length) - Math.floor(count / ranges.length),
      );
    }
    expect(shardRanges(0, 10)).toEqual([]);
  });
});

describe('ShardedIndex over real Voy shards', () => {
  it('a single Voy index agrees with brute force (the reference the shards must match)', async () => {
    const single = await voyOver(0, ITEMS);
    for (const q of queries) expect(single.search(q, K).neighbors.map((n) => n.id)).toEqual(bruteForce(q, K));
    single.free();
  });

  it('one shard returns exactly what its Voy index returns, with no vectors needed', async () => {
    const voy = await voyOver(0, ITEMS);
    const index = new ShardedIndex([{ index: voy, vectors: null }]);
    expect(index.size()).toBe(ITEMS);
    for (const q of queries) expect(index.search(q, K)).toEqual(voy.search(q, K).neighbors.map((n) => n.id));
    expect(index.search(queries[0]!, ITEMS + 5)).toHaveLength(ITEMS);
    index.free();
  });

  it('13 shards of at most 7 items, merged with the float vectors, equal brute force', async () => {
    const byId = new Map(ids.map((id, i) => [id, vectors[i]!]));
    const shards: IndexShard[] = [];
    for (const { start, end } of shardRanges(ITEMS, 7))
      shards.push({ index: await voyOver(start, end), vectors: { vector: (id) => byId.get(id) } });
    const index = new ShardedIndex(shards);
    expect(shards).toHaveLength(13);
    expect(index.size()).toBe(ITEMS);
    for (const q of queries) {
      expect(index.search(q, K)).toEqual(bruteForce(q, K));
      expect(index.search(q, 1)).toEqual(bruteForce(q, 1));
    }
    index.free();
  });

  it('merged with the int8 vectors from the wire, finds the brute-force neighbours up to rounding near-ties', async () => {
    const byId = new Map(ids.map((id, i) => [id, vectors[i]!]));
    const shards: IndexShard[] = [];
    for (const { start, end } of shardRanges(ITEMS, 7)) {
      const wire = encodeShardVectors(ids.slice(start, end), vectors.slice(start, end), DIMS);
      shards.push({ index: await voyOver(start, end), vectors: new ShardVectors(wire.slice()) });
    }
    const index = new ShardedIndex(shards);
    let hits = 0;
    for (const q of queries) {
      const found = index.search(q, K);
      const exact = bruteForce(q, K);
      expect(found).toHaveLength(K);
      expect(found[0]).toBe(exact[0]);
      hits += found.filter((id) => exact.includes(id)).length;
      // Whatever int8 rounding swapped in is as near, within rounding, as the k-th true neighbour.
      const kth = squaredDistance(q, byId.get(exact.at(-1)!)!);
      for (const id of found) expect(squaredDistance(q, byId.get(id)!)).toBeLessThanOrEqual(kth + 0.01);
    }
    expect(hits / (queries.length * K)).toBeGreaterThanOrEqual(0.95);
    index.free();
  });
});

describe('shard vectors on the wire', () => {
  it('round-trips ids (any UTF-16) and vectors within int8 rounding', () => {
    const names = ['a', 'ünïcødé-🎵', '', ...ids.slice(0, 5)];
    const some = [...vectors.slice(0, names.length - 1), new Float32Array(DIMS)];
    const decoded = new ShardVectors(encodeShardVectors(names, some, DIMS));
    expect(decoded.size).toBe(names.length);
    expect(decoded.dims).toBe(DIMS);
    names.forEach((name, i) => {
      const back = decoded.vector(name)!;
      const max = Math.max(...Array.from(some[i]!, Math.abs));
      back.forEach((x, d) => expect(Math.abs(x - some[i]![d]!)).toBeLessThanOrEqual(max / 254 + 1e-7));
    });
    expect(decoded.vector('missing')).toBeUndefined();
  });
});
