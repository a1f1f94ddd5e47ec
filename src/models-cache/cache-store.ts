// The verified model files on this device: Cache Storage "hearth-models", keyed by the absolute
// URL the engines fetch (<origin>/models/<pack>/<file>), each a full 200 response. The service
// worker answers /models/** from this cache (Range requests included), so engines get these
// files without knowing about it.
import { MODELS_CACHE } from '../core/cache-names.ts';
import { Sha256 } from './sha256.ts';
import { parseModelUrl, type ModelFile } from './wanted-packs.ts';

/** Shared with the service worker, which answers /models/** from it. */
export const MODEL_CACHE_NAME = MODELS_CACHE;

/** Headers Hearth adds to a cached file: how it was checked. */
export const SHA256_HEADER = 'x-hearth-sha256';
export const VERIFIED_HEADER = 'x-hearth-verified';

export type Verification = 'sha256' | 'size';

export interface CachedFile {
  packId: string;
  path: string;
  url: string;
  bytes: number;
  verified: Verification | null;
}

export interface CachedPack {
  packId: string;
  bytes: number;
  files: CachedFile[];
}

function openCache(): Promise<Cache> {
  return caches.open(MODEL_CACHE_NAME);
}

/** Streams a Blob through SHA-256 without holding it all in memory. */
export async function sha256OfBlob(blob: Blob, onBytes?: (done: number) => void): Promise<string> {
  const hash = new Sha256();
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    onBytes?.(hash.bytes);
  }
  return hash.hex();
}

export async function storeFile(
  file: ModelFile,
  body: Blob,
  sha256: string,
  verified: Verification,
  contentType: string,
): Promise<void> {
  const cache = await openCache();
  const headers = new Headers({
    'content-type': contentType,
    'content-length': String(body.size),
    [SHA256_HEADER]: sha256,
    [VERIFIED_HEADER]: verified,
  });
  await cache.put(new Request(file.url), new Response(body, { status: 200, headers }));
}

export type CacheCheck = { kind: 'cached' } | { kind: 'absent' } | { kind: 'stale'; reason: string };

/**
 * Is `file` in the cache, whole and as the server lists it? A copy put there without Hearth's
 * headers (e.g. by the service worker on an engine's fetch) is hashed once and re-stored.
 */
export async function checkCached(file: ModelFile): Promise<CacheCheck> {
  const cache = await openCache();
  const cached = await cache.match(file.url);
  if (!cached) return { kind: 'absent' };
  const length = Number(cached.headers.get('content-length') ?? NaN);
  const recorded = cached.headers.get(SHA256_HEADER);
  if (recorded && Number.isFinite(length)) {
    if (file.bytes !== null && length !== file.bytes)
      return { kind: 'stale', reason: `size ${length}, server lists ${file.bytes}` };
    if (file.sha256 && recorded !== file.sha256) return { kind: 'stale', reason: 'sha256 differs from the server’s' };
    return { kind: 'cached' };
  }
  const body = await cached.blob();
  const sha256 = file.bytes !== null && body.size !== file.bytes ? null : await sha256OfBlob(body);
  if (sha256 === null || (file.sha256 && sha256 !== file.sha256)) {
    // An unverified copy that does not match (e.g. cached by someone else): never serve it.
    await cache.delete(file.url);
    return {
      kind: 'stale',
      reason: sha256 === null ? `size ${body.size}, server lists ${file.bytes}` : 'sha256 differs from the server’s',
    };
  }
  await storeFile(
    file,
    body,
    sha256,
    file.sha256 ? 'sha256' : 'size',
    cached.headers.get('content-type') ?? 'application/octet-stream',
  );
  return { kind: 'cached' };
}

export async function removeFile(url: string): Promise<void> {
  await (await openCache()).delete(url);
}

/** Every model file cached on this device, grouped by pack. */
export async function listCached(): Promise<CachedPack[]> {
  if (!(await caches.has(MODEL_CACHE_NAME))) return [];
  const cache = await openCache();
  const packs = new Map<string, CachedPack>();
  for (const request of await cache.keys()) {
    const where = parseModelUrl(request.url);
    if (!where) continue;
    const response = await cache.match(request);
    if (!response) continue;
    const header = Number(response.headers.get('content-length') ?? NaN);
    const bytes = Number.isFinite(header) ? header : (await response.blob()).size;
    const verifiedHeader = response.headers.get(VERIFIED_HEADER);
    const verified: Verification | null =
      verifiedHeader === 'sha256' || verifiedHeader === 'size' ? verifiedHeader : null;
    const pack = packs.get(where.packId) ?? { packId: where.packId, bytes: 0, files: [] };
    pack.files.push({ packId: where.packId, path: where.path, url: request.url, bytes, verified });
    pack.bytes += bytes;
    packs.set(where.packId, pack);
  }
  return [...packs.values()].sort((a, b) => a.packId.localeCompare(b.packId));
}

/** Removes one pack's files from the cache. */
export async function clearPack(packId: string): Promise<void> {
  const cache = await openCache();
  for (const request of await cache.keys()) {
    if (parseModelUrl(request.url)?.packId === packId) await cache.delete(request);
  }
}

export async function clearAll(): Promise<void> {
  await caches.delete(MODEL_CACHE_NAME);
}
