// ModelStore: what the HTTP server asks about models. Status calls are cheap (stat + lock); hashing
// happens in the background, or once on first use of a file whose hash is known but not yet checked.
import { sep } from 'node:path';
import { findPack, openModelContext, type ModelContext, type ModelContextOptions } from './context.ts';
import { inspectFile, verifyFileAt, type FileInspection, type VerifyOutcome } from './inspect.ts';
import { MODEL_ROLES, type ModelPack, type PackFile } from './manifest.ts';
import { packFiles } from './pack-files.ts';
import { packStatus, roleStatus, type PackStatus, type RoleStatus } from './status.ts';

export type { ModelRole } from './manifest.ts';
export type { FileState } from './inspect.ts';
export type { PackStatus, PackFileStatus, RoleStatus } from './status.ts';

export interface ResolvedModelFile {
  absolutePath: string;
  /** The directory that contains it: absolutePath = root + "/" + relativePath. */
  root: string;
  relativePath: string;
  bytes: number;
  sha256: string | null;
}

export interface VerifyReport {
  packId: string;
  path: string;
  state: 'ok' | 'corrupt' | 'missing';
  location: string | null;
  expectedSha256: string | null;
  actualSha256: string | null;
}

export class ModelStore {
  private backgroundRun: Promise<void> | null = null;
  private hashing = new Map<string, Promise<VerifyOutcome>>();

  private constructor(readonly context: ModelContext) {}

  static async open(opts: ModelContextOptions): Promise<ModelStore> {
    return new ModelStore(await openModelContext(opts));
  }

  static fromContext(context: ModelContext): ModelStore {
    return new ModelStore(context);
  }

  async roles(): Promise<RoleStatus[]> {
    const packs = await this.packs();
    return MODEL_ROLES.map((role) => roleStatus(role, packs.filter((p) => p.role === role)));
  }

  async packs(): Promise<PackStatus[]> {
    await this.context.lock.refreshIfChanged();
    const out: PackStatus[] = [];
    for (const pack of this.context.manifest.packs) out.push(packStatus(pack, await this.inspectPack(pack)));
    return out;
  }

  async pack(packId: string): Promise<PackStatus | null> {
    await this.context.lock.refreshIfChanged();
    const pack = findPack(this.context, packId);
    return pack ? packStatus(pack, await this.inspectPack(pack)) : null;
  }

  async resolveFile(packId: string, relativePath: string): Promise<ResolvedModelFile | null> {
    await this.context.lock.refreshIfChanged();
    const pack = findPack(this.context, packId);
    if (!pack) return null;
    // Only exact paths the pack lists are served, so "../" tricks never reach the filesystem.
    const file = (await packFiles(this.context, pack)).find((f) => f.path === relativePath);
    if (!file) return null;
    let seen = await inspectFile(this.context, pack, file);
    if (seen.state === 'unverified' && seen.location && seen.expectedSha256 !== null) {
      // A known hash not yet checked for this copy: check before trusting it.
      await this.hashOnce(pack, file, seen.location);
      seen = await inspectFile(this.context, pack, file);
    }
    if ((seen.state !== 'ready' && seen.state !== 'unverified') || !seen.location || seen.bytes === null) return null;
    return {
      absolutePath: seen.location,
      root: rootOf(seen.location, relativePath),
      relativePath,
      bytes: seen.bytes,
      sha256: seen.sha256,
    };
  }

  /** Hashes, one at a time, every present file that no lock entry vouches for. Concurrent calls share one run. */
  verifyInBackground(): Promise<void> {
    this.backgroundRun ??= this.hashUnvouchedFiles().finally(() => {
      this.backgroundRun = null;
    });
    return this.backgroundRun;
  }

  /** Full re-hash of every present copy in use (the `verify` command); corrupt copies are recorded as such. */
  async verify(packIds?: string[], onReport?: (r: VerifyReport) => void): Promise<VerifyReport[]> {
    await this.context.lock.refreshIfChanged();
    const reports: VerifyReport[] = [];
    const report = (r: VerifyReport): void => {
      reports.push(r);
      onReport?.(r);
    };
    for (const pack of this.selectPacks(packIds)) {
      for (const file of await packFiles(this.context, pack)) {
        const tried = new Set<string>();
        for (;;) {
          const seen = await inspectFile(this.context, pack, file);
          if (!seen.location || tried.has(seen.location)) {
            if (tried.size === 0) report(missingReport(pack, seen));
            break;
          }
          tried.add(seen.location);
          const outcome = await this.hashOnce(pack, file, seen.location);
          report({
            packId: pack.id,
            path: file.path,
            state: outcome.state === 'ready' ? 'ok' : 'corrupt',
            location: outcome.location,
            expectedSha256: outcome.expectedSha256,
            actualSha256: outcome.actualSha256,
          });
          if (outcome.state === 'ready') break; // otherwise look for another copy
        }
      }
    }
    return reports;
  }

  private selectPacks(packIds?: string[]): ModelPack[] {
    const packs = this.context.manifest.packs;
    if (!packIds || packIds.length === 0) return packs;
    return packIds.map((id) => {
      const pack = findPack(this.context, id);
      if (!pack) throw new Error(`unknown model pack "${id}"`);
      return pack;
    });
  }

  private async inspectPack(pack: ModelPack): Promise<FileInspection[]> {
    const out: FileInspection[] = [];
    for (const file of await packFiles(this.context, pack)) out.push(await inspectFile(this.context, pack, file));
    return out;
  }

  private hashOnce(pack: ModelPack, file: PackFile, location: string): Promise<VerifyOutcome> {
    let running = this.hashing.get(location);
    if (!running) {
      running = verifyFileAt(this.context, pack, file, location).finally(() => this.hashing.delete(location));
      this.hashing.set(location, running);
    }
    return running;
  }

  private async hashUnvouchedFiles(): Promise<void> {
    await this.context.lock.refreshIfChanged();
    for (const pack of this.context.manifest.packs) {
      for (const file of await packFiles(this.context, pack)) {
        try {
          const seen = await inspectFile(this.context, pack, file);
          const needsHash = seen.location && !seen.lockMatches && (seen.state === 'unverified' || seen.state === 'ready');
          if (needsHash && seen.location) await this.hashOnce(pack, file, seen.location);
        } catch {
          // The file vanished or is unreadable; the next status call reports it.
        }
      }
    }
  }
}

function rootOf(absolutePath: string, relativePath: string): string {
  const suffix = sep + relativePath.split('/').join(sep);
  return absolutePath.endsWith(suffix) ? absolutePath.slice(0, -suffix.length) : absolutePath.slice(0, absolutePath.lastIndexOf(sep));
}

function missingReport(pack: ModelPack, seen: FileInspection): VerifyReport {
  return { packId: pack.id, path: seen.file.path, state: 'missing', location: null, expectedSha256: seen.expectedSha256, actualSha256: null };
}
