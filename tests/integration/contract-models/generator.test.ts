import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../../../server/models/manifest.ts';
import { ModelStore } from '../../../server/models/store.ts';
import { generateIntoTempDir } from './generate-fixture.ts';
import { generateContractModels } from '../../../scripts/contract-models/generate.ts';

describe('contract model generator', () => {
  const generated = generateIntoTempDir();
  afterAll(() => generated.cleanup());

  it('writes a manifest the server schema accepts: the real packs plus the three contract packs', async () => {
    const manifest = await loadManifest(generated.manifestPath);
    const real = await loadManifest(path.resolve(import.meta.dirname, '../../../models/manifest.json'));
    const ids = manifest.packs.map((p) => p.id);
    for (const p of real.packs) expect(ids).toContain(p.id);
    const contract = manifest.packs.filter((p) => p.tier === 'demo' && p.id.endsWith('-contract'));
    expect(contract.map((p) => [p.id, p.role])).toEqual([
      ['whisper-contract', 'stt'],
      ['piper-contract', 'tts'],
      ['minilm-contract', 'embeddings'],
    ]);
    // The end-of-turn contract is served only by the manifest for tests about it.
    const withEndOfTurn = await loadManifest(generated.endOfTurnManifestPath);
    expect(withEndOfTurn.packs.map((p) => p.id)).toEqual([...ids, 'smart-turn-contract']);
    expect(withEndOfTurn.packs.at(-1)?.role).toBe('end-of-turn');
    for (const pack of contract) {
      for (const f of pack.files) {
        const data = fs.readFileSync(path.join(generated.outDir, pack.id, f.path));
        expect(f.bytes).toBe(data.length);
        expect(f.sha256).toBe(crypto.createHash('sha256').update(data).digest('hex'));
      }
    }
  });

  it('is deterministic: a second run writes byte-identical packs', () => {
    const again = generateIntoTempDir();
    try {
      expect(again.packs).toEqual(generated.packs);
    } finally {
      again.cleanup();
    }
  });

  it('lays packs out so the model store, given --model-path, reports them ready and resolves their files', async () => {
    const modelsDir = fs.mkdtempSync(path.join(generated.outDir, '..', 'hearth-empty-models-'));
    try {
      const store = await ModelStore.open({
        manifestPath: generated.endOfTurnManifestPath,
        modelsDir,
        extraDirs: [generated.outDir],
      });
      const file = await store.resolveFile('whisper-contract', 'onnx/decoder_model_merged_quantized.onnx');
      expect(file?.absolutePath).toBe(
        path.join(generated.outDir, 'whisper-contract', 'onnx', 'decoder_model_merged_quantized.onnx'),
      );
      await store.verifyInBackground();
      const packs = await store.packs();
      for (const id of ['whisper-contract', 'piper-contract', 'minilm-contract', 'smart-turn-contract']) {
        expect(packs.find((p) => p.id === id)?.state).toBe('ready');
      }
    } finally {
      fs.rmSync(modelsDir, { recursive: true, force: true });
    }
  });

  it('fails with a clear message when the Whisper tokenizer folder is missing', () => {
    expect(() => generateContractModels({ outDir: generated.outDir, whisperTokenizerDir: '/nonexistent' })).toThrow(
      /whisper tokenizer files missing/,
    );
  });
});
