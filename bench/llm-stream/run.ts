// npm run bench:llm [-- --runs 10 --warmup 1 --max-tokens 120]
// Builds the bench page (with Svelte, for the captions), starts the real Hearth server and
// headless Chromium, prints JSON and writes bench/results/llm-stream.json.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import { launchChromium } from '../../tests/helpers/browser.ts';
import { PROJECT_ROOT, SHARED_MODELS, startHearthServer } from '../../tests/helpers/server.ts';
import type { LlmStreamBenchOptions } from './page.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10' }, warmup: { type: 'string', default: '1' }, 'max-tokens': { type: 'string', default: '120' } },
});

const options: LlmStreamBenchOptions = {
  runs: Number(values.runs),
  warmup: Number(values.warmup),
  maxTokens: Number(values['max-tokens']),
  prompts: ['Tell me a story about a brave turtle.', 'Can you tell me a story about a little red bird?', 'Tell me a story about a happy dog.', 'I want a story about the moon.'],
};

const appDir = path.join(PROJECT_ROOT, 'tests', '.tmp', 'bench-llm-stream');
await build({
  configFile: false,
  root: PROJECT_ROOT,
  logLevel: 'warn',
  plugins: [svelte()],
  build: {
    outDir: appDir,
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'es2022',
    assetsInlineLimit: 0,
    rollupOptions: { input: { llmStream: path.join(PROJECT_ROOT, 'bench', 'llm-stream', 'page.html') } },
  },
  worker: { format: 'es' },
});

const server = await startHearthServer({ args: ['--app-dir', appDir], env: { HEARTH_MODEL_PATH: process.env.HEARTH_MODEL_PATH ?? SHARED_MODELS } });
const browser = await launchChromium().catch(async (error: unknown) => {
  await server.stop();
  throw error;
});
try {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/bench/llm-stream/page.html`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  const loadBefore = os.loadavg();
  const result = await page.evaluate((opts) => window.hearthLlmStreamBench(opts), options);
  const report = { ...result, loadAverage: { before: loadBefore.map((x) => Number(x.toFixed(2))), after: os.loadavg().map((x) => Number(x.toFixed(2))), cpus: os.cpus().length }, pageErrors: errors, generatedAt: new Date().toISOString() };
  const json = JSON.stringify(report, null, 2);
  const outFile = path.join(PROJECT_ROOT, 'bench', 'results', 'llm-stream.json');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${json}\n`);
  process.stdout.write(`${json}\n`);
} finally {
  await browser.close();
  await server.stop();
}
