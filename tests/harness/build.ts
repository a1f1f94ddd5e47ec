// Node side (used by e2e tests): builds dist-harness/ once, and only when sources changed since the
// last build. A lock directory (mkdir is atomic) keeps test files, or engineers sharing this tree,
// from building into the same folder at once.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../helpers/server.ts';

export const HARNESS_DIR = path.join(PROJECT_ROOT, 'dist-harness');
const STAMP = path.join(HARNESS_DIR, '.built');
const LOCK = path.join(PROJECT_ROOT, 'tests', '.tmp', 'harness-build.lock');
const INPUTS = ['src', 'tests/harness', 'vite.harness.config.ts', 'package-lock.json'].map((p) =>
  path.join(PROJECT_ROOT, p),
);
const STALE_LOCK_MS = 5 * 60_000;

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function isFresh(): boolean {
  const built = fs.statSync(STAMP, { throwIfNoEntry: false });
  return !!built && INPUTS.every((p) => newestMtime(p) < built.mtimeMs);
}

function tryLock(): boolean {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  try {
    fs.mkdirSync(LOCK);
    return true;
  } catch {
    const st = fs.statSync(LOCK, { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true }); // a crashed build
    return false;
  }
}

/** Returns the harness folder, building it first when needed (about 10 s). */
export async function ensureHarnessBuilt(): Promise<string> {
  for (;;) {
    if (isFresh()) return HARNESS_DIR;
    if (tryLock()) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  try {
    if (!isFresh()) {
      execFileSync(
        path.join(PROJECT_ROOT, 'node_modules', '.bin', 'vite'),
        ['build', '--config', 'vite.harness.config.ts'],
        { cwd: PROJECT_ROOT, stdio: 'pipe' },
      );
      fs.writeFileSync(STAMP, new Date().toISOString());
    }
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
  return HARNESS_DIR;
}
