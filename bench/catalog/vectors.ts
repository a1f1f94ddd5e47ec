// Synthetic embeddings for the catalog benchmark: unit vectors around a few hundred topic centres
// (real sentence embeddings cluster by topic; uniform random vectors would flatter no index).

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}

export function clusteredUnitVectors(count: number, dims: number, seed: number, topics = 256): Float32Array[] {
  const random = seeded(seed);
  const centres = Array.from({ length: topics }, () =>
    normalise(Float32Array.from({ length: dims }, () => random() * 2 - 1)),
  );
  return Array.from({ length: count }, () => {
    const centre = centres[Math.floor(random() * topics)]!;
    return normalise(centre.map((x) => x + (random() * 2 - 1) * 0.08));
  });
}

/** Indices of the k largest dot products (= cosine for unit vectors). */
export function bruteForceTopK(matrix: Float32Array, dims: number, query: Float32Array, k: number): number[] {
  const n = matrix.length / dims;
  const best: { i: number; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    const base = i * dims;
    for (let d = 0; d < dims; d++) s += matrix[base + d]! * query[d]!;
    if (best.length < k) {
      best.push({ i, s });
      best.sort((a, b) => b.s - a.s);
    } else if (s > best[k - 1]!.s) {
      best[k - 1] = { i, s };
      best.sort((a, b) => b.s - a.s);
    }
  }
  return best.map((b) => b.i);
}

export function median(values: number[]): number {
  return percentile(values, 0.5);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? 0;
}
