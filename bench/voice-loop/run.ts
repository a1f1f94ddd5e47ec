// npm run bench:voice-loop [-- --turns 10 --warmup 1]
// Builds the bench page, starts the real Hearth server and headless Chromium, runs the voice
// loop benchmark in the page, prints JSON and writes bench/results/voice-loop.json.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/helpers/browser.ts';
import { PROJECT_ROOT, SHARED_MODELS, startHearthServer } from '../../tests/helpers/server.ts';
import { buildHarnessPages } from '../../tests/harness/llm-tts-build.ts';
import type { BenchOptions } from './page.ts';

const { values } = parseArgs({
  options: { turns: { type: 'string', default: '10' }, warmup: { type: 'string', default: '1' }, 'max-tokens': { type: 'string', default: '120' } },
});

const options: BenchOptions = {
  turns: Number(values.turns),
  warmup: Number(values.warmup),
  maxTokens: Number(values['max-tokens']),
  prompts: [
    'Tell me a story about a brave turtle.',
    'Can you tell me a story about a little red bird?',
    'Tell me a story about a happy dog.',
    'I want a story about the moon.',
  ],
};

const appDir = await buildHarnessPages({ voiceLoop: path.join('bench', 'voice-loop', 'page.html') }, path.join('tests', '.tmp', 'bench-voice-loop'));
const server = await startHearthServer({ args: ['--app-dir', appDir], env: { HEARTH_MODEL_PATH: process.env.HEARTH_MODEL_PATH ?? SHARED_MODELS } });
const browser = await launchChromium().catch(async (error: unknown) => {
  await server.stop();
  throw error;
});
try {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/bench/voice-loop/page.html`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  const result = await page.evaluate((opts) => window.hearthVoiceLoopBench(opts), options);
  const report = { ...result, pageErrors: errors, generatedAt: new Date().toISOString() };
  const json = JSON.stringify(report, null, 2);
  const outFile = path.join(PROJECT_ROOT, 'bench', 'results', 'voice-loop.json');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${json}\n`);
  process.stdout.write(`${json}\n`);
} finally {
  await browser.close();
  await server.stop();
}
