// The server's catalog endpoints, typed. The Voy index lives at a versioned URL, so the browser
// HTTP cache (and the service worker) can keep it until the version changes.
import type { SerializedTextSearch } from '../../core/media/text-search.ts';
import type { MediaItem } from '../../core/media/types.ts';

export interface CatalogIndexInfo {
  version: string;
  /** Embeddings pack the index was built with; null = no model, search titles and tags. */
  model: string | null;
  dimensions: number;
  itemCount: number;
  /** The whole Voy index when it fits one shard; null when sharded or with no index. */
  url: string | null;
  /** Gzipped bytes of every file of this version. */
  bytes: number;
  /** Every file of this version, all under versioned URLs; empty with no index. */
  shards: CatalogIndexShard[];
}

export interface CatalogIndexShard {
  /** Voy's serialized index of this shard (JSON text). */
  url: string;
  /** The shard's int8 vectors (core/media/shard-vectors.ts); null when there is only one shard. */
  vectorsUrl: string | null;
  items: number;
  bytes: number;
}

export interface CatalogListing {
  phase: 'starting' | 'ready';
  indexing: boolean;
  items: MediaItem[];
  index: CatalogIndexInfo | null;
  /** The full-text index with related words (core/media/text-search.ts), under a versioned URL; null until built. */
  text?: { url: string; bytes: number } | null;
}

export class CatalogApiError extends Error {
  override name = 'CatalogApiError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function failure(response: Response): Promise<CatalogApiError> {
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  return new CatalogApiError(body?.message ?? `HTTP ${response.status}`, response.status);
}

export async function fetchCatalog(signal?: AbortSignal): Promise<CatalogListing> {
  const response = await fetch('/api/catalog', { signal: signal ?? null, cache: 'no-store' });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as CatalogListing;
}

/** Voy's serialized index (JSON text). */
export async function fetchIndex(url: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal: signal ?? null });
  if (!response.ok) throw await failure(response);
  return response.text();
}

/** The full-text index with its related-words table, as the server serves it. */
export async function fetchTextIndex(url: string, signal?: AbortSignal): Promise<SerializedTextSearch> {
  const response = await fetch(url, { signal: signal ?? null });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as SerializedTextSearch;
}

/** A shard's vectors (binary, see core/media/shard-vectors.ts). */
export async function fetchShardVectors(url: string, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(url, { signal: signal ?? null });
  if (!response.ok) throw await failure(response);
  return new Uint8Array(await response.arrayBuffer());
}

// Admin calls: the session token comes from POST /api/admin/session with the parent PIN.

export async function openAdminSession(pin: string): Promise<string> {
  const response = await fetch('/api/admin/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pin }) });
  if (!response.ok) throw await failure(response);
  return ((await response.json()) as { token: string }).token;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function uploadItem(token: string, file: File, metadata: Record<string, unknown>): Promise<MediaItem> {
  const form = new FormData();
  form.append('metadata', JSON.stringify(metadata));
  form.append('file', file, file.name);
  const response = await fetch('/api/catalog/items', { method: 'POST', headers: bearer(token), body: form });
  if (!response.ok) throw await failure(response);
  return ((await response.json()) as { item: MediaItem }).item;
}

export async function updateItem(token: string, id: string, changes: Record<string, unknown>): Promise<MediaItem> {
  const response = await fetch(`/api/catalog/items/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify(changes),
  });
  if (!response.ok) throw await failure(response);
  return ((await response.json()) as { item: MediaItem }).item;
}

export async function deleteItem(token: string, id: string): Promise<void> {
  const response = await fetch(`/api/catalog/items/${encodeURIComponent(id)}`, { method: 'DELETE', headers: bearer(token) });
  if (!response.ok) throw await failure(response);
}

export async function fetchProblems(token: string): Promise<{ path: string; message: string }[]> {
  const response = await fetch('/api/catalog/problems', { headers: bearer(token), cache: 'no-store' });
  if (!response.ok) throw await failure(response);
  return ((await response.json()) as { problems: { path: string; message: string }[] }).problems;
}
