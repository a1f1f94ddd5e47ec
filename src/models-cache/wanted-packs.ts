// Which model files this device needs, from the server's model list. Pure.
import { modelFilePath, parseModelPath } from '../core/model-urls.ts';

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
        url: new URL(modelFilePath(pack.id, file.path), origin).href,
        bytes: file.bytes,
        sha256: file.sha256 ?? null,
      })),
    });
  }
  return out;
}

/** Pack id and file path back from a /models/<pack>/<file> URL (null for anything else). */
export function parseModelUrl(url: string): { packId: string; path: string } | null {
  return parseModelPath(new URL(url).pathname);
}
