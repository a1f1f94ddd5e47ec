// Toy memories use the same sentence embedder as the library search (one model in memory, not
// two). It loads in the background: until it is ready, or when no embeddings pack is installed,
// memories are matched by their words, and a pack installed later is picked up on the next turn.
import type { Embedder } from '../../src/core/engines.ts';

/**
 * A synchronous view of an embedder that loads asynchronously: each call asks `load` again (cheap
 * when the loader caches, as the catalog's does, and it follows a changed pack) and returns the
 * last one that finished loading.
 */
export function latestEmbedder(
  load: () => Promise<Embedder | null>,
  onError?: (error: unknown) => void,
): () => Embedder | null {
  let current: Embedder | null = null;
  let pending = false;
  return () => {
    if (!pending) {
      pending = true;
      load()
        .then((embedder) => {
          current = embedder;
        })
        .catch((error: unknown) => {
          current = null;
          onError?.(error);
        })
        .finally(() => {
          pending = false;
        });
    }
    return current;
  };
}
