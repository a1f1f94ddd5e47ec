// Default locations, from the environment, shared by the CLI and the server.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** models/manifest.json of this checkout (env HEARTH_MODELS_MANIFEST overrides). */
export function defaultManifestPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.HEARTH_MODELS_MANIFEST || fileURLToPath(new URL('../../models/manifest.json', import.meta.url));
}

/** Where packs are downloaded/imported to: env HEARTH_MODELS_DIR, else ./models. */
export function defaultModelsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HEARTH_MODELS_DIR || 'models';
}

/** Read-only folders searched for packs in place (env HEARTH_MODEL_PATH, path-separator list). */
export function defaultExtraDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return splitModelPath(env.HEARTH_MODEL_PATH ?? '');
}

export function splitModelPath(value: string): string[] {
  return value.split(path.delimiter).filter((d) => d !== '');
}

/** Base URL of a LAN mirror serving the same paths as the public sources (env HEARTH_MODEL_MIRROR). */
export function defaultMirror(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.HEARTH_MODEL_MIRROR || null;
}
