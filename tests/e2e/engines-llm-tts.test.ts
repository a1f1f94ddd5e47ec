// The real CPU language model (wllama + stories260K.gguf) and the real classic voice (flite
// WASI) in Chromium, loaded from the real Hearth server, with every request recorded.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RequestRecorder } from '../helpers/browser.ts';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { FIXTURE_MODELS } from '../helpers/server.ts';
import { buildHarnessPages } from '../harness/llm-tts-build.ts';
import type { GenerateResult } from '../harness/llm-tts.ts';

const OUT_DIR = path.join('tests', '.tmp', 'harness-llm-tts');
const PAGE = '/tests/harness/llm-tts.html';

describe('wllama LLM and flite classic voice in Chromium, served by the real Hearth server', () => {
  const hearth = useHearthInChromium({
    server: async () => {
      const appDir = await buildHarnessPages({ llmTts: path.join('tests', 'harness', 'llm-tts.html') }, OUT_DIR);
      return { args: ['--app-dir', appDir], env: { HEARTH_MODEL_PATH: FIXTURE_MODELS } };
    },
  });
  let page: Page;
  let recorder: RequestRecorder;
  let problems: string[];

  beforeAll(async () => {
    ({ page, recorder, problems } = await hearth.openPage({ reportHttpErrors: true }));
    await page.goto(hearth.server.url + PAGE);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  });

  // Before useHearthInChromium's afterAll closes Chromium (vitest runs afterAll hooks last-registered first).
  afterAll(async () => {
    await page?.evaluate(() => window.hearthLlmTts.dispose()).catch(() => {});
  });

  it('is served cross-origin isolated from the built harness', async () => {
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  });

  it('loads stories260K.gguf from the server and streams a story token by token', async () => {
    const loaded = await page.evaluate(() =>
      window.hearthLlmTts.loadLlm({ packId: 'stories260K', file: 'stories260K.gguf', threads: 1 }),
    );
    expect(loaded.info).toMatchObject({ role: 'llm', engine: 'wllama', model: 'stories260K', backend: 'wasm' });
    expect(loaded.info.detail).toContain('1 thread');
    expect(loaded.hasChatTemplate).toBe(false);
    expect(recorder.requests.some((r) => r.url === `${hearth.server.url}/models/stories260K/stories260K.gguf`)).toBe(
      true,
    );

    const result: GenerateResult = await page.evaluate(() =>
      window.hearthLlmTts.generate({ userText: 'Tell me a story about a brave turtle.' }),
    );
    const textChunks = result.chunks.filter((c) => c.type === 'text');
    expect(textChunks.length).toBeGreaterThan(5);
    expect(result.chunks.at(-1)?.type).toBe('done');
    expect(result.text.trim().length).toBeGreaterThan(20);
    // Story-like English: words and at least one finished sentence, and no chat-format junk.
    expect(result.text).toMatch(/[a-z]+ [a-z]+/i);
    expect(result.text).toMatch(/[.!?]/);
    expect(result.text).not.toMatch(/<\||User:|Assistant:/);
    expect(result.completionTokens).toBeGreaterThanOrEqual(textChunks.length);
    // Default budget ~120 tokens, ended at a sentence end (with a small grace).
    expect(result.completionTokens).toBeLessThanOrEqual(120 + 48);
  });

  it('stops promptly when aborted mid-stream, and the warm model answers again', async () => {
    const aborted: GenerateResult = await page.evaluate(() =>
      window.hearthLlmTts.generate({
        userText: 'Tell me a long story about a dragon.',
        maxTokens: 400,
        abortAfterChunks: 4,
      }),
    );
    expect(aborted.stopMs).not.toBeNull();
    // Generous for a busy 2-core CI box; in practice it stops within one token (~1-20 ms).
    expect(aborted.stopMs!).toBeLessThan(1000);
    expect(aborted.chunksAfterAbort).toBe(0);
    expect(aborted.chunks.some((c) => c.type === 'done')).toBe(false);

    const again: GenerateResult = await page.evaluate(() =>
      window.hearthLlmTts.generate({ userText: 'Tell me a story about a little cat.' }),
    );
    expect(again.chunks.filter((c) => c.type === 'text').length).toBeGreaterThan(3);
    expect(again.chunks.at(-1)?.type).toBe('done');
    // Loaded once: the second and third generations fetched no model again.
    // (wllama sends one HEAD for the size, then one GET.)
    expect(recorder.requests.filter((r) => r.method === 'GET' && r.url.endsWith('.gguf')).length).toBe(1);
  });

  it('speaks a sentence with the classic voice: non-silent PCM at the voice rate, plausible length', async () => {
    const loaded = await page.evaluate(() => window.hearthLlmTts.loadTts({ voice: 'slt' }));
    expect(loaded.sampleRate).toBe(16000);
    expect(loaded.info).toMatchObject({ role: 'tts', engine: 'flite', model: 'slt', backend: 'wasm' });
    expect(recorder.requests.some((r) => r.url === `${hearth.server.url}/models/flite-classic/flite.wasm`)).toBe(true);

    const sentence = 'Hello! I am Hearth, and I would love to tell you a story.';
    const normal = await page.evaluate((text) => window.hearthLlmTts.synth(text), sentence);
    if ('error' in normal) throw new Error(normal.error);
    expect(normal.sampleRate).toBe(16000);
    expect(normal.rms).toBeGreaterThan(0.01);
    expect(normal.peak).toBeGreaterThan(0.1);
    // ~12 words: about 2-6 s of speech.
    expect(normal.durationSec).toBeGreaterThan(2);
    expect(normal.durationSec).toBeLessThan(6);

    const fast = await page.evaluate((text) => window.hearthLlmTts.synth(text, { rate: 2 }), sentence);
    if ('error' in fast) throw new Error(fast.error);
    expect(fast.durationSec).toBeLessThan(normal.durationSec * 0.7);

    // The 8 kHz voice comes out at the engine's declared rate.
    const kal = await page.evaluate((text) => window.hearthLlmTts.synth(text, { voice: 'kal' }), sentence);
    if ('error' in kal) throw new Error(kal.error);
    expect(kal.sampleRate).toBe(16000);
    expect(kal.rms).toBeGreaterThan(0.01);

    const aborted = await page.evaluate((text) => window.hearthLlmTts.synth(text, { preAborted: true }), sentence);
    expect(aborted).toEqual({ error: 'AbortError' });
  });

  it('made no request off the server origin and logged no errors', () => {
    expect(recorder.offOrigin(hearth.server.url)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
