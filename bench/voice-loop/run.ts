// npm run bench:voice-loop [-- --turns 10 --warmup 1]
// Builds the bench page, starts the real Hearth server and headless Chromium, runs the voice
// loop benchmark in the page, prints JSON and writes bench/results/voice-loop.json.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildHarnessPages } from '../../tests/harness/llm-tts-build.ts';
import { runBrowserBench } from '../browser-bench.ts';
import type { BenchOptions } from './page.ts';

const { values } = parseArgs({
  options: {
    turns: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '1' },
    'max-tokens': { type: 'string', default: '120' },
  },
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

const appDir = await buildHarnessPages(
  { voiceLoop: path.join('bench', 'voice-loop', 'page.html') },
  path.join('tests', '.tmp', 'bench-voice-loop'),
);
await runBrowserBench({
  name: 'voice-loop',
  appDir,
  pagePath: '/bench/voice-loop/page.html',
  run: (page) => page.evaluate((opts) => window.hearthVoiceLoopBench(opts), options),
});
