// The state of one pack file, decided cheaply from stat + lock (no hashing), and the hashing step
// that turns an unverified file into a ready or corrupt one.
import { stat } from 'node:fs/promises';
import type { ModelContext } from './context.ts';
import type { LockEntry } from './lock.ts';
import type { ModelPack, PackFile } from './manifest.ts';
import { candidatePaths } from './locate.ts';
import { sha256OfFile } from './hash.ts';

export type FileState = 'ready' | 'missing' | 'corrupt' | 'unverified';

export interface FileInspection {
  file: PackFile;
  state: FileState;
  /** Absolute path of the copy in use (or the corrupt one found); null when missing. */
  location: string | null;
  bytes: number | null;
  /** The hash the content must have, when known (manifest, else the lock). */
  expectedSha256: string | null;
  /** A lock entry vouches for exactly this copy (same location, size and mtime). */
  lockMatches: boolean;
  /** The trusted sha256 of the copy in use, when known. */
  sha256: string | null;
}

export function expectedSha256(file: PackFile, entry: LockEntry | undefined): string | null {
  if (file.sha256) return file.sha256;
  if (!entry) return null;
  return entry.state === 'ok' ? entry.sha256 : (entry.expectedSha256 ?? null);
}

function knownBytes(file: PackFile, entry: LockEntry | undefined): number | null {
  if (file.bytes !== null) return file.bytes;
  return entry?.state === 'ok' ? entry.bytes : null;
}

const STATE_PREFERENCE: FileState[] = ['ready', 'unverified', 'corrupt'];

export async function inspectFile(ctx: ModelContext, pack: ModelPack, file: PackFile): Promise<FileInspection> {
  const entry = ctx.lock.get(pack.id, file.path);
  const expected = expectedSha256(file, entry);
  const sizeMustBe = knownBytes(file, entry);
  const found: FileInspection[] = [];
  for (const location of candidatePaths(ctx, pack, file)) {
    const st = await stat(location).catch(() => null);
    if (!st?.isFile()) continue;
    const lockMatches = entry?.location === location && entry.bytes === st.size && entry.mtimeMs === st.mtimeMs;
    let state: FileState;
    if (sizeMustBe !== null && st.size !== sizeMustBe) state = 'corrupt'; // truncated or different file
    else if (lockMatches && entry.state === 'corrupt') state = 'corrupt';
    else if (lockMatches && expected !== null && entry.sha256 !== expected) state = 'corrupt'; // manifest moved on
    else if (lockMatches) state = 'ready';
    else if (file.source.kind === 'npm' && expected === null) state = 'ready'; // npm's own integrity check covers it
    else state = 'unverified';
    const sha256 = state === 'ready' ? (lockMatches && entry ? entry.sha256 : expected) : null;
    found.push({ file, state, location, bytes: st.size, expectedSha256: expected, lockMatches, sha256 });
  }
  for (const want of STATE_PREFERENCE) {
    const hit = found.find((f) => f.state === want);
    if (hit) return hit;
  }
  return { file, state: 'missing', location: null, bytes: sizeMustBe, expectedSha256: expected, lockMatches: false, sha256: null };
}

export interface VerifyOutcome {
  state: 'ready' | 'corrupt';
  location: string;
  actualSha256: string;
  expectedSha256: string | null;
}

/** Hashes one copy and records the verdict in the lock. A mismatch is remembered, so it is never served. */
export async function verifyFileAt(
  ctx: ModelContext,
  pack: ModelPack,
  file: PackFile,
  location: string,
  source?: string,
): Promise<VerifyOutcome> {
  const entry = ctx.lock.get(pack.id, file.path);
  const expected = expectedSha256(file, entry);
  for (;;) {
    const before = await stat(location);
    const actual = await sha256OfFile(location);
    const after = await stat(location);
    // Someone wrote to it while we hashed (a copy still arriving): hash again.
    if (before.size !== after.size || before.mtimeMs !== after.mtimeMs) continue;
    const ok = (expected === null || actual === expected) && (file.bytes === null || file.bytes === after.size);
    await ctx.lock.set(pack.id, file.path, {
      state: ok ? 'ok' : 'corrupt',
      sha256: actual,
      expectedSha256: ok ? null : expected,
      bytes: after.size,
      mtimeMs: after.mtimeMs,
      verifiedAt: new Date().toISOString(),
      source: source ?? (entry?.location === location ? entry.source : describeSource(file)),
      location,
    });
    return { state: ok ? 'ready' : 'corrupt', location, actualSha256: actual, expectedSha256: expected };
  }
}

/** For the lock: npm files name their package; other files found on disk were put there by hand. */
function describeSource(file: PackFile): string {
  return file.source.kind === 'npm' ? `npm:${file.source.package}/${file.source.path}` : 'in-place';
}
