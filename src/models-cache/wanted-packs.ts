// Which model files this device needs, from the engine plan and the server's model list. Pure.
import type { EnginePlan } from '../engines/select.ts';
import { modelFileUrl } from '../engines/types.ts';

/** One file of a pack as GET /api/models describes it (sha256 may be absent on older servers). */
export interface ListedFile {
  path: string;
  bytes: number | null;
  sha256?: string | null;
}

export interface ListedPack {
  id: string;
  title: string;
  role: string;
  state: string;
  files: readonly ListedFile[];
}

export interface ListedRole {
  role: string;
  /** The role's best ready pack, as the server ranks them. */
  pack?: { id: string } | null;
  packs: readonly ListedPack[];
}

/** A file to download and keep: its URL is exactly what the engines fetch (the cache key). */
export interface ModelFile {
  packId: string;
  path: string;
  url: string;
  bytes: number | null;
  sha256: string | null;
}

export interface ModelPackFiles {
  id: string;
  title: string;
  role: string;
  files: ModelFile[];
}

/** Same default as the classic voice engine (src/engines/tts/classic), which fetches its WASM from this pack. */
const CLASSIC_VOICE_PACK = 'flite-classic';

/**
 * Pack ids the page will fetch files from: the plan's engines, and the best ready embeddings pack
 * (memory and library search use the one the server indexed the library with, its best).
 */
export function plannedPackIds(plan: EnginePlan, roles: readonly ListedRole[] = []): string[] {
  const ids = [plan.vad.packId];
  if (plan.stt.engine !== 'none') ids.push(plan.stt.packId);
  if (plan.llm.engine !== 'none') ids.push(plan.llm.packId);
  ids.push(plan.tts.packId ?? CLASSIC_VOICE_PACK);
  const embeddings = roles.find((r) => r.role === 'embeddings')?.pack?.id;
  if (embeddings) ids.push(embeddings);
  return [...new Set(ids)];
}

/**
 * The ready packs among `packIds`, with their files' URLs on `origin`. Packs the server cannot
 * serve (missing, partial, corrupt) are left out: there is nothing to download yet.
 */
export function packFiles(roles: readonly ListedRole[], packIds: readonly string[], origin: string): ModelPackFiles[] {
  const all = roles.flatMap((role) => role.packs);
  const out: ModelPackFiles[] = [];
  for (const id of packIds) {
    const pack = all.find((p) => p.id === id && p.state === 'ready');
    if (!pack) continue;
    out.push({
      id: pack.id,
      title: pack.title,
      role: pack.role,
      files: pack.files.map((file) => ({
        packId: pack.id,
        path: file.path,
        url: modelFileUrl(pack.id, file.path, origin),
        bytes: file.bytes,
        sha256: file.sha256 ?? null,
      })),
    });
  }
  return out;
}

/** Pack id and file path back from a /models/<pack>/<file> URL (null for anything else). */
export function parseModelUrl(url: string): { packId: string; path: string } | null {
  const { pathname } = new URL(url);
  const m = /^\/models\/([^/]+)\/(.+)$/.exec(pathname);
  if (!m) return null;
  return { packId: decodeURIComponent(m[1]!), path: m[2]!.split('/').map(decodeURIComponent).join('/') };
}
