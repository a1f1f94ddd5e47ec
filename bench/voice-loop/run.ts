// npm run bench:voice-loop [-- --turns 10 --warmup 1 --end-of-turn-rounds 2]
// Builds the bench page, starts the real Hearth server (serving the repo's fixtures and the
// generated contract packs) and headless Chromium, runs the voice loop benchmark in the page:
// typed turns against the raw engines, then spoken turns per end of turn (0 rounds leaves them
// out). Prints JSON and writes bench/results/voice-loop.json.
import fs from 'node:fs';
import os from 'node:os';

import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateContractModels } from '../../scripts/contract-models/generate.ts';
import { buildHarnessPages } from '../../tests/harness/llm-tts-build.ts';
import { runBrowserBench } from '../browser-bench.ts';
import type { BenchOptions } from './page.ts';

const { values } = parseArgs({
  options: {
    turns: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '1' },
    'max-tokens': { type: 'string', default: '120' },
    'end-of-turn-rounds': { type: 'string', default: '2' },
  },
});

const options: BenchOptions = {
  turns: Number(values.turns),
  warmup: Number(values.warmup),
  maxTokens: Number(values['max-tokens']),
  endOfTurnRounds: Number(values['end-of-turn-rounds']),
  prompts: [
    'Tell me a story about a brave turtle.',
    'Can you tell me a story about a little red bird?',
    'Tell me a story about a happy dog.',
    'I want a story about the moon.',
  ],
};

const appDir = await buildHarnessPages(
  { voiceLoop: path.join('bench', 'voice-loop', 'page.html') },
  path.join('tests', '.tmp', 'bench-voice-loop'),
);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-voice-loop-'));
try {
  // The contract Whisper pack for the spoken phase (no Whisper weights on this machine).
  const contract = generateContractModels({ outDir: path.join(tmp, 'packs') });
  await runBrowserBench({
    name: 'voice-loop',
    appDir,
    pagePath: '/bench/voice-loop/page.html',
    serverArgs: ['--manifest', contract.manifestPath, '--models-dir', path.join(tmp, 'models')],
    modelPath: [contract.outDir],
    run: (page) => page.evaluate((opts) => window.hearthVoiceLoopBench(opts), options),
  });
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
