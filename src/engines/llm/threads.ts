// How many llama.cpp threads to use. Tiny models are fastest single-threaded (thread sync costs
// more than the math), and threads need a crossOriginIsolated page (SharedArrayBuffer).

export function chooseThreadCount(opts: {
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  requested?: number;
}): number {
  if (!opts.crossOriginIsolated) return 1;
  if (opts.requested !== undefined) return Math.max(1, Math.floor(opts.requested));
  const cores = Math.max(1, Math.floor(opts.hardwareConcurrency || 1));
  if (cores <= 2) return 1;
  // Leave half the cores to the page, audio and the other engines' workers.
  return Math.min(8, Math.max(2, Math.floor(cores / 2)));
}
