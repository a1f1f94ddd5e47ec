// CLI: npm run contract-models [-- --out <dir>] [--whisper-tokenizer-dir <dir>] [--base-manifest <file>]
// Environment: HEARTH_CONTRACT_MODELS_DIR, HEARTH_WHISPER_TOKENIZER_DIR. Flags win.
import { parseArgs } from 'node:util';
import { generateContractModels } from './generate.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    'whisper-tokenizer-dir': { type: 'string' },
    'base-manifest': { type: 'string' },
  },
});

const started = performance.now();
const result = generateContractModels({
  outDir: values.out ?? process.env.HEARTH_CONTRACT_MODELS_DIR,
  whisperTokenizerDir: values['whisper-tokenizer-dir'] ?? process.env.HEARTH_WHISPER_TOKENIZER_DIR,
  baseManifest: values['base-manifest'],
});
for (const pack of result.packs) {
  const bytes = pack.files.reduce((a, f) => a + f.bytes, 0);
  console.log(`${pack.id}: ${pack.files.length} files, ${(bytes / 1024).toFixed(0)} KiB`);
}
console.log(`manifest: ${result.manifestPath} (${((performance.now() - started) / 1000).toFixed(2)} s)`);
