// Everything the model manager needs to know about one installation: the manifest, where packs
// are stored, where else they may already be on disk, and the lock.
import { resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { loadManifest, type ModelManifest, type ModelPack } from './manifest.ts';
import { LOCK_FILE_NAME, ModelLock } from './lock.ts';

export interface ModelContext {
  manifestPath: string;
  manifest: ModelManifest;
  /** Writable home of downloaded/imported packs: <modelsDir>/<packId>/<path>. */
  modelsDir: string;
  /** Read-only folders laid out the same way, used in place (a shared folder, a USB mount). */
  extraDirs: string[];
  lock: ModelLock;
}

export interface ModelContextOptions {
  manifestPath: string;
  modelsDir: string;
  extraDirs?: string[];
}

export async function openModelContext(opts: ModelContextOptions): Promise<ModelContext> {
  const modelsDir = resolve(opts.modelsDir);
  await mkdir(modelsDir, { recursive: true });
  const manifestPath = resolve(opts.manifestPath);
  return {
    manifestPath,
    manifest: await loadManifest(manifestPath),
    modelsDir,
    extraDirs: (opts.extraDirs ?? []).filter((d) => d !== '').map((d) => resolve(d)),
    lock: await ModelLock.open(resolve(modelsDir, LOCK_FILE_NAME)),
  };
}

export function findPack(ctx: ModelContext, packId: string): ModelPack | undefined {
  return ctx.manifest.packs.find((p) => p.id === packId);
}

export function requirePack(ctx: ModelContext, packId: string): ModelPack {
  const pack = findPack(ctx, packId);
  if (!pack) {
    const known = ctx.manifest.packs.map((p) => p.id).join(', ');
    throw new Error(`unknown model pack "${packId}" (known: ${known})`);
  }
  return pack;
}
