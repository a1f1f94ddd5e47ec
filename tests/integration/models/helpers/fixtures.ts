// Temp folders, deterministic pseudo-random model files and temp manifests for the model tests.
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ModelPack } from '../../../../server/models/manifest.ts';

/** Host used in test manifests; `.invalid` never resolves, so only the mirror can serve it. */
export const FAKE_HOST = 'https://models.invalid';

export function fakeUrl(repo: string, path: string): string {
  return `${FAKE_HOST}/${repo}/resolve/main/${path}`;
}

export function urlPathOf(url: string): string {
  return new URL(url).pathname;
}

/** Same seed, same bytes: tests stay reproducible. */
export function pseudoRandomBytes(size: number, seed: string): Buffer {
  const out = Buffer.alloc(size);
  let block = createHash('sha256').update(seed).digest();
  for (let offset = 0; offset < size; offset += block.length) {
    block.copy(out, offset);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

export function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

export interface TempWorkspace {
  root: string;
  modelsDir: string;
  manifestPath: string;
  cleanup(): Promise<void>;
}

export async function makeWorkspace(packs: ModelPack[]): Promise<TempWorkspace> {
  const root = await mkdtemp(join(tmpdir(), 'hearth-models-'));
  const modelsDir = join(root, 'models');
  const manifestPath = join(root, 'manifest.json');
  await writeFile(manifestPath, JSON.stringify({ version: 1, packs }, null, 2));
  return { root, modelsDir, manifestPath, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export async function writeAt(path: string, body: Buffer | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, body);
}

export function urlPack(
  id: string,
  files: { path: string; sha256?: string | null; bytes?: number | null; approxBytes?: number; listsFiles?: 'ndarray-cache' }[],
  extra: Partial<ModelPack> = {},
): ModelPack {
  return {
    id,
    role: 'stt',
    title: `Test pack ${id}`,
    engine: 'whisper-transformersjs',
    tier: 'recommended',
    license: 'test-only',
    description: 'generated test data',
    files: files.map((f) => ({
      path: f.path,
      bytes: f.bytes ?? null,
      ...(f.approxBytes ? { approxBytes: f.approxBytes } : {}),
      sha256: f.sha256 ?? null,
      source: { kind: 'url' as const, url: fakeUrl(`test-org/${id}`, f.path) },
      ...(f.listsFiles ? { listsFiles: f.listsFiles } : {}),
    })),
    ...extra,
  };
}
