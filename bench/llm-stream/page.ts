// Where the browser LLM's tokens/second go: the same model (wllama + stories260K, 1 thread,
// greedy) and the same prompt, in one page and run, measured (a) with raw wllama calls,
// (b) through Hearth's adapter's stream(), (c) through the full VoiceSession (flite voice,
// the app's output guard; also once with a silent voice, to separate the pipeline's own cost
// from the voice's CPU use on a 2-core machine), (d) as (c) plus the Talk screen's captions (the Svelte
// Conversation component) re-rendered on every token (the old path) and at most once per frame (the
// app's now), and (e) with the voice really played (Web Audio), synthesizing the whole reply as fast as
// it can (the old path) or about one sentence ahead of playback (the app's now). Speed is measured the
// way the latency panel does: completion tokens over first text token → end of the stream.

import { Wllama } from '@wllama/wllama/esm/index.js';
import wllamaWasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import {
  VoiceSession,
  type ChatMessage,
  type TextToSpeech,
  type TurnGuard,
  type TurnMetrics,
} from '../../src/core/index.ts';
import { findBlockedTopic, findUnsafe } from '../../src/core/safety/child-safe-filter.ts';
import { buildStoryPrompt } from '../../src/core/llm/story-prompt.ts';
import { createWllamaChatModel } from '../../src/engines/llm/wllama-chat-model.ts';
import { createClassicTextToSpeech } from '../../src/engines/tts/classic/index.ts';
import { modelFileUrl } from '../../src/engines/types.ts';
import { summary } from '../stats.ts';
import { typedInputEngines } from '../typed-input-engines.ts';
import { PlaybackQueue } from '../../src/audio/playback-queue.ts';
import type { AudioOutput } from '../../src/core/engines.ts';
import { EnqueueRecorder } from '../voice-loop/recording-output.ts';
import { mountCaptions } from './captions.svelte.ts';

export interface LlmStreamBenchOptions {
  runs: number;
  /** Runs of the modes that play the voice in real time (each turn lasts as long as its speech). */
  playedRuns: number;
  warmup: number;
  maxTokens: number;
  prompts: string[];
}

const SYSTEM = 'You are Hearth, a friendly storyteller for children.';

const typedInput = typedInputEngines('llm-stream');

/** The checks the app's child-safe guard runs on every reply sentence. */
const childSafeOutputGuard: TurnGuard = {
  checkInput: () => ({ allowed: true }),
  checkOutput: (sentence) =>
    (findUnsafe(sentence) ?? findBlockedTopic(sentence, []))
      ? { allowed: false, reason: 'unsafe', redirect: 'Let’s talk about something else.' }
      : { allowed: true },
};

/**
 * Diagnostic only, not an engine: a voice that says nothing, so the pipeline's own cost per
 * token shows without the real voice's CPU use beside it.
 */
const silentTts: TextToSpeech = {
  sampleRate: 16_000,
  async *synthesize() {},
};

interface Sample {
  tokens: number;
  decodeMs: number;
  tokensPerSecond: number | null;
}

function sample(tokens: number, firstTextAt: number | null, endAt: number): Sample {
  const decodeMs = firstTextAt === null ? 0 : endAt - firstTextAt;
  return {
    tokens,
    decodeMs: Number(decodeMs.toFixed(2)),
    tokensPerSecond: decodeMs > 0 ? Number(((tokens * 1000) / decodeMs).toFixed(1)) : null,
  };
}

function messagesFor(userText: string): ChatMessage[] {
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: userText },
  ];
}

