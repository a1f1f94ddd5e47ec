// Finding an engine's files in the model store, with errors that say how to fix a missing pack.
import path from 'node:path';
import type { ModelStore, ResolvedModelFile } from '../models/store.ts';

export async function requireModelFile(
  models: ModelStore,
  packId: string,
  relativePath: string,
): Promise<ResolvedModelFile> {
  const file = await models.resolveFile(packId, relativePath);
  if (file) return file;
  const pack = await models.pack(packId);
  if (!pack) throw new Error(`unknown model pack "${packId}"`);
  throw new Error(
    `model pack "${packId}" is ${pack.state}: ${relativePath} is not usable${pack.fix ? ` (fix: ${pack.fix})` : ''}`,
  );
}

/** The ready pack the model store picks for `role` (best tier first), or null. */
export async function readyPackFor(models: ModelStore, role: string): Promise<string | null> {
  const status = (await models.roles()).find((r) => r.role === role);
  return status?.status === 'ready' && status.pack ? status.pack.id : null;
}

/**
 * transformers.js loads <localModelPath>/<model id>/...: the folder holding a pack's folder, when
 * that folder is named after the pack (always so in the model store's layout).
 */
export async function transformersModelRoot(
  models: ModelStore,
  packId: string,
  probeFile = 'config.json',
): Promise<string> {
  const file = await requireModelFile(models, packId, probeFile);
  if (path.basename(file.root) !== packId)
    throw new Error(`model pack ${packId} is stored at ${file.root}, not in a folder named after it`);
  return `${path.dirname(file.root)}${path.sep}`;
}
