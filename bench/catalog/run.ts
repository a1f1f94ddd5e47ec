// bench/catalog: the catalog's vector search at 1k, 10k and 100k items. Voy (the kd-tree index the
// server builds and browsers download), sharded as the product does it (at most MAX_SHARD_ITEMS per
// Voy index, results merged by distance), against brute-force cosine over one Float32Array, in the
// same run on the same vectors: build time, query latency (median/p99), recall@10 against the
// exact answer (merging with float vectors as the server does, and with the int8 wire vectors as
// browsers do), and the index size on the wire (Voy's JSON + shard vectors, raw and gzipped, vs
// raw float32). Prints JSON. Usage: npm run bench:catalog [-- --sizes 1000,10000 --queries 200]
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { encodeShardVectors, ShardVectors } from '../../src/core/media/shard-vectors.ts';
import { MAX_SHARD_ITEMS, ShardedIndex, shardRanges, type IndexShard } from '../../src/core/media/sharded-index.ts';
import { loadVoy } from '../../server/catalog/voy.ts';
import { bruteForceTopK, clusteredUnitVectors, percentile, median } from './vectors.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    dims: { type: 'string', default: '384' }, // all-MiniLM-L6-v2, Hearth's recommended embeddings pack
    queries: { type: 'string', default: '200' },
    k: { type: 'string', default: '10' },
    'shard-items': { type: 'string', default: String(MAX_SHARD_ITEMS) },
  },
});
const sizes = values.sizes.split(',').map(Number);
const dims = Number(values.dims);
const queryCount = Number(values.queries);
const k = Number(values.k);
const shardItems = Number(values['shard-items']);

const Voy = await loadVoy();
const results = [];
for (const n of sizes) {
  const vectors = clusteredUnitVectors(n, dims, 0x5eed + n);
  const queries = clusteredUnitVectors(queryCount, dims, 0xbeef + n);

  // Brute force: pack into one Float32Array (what "building" means for it).
  let started = performance.now();
  const matrix = new Float32Array(n * dims);
  vectors.forEach((v, i) => matrix.set(v, i * dims));
  const bruteBuildMs = performance.now() - started;

  // Voy, sharded as in server/catalog/semantic-index.ts. Voy (wasm32) may still fail: that is a
  // result to report, not a crash.
  const ranges = shardRanges(n, shardItems);
  const ids = vectors.map((_, i) => String(i));
  const byId = new Map(ids.map((id, i) => [id, vectors[i]!]));
  const shards: IndexShard[] = [];
  const wireShards: IndexShard[] = [];
  let buildError: string | null = null;
  let serializeError: string | null = null;
  let resourceMs = 0;
  let voyBuildMs = 0;
  let serializeMs = 0;
  let deserializeMs = 0;
  let wireBytes = 0;
  let wireGzipBytes = 0;
  let vectorsGzipBytes = 0;
  try {
    for (const { start, end } of ranges) {
      started = performance.now();
      const resource = {
        embeddings: ids.slice(start, end).map((id, j) => ({
          id,
          title: `item ${id}`,
          url: `/media/${id}`,
          embeddings: Array.from(vectors[start + j]!),
        })),
      };
      resourceMs += performance.now() - started;
      started = performance.now();
      const voy = new Voy(resource);
      voyBuildMs += performance.now() - started;
      shards.push({ index: voy, vectors: ranges.length > 1 ? { vector: (id) => byId.get(id) } : null });
      try {
        started = performance.now();
        const serialized = voy.serialize();
        serializeMs += performance.now() - started;
        wireBytes += Buffer.byteLength(serialized);
        wireGzipBytes += zlib.gzipSync(serialized).length;
        started = performance.now();
        const loaded = Voy.deserialize(serialized);
        deserializeMs += performance.now() - started;
        let wireVectors: ShardVectors | null = null;
        if (ranges.length > 1) {
          const encoded = encodeShardVectors(ids.slice(start, end), vectors.slice(start, end), dims);
          wireBytes += encoded.length;
          const packed = zlib.gzipSync(encoded).length;
          wireGzipBytes += packed;
          vectorsGzipBytes += packed;
          wireVectors = new ShardVectors(encoded);
        }
        wireShards.push({ index: loaded, vectors: wireVectors });
      } catch (err) {
        serializeError ??= err instanceof Error ? err.message : String(err);
      }
    }
  } catch (err) {
    buildError = err instanceof Error ? err.message : String(err);
  }
  const voy = buildError ? null : new ShardedIndex(shards);
  // What a browser searches: the deserialized shards, merged with the int8 vectors from the wire.
  const browserVoy = buildError || serializeError ? null : new ShardedIndex(wireShards);
  if (!voy) for (const shard of shards) shard.index.free();
  if (!browserVoy) for (const shard of wireShards) shard.index.free();

  const voyTimes: number[] = [];
  const bruteTimes: number[] = [];
  let recallHits = 0;
  let browserRecallHits = 0;
  for (const q of queries) {
    let t = performance.now();
    const exact = bruteForceTopK(matrix, dims, q, k);
    bruteTimes.push(performance.now() - t);
    if (!voy) continue;
    const truth = new Set(exact.map(String));
    t = performance.now();
    const found = voy.search(q, k);
    voyTimes.push(performance.now() - t);
    recallHits += found.filter((id) => truth.has(id)).length;
    if (browserVoy) browserRecallHits += browserVoy.search(q, k).filter((id) => truth.has(id)).length;
  }
  voy?.free();
  browserVoy?.free();
  const voyMedian = voy ? median(voyTimes) : null;
  const serialized = !buildError && !serializeError;
  const gzipBytes = serialized ? wireGzipBytes : null;

  results.push({
    items: n,
    dimensions: dims,
    queries: queryCount,
    k,
    voy: {
      shards: ranges.length,
      shardItems: Math.min(n, shardItems),
      buildMs: voy ? round(voyBuildMs) : null,
      buildError,
      prepareResourceMs: round(resourceMs),
      serializeMs: serialized ? round(serializeMs) : null,
      deserializeMs: serialized ? round(deserializeMs) : null,
      serializeError,
      queryMedianMs: voyMedian === null ? null : round(voyMedian, 3),
      queryP99Ms: voy ? round(percentile(voyTimes, 0.99), 3) : null,
      recallAt10: voy ? round(recallHits / (queryCount * k), 4) : null,
      recallAt10WithWireVectors: browserVoy ? round(browserRecallHits / (queryCount * k), 4) : null,
      wireBytes: serialized ? wireBytes : null,
      wireGzipBytes: gzipBytes,
      wireGzipVectorsBytes: serialized ? vectorsGzipBytes : null,
    },
    bruteForce: {
      buildMs: round(bruteBuildMs),
      queryMedianMs: round(median(bruteTimes), 3),
      queryP99Ms: round(percentile(bruteTimes, 0.99), 3),
      rawFloat32Bytes: n * dims * 4,
    },
    ratios: {
      voyOverBruteQueryMedian: voyMedian === null ? null : round(voyMedian / median(bruteTimes), 2),
      voyGzipOverRawFloat32: gzipBytes ? round(gzipBytes / (n * dims * 4), 2) : null,
    },
  });
  process.stderr.write(`catalog bench: ${n} items done\n`);
}

console.log(
  JSON.stringify(
    { bench: 'catalog', node: process.version, platform: `${process.platform}-${process.arch}`, results },
    null,
    2,
  ),
);

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
