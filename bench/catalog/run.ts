// bench/catalog: the catalog's vector search at 1k, 10k and 100k items. Voy (the kd-tree index the
// server builds and browsers download) against brute-force cosine over one Float32Array, in the
// same run on the same vectors: build time, query latency (median/p99), recall@10 of Voy against the
// exact answer, and the index size on the wire (Voy's JSON, raw and gzipped, vs raw float32).
// Prints JSON. Usage: npm run bench:catalog [-- --sizes 1000,10000 --dims 384 --queries 200]
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { loadVoy } from '../../server/catalog/voy.ts';
import { bruteForceTopK, clusteredUnitVectors, percentile, median } from './vectors.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    dims: { type: 'string', default: '384' }, // all-MiniLM-L6-v2, Hearth's recommended embeddings pack
    queries: { type: 'string', default: '200' },
    k: { type: 'string', default: '10' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const dims = Number(values.dims);
const queryCount = Number(values.queries);
const k = Number(values.k);

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

  started = performance.now();
  const resource = { embeddings: vectors.map((v, i) => ({ id: String(i), title: `item ${i}`, url: `/media/${i}`, embeddings: Array.from(v) })) };
  const resourceMs = performance.now() - started;
  // Voy (wasm32) may fail to build very large indexes: that is a result to report, not a crash.
  let voy: InstanceType<typeof Voy> | null = null;
  let buildError: string | null = null;
  started = performance.now();
  try {
    voy = new Voy(resource);
  } catch (err) {
    buildError = err instanceof Error ? err.message : String(err);
  }
  const voyBuildMs = performance.now() - started;

  let serialized: string | null = null;
  let serializeMs: number | null = null;
  let serializeError: string | null = null;
  if (voy) {
    try {
      started = performance.now();
      serialized = voy.serialize();
      serializeMs = performance.now() - started;
    } catch (err) {
      serializeError = err instanceof Error ? err.message : String(err);
    }
  }
  const gzipBytes = serialized ? zlib.gzipSync(serialized).length : null;
  let deserializeMs: number | null = null;
  if (serialized) {
    started = performance.now();
    Voy.deserialize(serialized).free();
    deserializeMs = performance.now() - started;
  }

  const voyTimes: number[] = [];
  const bruteTimes: number[] = [];
  let recallHits = 0;
  for (const q of queries) {
    let t = performance.now();
    const exact = bruteForceTopK(matrix, dims, q, k);
    bruteTimes.push(performance.now() - t);
    if (!voy) continue;
    t = performance.now();
    const found = voy.search(q, k).neighbors.map((x) => Number(x.id));
    voyTimes.push(performance.now() - t);
    const truth = new Set(exact);
    recallHits += found.filter((id) => truth.has(id)).length;
  }
  voy?.free();
  const voyMedian = voy ? median(voyTimes) : null;

  results.push({
    items: n,
    dimensions: dims,
    queries: queryCount,
    k,
    voy: {
      buildMs: voy ? round(voyBuildMs) : null,
      buildError,
      prepareResourceMs: round(resourceMs),
      serializeMs: serializeMs === null ? null : round(serializeMs),
      deserializeMs: deserializeMs === null ? null : round(deserializeMs),
      serializeError,
      queryMedianMs: voyMedian === null ? null : round(voyMedian, 3),
      queryP99Ms: voy ? round(percentile(voyTimes, 0.99), 3) : null,
      recallAt10: voy ? round(recallHits / (queryCount * k), 4) : null,
      wireBytes: serialized ? Buffer.byteLength(serialized) : null,
      wireGzipBytes: gzipBytes,
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

console.log(JSON.stringify({ bench: 'catalog', node: process.version, platform: `${process.platform}-${process.arch}`, results }, null, 2));

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
