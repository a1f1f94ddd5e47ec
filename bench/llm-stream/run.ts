// npm run bench:llm [-- --runs 10 --played-runs 3 --warmup 1 --max-tokens 120]
// Builds the bench page (with Svelte, for the captions), starts the real Hearth server and
// headless Chromium, prints JSON and writes bench/results/llm-stream.json.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { buildHarnessPages } from '../../tests/harness/llm-tts-build.ts';
import { runBrowserBench } from '../browser-bench.ts';
import type { LlmStreamBenchOptions } from './page.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    'played-runs': { type: 'string', default: '3' },
    warmup: { type: 'string', default: '1' },
    'max-tokens': { type: 'string', default: '120' },
  },
});

const options: LlmStreamBenchOptions = {
  runs: Number(values.runs),
  playedRuns: Number(values['played-runs']),
  warmup: Number(values.warmup),
  maxTokens: Number(values['max-tokens']),
  prompts: [
    'Tell me a story about a brave turtle.',
    'Can you tell me a story about a little red bird?',
    'Tell me a story about a happy dog.',
    'I want a story about the moon.',
  ],
};

// With Svelte: the captions are the app's own Conversation component.
const appDir = await buildHarnessPages(
  { llmStream: path.join('bench', 'llm-stream', 'page.html') },
  path.join('tests', '.tmp', 'bench-llm-stream'),
  [svelte()],
);
await runBrowserBench({
  name: 'llm-stream',
  appDir,
  pagePath: '/bench/llm-stream/page.html',
  run: (page) => page.evaluate((opts) => window.hearthLlmStreamBench(opts), options),
});
