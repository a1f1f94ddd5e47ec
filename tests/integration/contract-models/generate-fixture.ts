// Generates the contract packs once per test file into a fresh temp dir (about 0.1 s).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateContractModels, type GeneratedContractModels } from '../../../scripts/contract-models/generate.ts';

export function generateIntoTempDir(): GeneratedContractModels & { cleanup: () => void } {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-contract-models-'));
  const generated = generateContractModels({ outDir });
  return { ...generated, cleanup: () => fs.rmSync(outDir, { recursive: true, force: true }) };
}