async function runBench(opts: LlmStreamBenchOptions) {
  const raw = new Wllama(
    { default: wllamaWasmUrl },
    { suppressNativeLog: true, logger: { debug: () => {}, log: () => {}, warn: console.warn, error: console.error } },
  );
  raw.setCompat(null);
  await raw.loadModelFromUrl(modelFileUrl('stories260K', 'stories260K.gguf'), {
    n_threads: 1,
    n_ctx: 2048,
    n_gpu_layers: 0,
    n_parallel: 1,
    useCache: false,
  });
  const llm = await createWllamaChatModel({ packId: 'stories260K', file: 'stories260K.gguf', threads: 1 });
  const tts = await createClassicTextToSpeech({ voice: 'slt' });
  const output = new EnqueueRecorder();
  const speaker = new PlaybackQueue();
  /** The same speaker, without telling how much is left to play: synthesis runs ahead as fast as it can. */
  const speakerAllAhead: AudioOutput = {
    enqueue: (pcm, rate) => speaker.enqueue(pcm, rate),
    flush: () => speaker.flush(),
    whenIdle: () => speaker.whenIdle(),
  };
  const newSession = (voice: TextToSpeech = tts, out: AudioOutput = output) =>
    new VoiceSession({
      vad: typedInput.vad,
      stt: typedInput.stt,
      llm,
      tts: voice,
      output: out,
      guard: childSafeOutputGuard,
      persona: { name: 'Hearth', systemPrompt: SYSTEM, voice: 'slt' },
      config: { temperature: 0, maxTokens: opts.maxTokens },
    });
  const session = newSession();
  session.start();
  const silentSession = newSession(silentTts);
  silentSession.start();
  const uiSession = newSession();
  uiSession.start();
  const frameUiSession = newSession();
  frameUiSession.start();
  const playedAllAheadSession = newSession(tts, speakerAllAhead);
  playedAllAheadSession.start();
  const playedPacedSession = newSession(tts, speaker);
  playedPacedSession.start();
  const captionsTarget = document.getElementById('captions')!;
  const captions = mountCaptions(captionsTarget, uiSession, { perFrame: false });
  const frameCaptions = mountCaptions(captionsTarget, frameUiSession, { perFrame: true });

  /** (a) wllama as STACK.md measured it: createCompletion with onData, nothing else per token. */
  async function rawWllama(userText: string): Promise<Sample> {
    const { prompt, stop } = buildStoryPrompt(messagesFor(userText));
    let tokens = 0;
    let firstTextAt: number | null = null;
    await raw.createCompletion({
      prompt,
      stop,
      stream: true,
      max_tokens: opts.maxTokens,
      temperature: 0,
      onData: (chunk: { choices?: { text?: string }[] }) => {
        if (!chunk.choices?.[0]?.text) return;
        firstTextAt ??= performance.now();
        tokens++;
      },
    });
    return sample(tokens, firstTextAt, performance.now());
  }

  /** (b) Hearth's adapter: ChatModel.stream(). */
  async function adapter(userText: string): Promise<Sample> {
    let tokens = 0;
    let firstTextAt: number | null = null;
    for await (const chunk of llm.stream({
      messages: messagesFor(userText),
      temperature: 0,
      maxTokens: opts.maxTokens,
    })) {
      if (chunk.type === 'text') firstTextAt ??= performance.now();
      else if (chunk.type === 'done') tokens = chunk.usage?.completionTokens ?? 0;
    }
    return sample(tokens, firstTextAt, performance.now());
  }

  /** (c, d) A whole typed turn; speed as the latency panel shows it. */
  async function sessionTurn(target: VoiceSession, userText: string): Promise<Sample> {
    let metrics: TurnMetrics | null = null;
    const off = target.on('metrics', (m) => (metrics = m));
    await target.sendText(userText);
    off();
    const m = metrics as TurnMetrics | null;
    const decodeMs = m?.llmTotalMs != null && m.llmTtftMs != null ? m.llmTotalMs - m.llmTtftMs : 0;
    return {
      tokens: m?.completionTokens ?? 0,
      decodeMs: Number(decodeMs.toFixed(2)),
      tokensPerSecond: m?.tokensPerSecond != null ? Number(m.tokensPerSecond.toFixed(1)) : null,
    };
  }

  const modes = {
    raw: rawWllama,
    adapter,
    sessionSilentTts: (text: string) => sessionTurn(silentSession, text),
    sessionWithCaptions: (text: string) => sessionTurn(uiSession, text),
    sessionWithFrameCaptions: (text: string) => sessionTurn(frameUiSession, text),
    session: (text: string) => sessionTurn(session, text),
    sessionPlayedAllAhead: (text: string) => sessionTurn(playedAllAheadSession, text),
    sessionPlayedPaced: (text: string) => sessionTurn(playedPacedSession, text),
  };
  const playedModes = new Set<string>(['sessionPlayedAllAhead', 'sessionPlayedPaced']);
  type Mode = keyof typeof modes;
  const results: Record<Mode, Sample[]> = {
    raw: [],
    adapter: [],
    sessionSilentTts: [],
    session: [],
    sessionWithCaptions: [],
    sessionWithFrameCaptions: [],
    sessionPlayedAllAhead: [],
    sessionPlayedPaced: [],
  };
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    const userText = opts.prompts[i % opts.prompts.length] ?? 'Tell me a story.';
    // Interleaved, so a burst of load on the machine hits every mode alike.
    for (const mode of Object.keys(modes) as Mode[]) {
      if (playedModes.has(mode) && i >= opts.warmup + opts.playedRuns) continue;
      const s = await modes[mode](userText);
      if (i >= opts.warmup) results[mode].push(s);
    }
  }
  const captionUpdates = { perToken: captions.updates, perFrame: frameCaptions.updates };
  captions.destroy();
  frameCaptions.destroy();
  session.stop();
  silentSession.stop();
  uiSession.stop();
  frameUiSession.stop();
  playedAllAheadSession.stop();
  playedPacedSession.stop();
  await speaker.close();
  await llm.dispose();
  await raw.exit();
  tts.dispose();

  const tps = (mode: Mode) => {
    const xs = results[mode].map((s) => s.tokensPerSecond).filter((x): x is number => x !== null);
    return xs.length ? summary(xs, 1) : null;
  };
  const medians = Object.fromEntries((Object.keys(modes) as Mode[]).map((mode) => [mode, tps(mode)]));
  const between = (before: Mode, after: Mode) => {
    const a = tps(before)?.median;
    const b = tps(after)?.median;
    return a && b ? Number((b / a).toFixed(3)) : null;
  };
  const ratio = (mode: Mode) => {
    const a = tps('raw')?.median;
    const b = tps(mode)?.median;
    return a && b ? Number((b / a).toFixed(3)) : null;
  };
  return {
    bench: 'llm-stream',
    model: 'stories260K (wllama, 1 thread, temperature 0)',
    definition: 'tokens/s = completion tokens * 1000 / (first text token -> end of stream), as src/core/metrics.ts',
    device: {
      userAgent: navigator.userAgent,
      hardwareConcurrency: navigator.hardwareConcurrency,
      crossOriginIsolated: self.crossOriginIsolated,
    },
    runs: opts.runs,
    warmup: opts.warmup,
    maxTokens: opts.maxTokens,
    tokensPerSecond: medians,
    ratioToRaw: {
      adapter: ratio('adapter'),
      sessionSilentTts: ratio('sessionSilentTts'),
      session: ratio('session'),
      sessionWithCaptions: ratio('sessionWithCaptions'),
      sessionWithFrameCaptions: ratio('sessionWithFrameCaptions'),
      sessionPlayedAllAhead: ratio('sessionPlayedAllAhead'),
      sessionPlayedPaced: ratio('sessionPlayedPaced'),
    },
    /** The two changes, each against its old path in the same run (> 1: faster now). */
    improvement: {
      captionsPerFrameOverPerToken: between('sessionWithCaptions', 'sessionWithFrameCaptions'),
      pacedSynthesisOverAllAhead: between('sessionPlayedAllAhead', 'sessionPlayedPaced'),
    },
    playedRuns: opts.playedRuns,
    tokensPerRun: Object.fromEntries(
      (Object.keys(modes) as Mode[]).map((mode) => [
        mode,
        summary(
          results[mode].map((s) => s.tokens),
          0,
        ),
      ]),
    ),
    captionUpdates,
    perRun: results,
  };
}

declare global {
  interface Window {
    hearthLlmStreamBench: typeof runBench;
  }
}

window.hearthLlmStreamBench = runBench;
document.getElementById('status')!.textContent = 'ready';
