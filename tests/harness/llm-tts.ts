// Harness page for tests/e2e/engines-llm-tts.test.ts: the real wllama and flite engines, driven
// from Playwright through window.hearthLlmTts. Served by the real Hearth server.

import type { ChatChunk } from '../../src/core/engines.ts';
import { createWllamaChatModel, type WllamaChatModel } from '../../src/engines/llm/wllama-chat-model.ts';
import { createClassicTextToSpeech, type ClassicTextToSpeech } from '../../src/engines/tts/classic/index.ts';

let llm: WllamaChatModel | null = null;
let tts: ClassicTextToSpeech | null = null;

export interface GenerateResult {
  chunks: { type: ChatChunk['type']; text?: string; at: number }[];
  text: string;
  completionTokens: number | null;
  /** abort() → the stream ended; null when not aborted. */
  stopMs: number | null;
  chunksAfterAbort: number;
  totalMs: number;
}

const api = {
  async loadLlm(opts: { packId: string; file: string; threads?: number }) {
    const started = performance.now();
    const progress: number[] = [];
    llm = await createWllamaChatModel({ ...opts, onProgress: (p) => progress.push(p.loaded) });
    return {
      info: llm.info,
      hasChatTemplate: llm.hasChatTemplate,
      loadMs: performance.now() - started,
      progressEvents: progress.length,
    };
  },

  async generate(opts: { userText: string; maxTokens?: number; abortAfterChunks?: number }): Promise<GenerateResult> {
    if (!llm) throw new Error('loadLlm first');
    const controller = new AbortController();
    const started = performance.now();
    const chunks: GenerateResult['chunks'] = [];
    let abortedAt: number | null = null;
    let chunksAfterAbort = 0;
    let completionTokens: number | null = null;
    const stream = llm.stream({
      messages: [
        { role: 'system', content: 'You are Hearth, a friendly companion.' },
        { role: 'user', content: opts.userText },
      ],
      signal: controller.signal,
      ...(opts.maxTokens !== undefined ? { maxTokens: opts.maxTokens } : {}),
    });
    for await (const chunk of stream) {
      if (abortedAt !== null) chunksAfterAbort++;
      chunks.push({
        type: chunk.type,
        ...(chunk.type === 'text' ? { text: chunk.text } : {}),
        at: performance.now() - started,
      });
      if (chunk.type === 'done') completionTokens = chunk.usage?.completionTokens ?? null;
      if (opts.abortAfterChunks !== undefined && abortedAt === null && chunks.length >= opts.abortAfterChunks) {
        abortedAt = performance.now();
        controller.abort();
      }
    }
    const ended = performance.now();
    return {
      chunks,
      text: chunks.map((c) => c.text ?? '').join(''),
      completionTokens,
      stopMs: abortedAt === null ? null : ended - abortedAt,
      chunksAfterAbort,
      totalMs: ended - started,
    };
  },

  async loadTts(opts: { voice?: string } = {}) {
    const started = performance.now();
    tts = await createClassicTextToSpeech(opts);
    return { info: tts.info, sampleRate: tts.sampleRate, loadMs: performance.now() - started };
  },

  async synth(text: string, opts: { rate?: number; voice?: string; preAborted?: boolean } = {}) {
    if (!tts) throw new Error('loadTts first');
    const controller = new AbortController();
    if (opts.preAborted) controller.abort();
    const started = performance.now();
    const pieces: Float32Array[] = [];
    try {
      for await (const pcm of tts.synthesize(text, {
        signal: controller.signal,
        ...(opts.rate ? { rate: opts.rate } : {}),
        ...(opts.voice ? { voice: opts.voice } : {}),
      })) {
        pieces.push(pcm);
      }
    } catch (error) {
      return { error: error instanceof Error ? error.name : String(error) };
    }
    const samples = pieces.reduce((n, p) => n + p.length, 0);
    let sumSquares = 0;
    let peak = 0;
    for (const p of pieces) {
      for (const s of p) {
        sumSquares += s * s;
        peak = Math.max(peak, Math.abs(s));
      }
    }
    return {
      sampleRate: tts.sampleRate,
      chunks: pieces.length,
      samples,
      durationSec: samples / tts.sampleRate,
      rms: samples ? Math.sqrt(sumSquares / samples) : 0,
      peak,
      ms: performance.now() - started,
    };
  },

  async dispose() {
    await llm?.dispose();
    tts?.dispose();
    llm = null;
    tts = null;
  },
};

declare global {
  interface Window {
    hearthLlmTts: typeof api;
  }
}

window.hearthLlmTts = api;
document.getElementById('status')!.textContent = 'ready';
