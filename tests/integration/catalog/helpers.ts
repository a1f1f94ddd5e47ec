// Shared fixtures for the catalog tests: real audio files, a starter library generated once per
// machine (narration takes ~15 s), and a catalog service over a temp database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatalogService } from '../../../server/catalog/catalog-service.ts';
import { encodeWav16 } from '../../../server/catalog/starter/wav.ts';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { ModelStore } from '../../../server/models/store.ts';
import { PROJECT_ROOT, starterCache } from '../../helpers/server.ts';

export const quietLog = { info: () => {}, warn: () => {}, error: () => {} };

/** A real WAV: a sine tone of `seconds`. */
export function toneWav(seconds = 0.5, frequency = 440, sampleRate = 16_000): Buffer {
  const samples = Float32Array.from(
    { length: Math.round(seconds * sampleRate) },
    (_, i) => 0.3 * Math.sin((2 * Math.PI * frequency * i) / sampleRate),
  );
  return encodeWav16(samples, sampleRate);
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `hearth-${prefix}-`));
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, data] of Object.entries(files)) {
    const file = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  }
}

/** The starter library, generated once into tests/.tmp and reused (read-only: copy it to change it). */
export async function starterMediaDir(): Promise<string> {
  return starterCache();
}

export function copyDir(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/** A model store with no embedding model (lexical search only). */
export async function storeWithoutEmbeddings(): Promise<ModelStore> {
  return ModelStore.open({
    manifestPath: path.join(PROJECT_ROOT, 'models', 'manifest.json'),
    modelsDir: tempDir('no-models'),
    extraDirs: [],
  });
}

/** A model store serving the generated contract packs (minilm-contract for embeddings), verified. */
export async function storeWithContractModels(contractDir: string, manifestPath: string): Promise<ModelStore> {
  const store = await ModelStore.open({ manifestPath, modelsDir: tempDir('models'), extraDirs: [contractDir] });
  await store.verifyInBackground();
  return store;
}

export interface TestCatalog {
  service: CatalogService;
  db: HearthDatabase;
  close(): Promise<void>;
}

export async function openTestCatalog(opts: {
  mediaDir: string;
  models: ModelStore;
  watch?: boolean;
}): Promise<TestCatalog> {
  const db = openDatabase(':memory:');
  const service = new CatalogService({
    mediaDir: opts.mediaDir,
    db,
    models: opts.models,
    log: quietLog,
    starter: false,
    watch: opts.watch ?? false,
  });
  await service.start();
  return {
    service,
    db,
    async close() {
      await service.close();
      db.close();
    },
  };
}
