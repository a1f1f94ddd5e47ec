// A model store for engine tests: the generated contract packs plus the real small models here
// (stories260K from tests/fixtures/models, Silero and flite from node_modules). Nothing is downloaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ModelStore } from '../../../server/models/store.ts';
import { PROJECT_ROOT } from '../../helpers/server.ts';
import { generateIntoTempDir } from '../contract-models/generate-fixture.ts';

export const FIXTURE_MODELS_DIR = path.resolve(PROJECT_ROOT, 'tests', 'fixtures', 'models');

/** `endOfTurn`: serve the Smart Turn contract pack too (only for tests about the end-of-turn model). */
export async function openTestModelStore(
  opts: { endOfTurn?: boolean } = {},
): Promise<{ models: ModelStore; cleanup: () => void }> {
  const generated = generateIntoTempDir();
  const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-engine-models-'));
  const models = await ModelStore.open({
    manifestPath: opts.endOfTurn ? generated.endOfTurnManifestPath : generated.manifestPath,
    modelsDir,
    extraDirs: [generated.outDir, FIXTURE_MODELS_DIR],
  });
  return {
    models,
    cleanup: () => {
      generated.cleanup();
      fs.rmSync(modelsDir, { recursive: true, force: true });
    },
  };
}

export { rms } from '../../../src/core/audio/level.ts';
