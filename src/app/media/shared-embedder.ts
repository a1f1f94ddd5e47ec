// The page's sentence embedders, one worker per embeddings pack, shared by library search and
// memory: both ask for the server's pack and get the same loaded model.
import type { Embedder } from '../../core/engines.ts';
import { createEmbedder } from '../../engines/embedder/index.ts';
import type { RoleStatusLike } from '../../engines/select.ts';

const loaded = new Map<string, Promise<Embedder>>();

/** The embedder for `packId`, loaded once per page; a failed load is retried on the next call. */
export function sharedEmbedder(packId: string): Promise<Embedder> {
  let embedder = loaded.get(packId);
  if (!embedder) {
    embedder = createEmbedder({ packId });
    loaded.set(packId, embedder);
    embedder.catch(() => loaded.delete(packId));
  }
  return embedder;
}

/** The embeddings pack the server has ready (recommended first), or null. */
export function readyEmbeddingsPack(roles: readonly RoleStatusLike[]): string | null {
  const packs = roles.find((role) => role.role === 'embeddings')?.packs ?? [];
  const ready = packs.filter((pack) => pack.state === 'ready');
  return (ready.find((pack) => pack.tier === 'recommended') ?? ready[0])?.id ?? null;
}
