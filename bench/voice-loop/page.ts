// Runs typed-input turns through the real VoiceSession with the real engines available on this
// machine (wllama + stories260K, flite classic voice), and the same engines called directly,
// in the same page and run, so the pipeline's overhead is a difference of like measurements.

import {
  SentenceSegmenter,
  splitSentences,
  VoiceSession,
  type ChatMessage,
  type TurnMetrics,
} from '../../src/core/index.ts';
import { createWllamaChatModel } from '../../src/engines/llm/wllama-chat-model.ts';
import { createClassicTextToSpeech } from '../../src/engines/tts/classic/index.ts';
import { summary } from '../stats.ts';
import { typedInputEngines } from '../typed-input-engines.ts';
import { measureSpokenEndOfTurn } from './end-of-turn.ts';
import { EnqueueRecorder } from './recording-output.ts';

export interface BenchOptions {
  turns: number;
  warmup: number;
  maxTokens: number;
  prompts: string[];
  /** Rounds of the spoken end-of-turn phase (0 leaves it out). */
  endOfTurnRounds: number;
}

const SYSTEM = 'You are Hearth, a friendly storyteller for children.';

const typedInput = typedInputEngines('voice-loop');

interface RawLlm {
  ttftMs: number;
  firstSentenceMs: number | null;
  totalMs: number;
  tokens: number;
  text: string;
}

async function runBench(opts: BenchOptions) {
  const loadStarted = performance.now();
  const llm = await createWllamaChatModel({ packId: 'stories260K', file: 'stories260K.gguf', threads: 1 });
  const llmLoadMs = performance.now() - loadStarted;
  const ttsStarted = performance.now();
  const tts = await createClassicTextToSpeech({ voice: 'slt' });
  const ttsLoadMs = performance.now() - ttsStarted;

  const output = new EnqueueRecorder();
  const session = new VoiceSession({
    vad: typedInput.vad,
    stt: typedInput.stt,
    llm,
    tts,
    output,
    persona: { name: 'Hearth', systemPrompt: SYSTEM, voice: 'slt' },
    // Greedy decoding: the direct call and the pipeline produce the same reply.
    config: { temperature: 0, maxTokens: opts.maxTokens },
  });
  session.start();

  async function rawLlm(userText: string): Promise<RawLlm> {
    const messages: ChatMessage[] = [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: userText },
    ];
    const started = performance.now();
    const segmenter = new SentenceSegmenter();
    let ttft = -1;
    let firstSentence: number | null = null;
    let text = '';
    let tokens = 0;
    for await (const chunk of llm.stream({ messages, temperature: 0, maxTokens: opts.maxTokens })) {
      if (chunk.type === 'text') {
        if (ttft < 0) ttft = performance.now() - started;
        text += chunk.text;
        if (firstSentence === null && segmenter.push(chunk.text).length > 0)
          firstSentence = performance.now() - started;
      } else if (chunk.type === 'done') {
        tokens = chunk.usage?.completionTokens ?? 0;
      }
    }
    const totalMs = performance.now() - started;
    if (firstSentence === null && segmenter.flush()) firstSentence = totalMs;
    return { ttftMs: ttft, firstSentenceMs: firstSentence, totalMs, tokens, text };
  }

  async function rawTts(text: string) {
    const perSentence: { wallMs: number; synthMs: number; audioSec: number }[] = [];
    for (const sentence of splitSentences(text)) {
      const started = performance.now();
      const result = await tts.synthesizeOnce(sentence);
      if (!result) continue;
      perSentence.push({
        wallMs: performance.now() - started,
        synthMs: result.synthMs,
        audioSec: result.samples.length / result.sampleRate,
      });
    }
    return perSentence;
  }

  async function pipelineTurn(userText: string) {
    const deltas: { at: number; delta: string }[] = [];
    let metrics: TurnMetrics | null = null;
    const offText = session.on('agentText', ({ delta }) => deltas.push({ at: performance.now(), delta }));
    const offMetrics = session.on('metrics', (m) => (metrics = m));
    const enqueuedBefore = output.enqueued.length;
    const started = performance.now();
    await session.sendText(userText);
    offText();
    offMetrics();
    const firstAudioAt = output.enqueued[enqueuedBefore]?.at ?? null;
    // When the LLM's text completed its second sentence (what a non-streaming pipeline waits for).
    const segmenter = new SentenceSegmenter();
    let sentences = 0;
    let secondSentenceAt: number | null = null;
    for (const { at, delta } of deltas) {
      sentences += segmenter.push(delta).length;
      if (sentences >= 2) {
        secondSentenceAt = at;
        break;
      }
    }
    return {
      metrics: metrics as TurnMetrics | null,
      firstAudioMs: firstAudioAt === null ? null : firstAudioAt - started,
      secondSentenceMs: secondSentenceAt === null ? null : secondSentenceAt - started,
      lastTextMs: deltas.length ? (deltas[deltas.length - 1]?.at ?? started) - started : null,
      text: deltas.map((d) => d.delta).join(''),
    };
  }

  const perTurn = [];
  for (let i = 0; i < opts.warmup + opts.turns; i++) {
    const userText = opts.prompts[i % opts.prompts.length] ?? 'Tell me a story.';
    const llmRaw = await rawLlm(userText);
    const ttsRaw = await rawTts(llmRaw.text);
    const pipe = await pipelineTurn(userText);
    if (i < opts.warmup) continue;
    const m = pipe.metrics;
    const ttsFirst = ttsRaw[0]?.wallMs ?? null;
    const rawCritical = llmRaw.firstSentenceMs !== null && ttsFirst !== null ? llmRaw.firstSentenceMs + ttsFirst : null;
    perTurn.push({
      userText,
      reply: pipe.text,
      sameReplyAsDirectCall: pipe.text.trim() === llmRaw.text.trim(),
      pipeline: {
        voiceToVoiceMs: m?.voiceToVoiceMs ?? null,
        llmTtftMs: m?.llmTtftMs ?? null,
        llmTotalMs: m?.llmTotalMs ?? null,
        ttsTtfaMs: m?.ttsTtfaMs ?? null,
        tokensPerSecond: m?.tokensPerSecond ?? null,
        completionTokens: m?.completionTokens ?? null,
        sentences: m?.sentences ?? null,
        firstAudioMs: pipe.firstAudioMs,
        secondSentenceCompleteMs: pipe.secondSentenceMs,
        lastTextMs: pipe.lastTextMs,
      },
      raw: {
        llmTtftMs: llmRaw.ttftMs,
        llmFirstSentenceMs: llmRaw.firstSentenceMs,
        llmTotalMs: llmRaw.totalMs,
        completionTokens: llmRaw.tokens,
        ttsPerSentenceMs: ttsRaw.map((s) => s.wallMs),
        ttsSynthInWorkerMs: ttsRaw.map((s) => s.synthMs),
        ttsRealTimeFactor: ttsRaw.map((s) => s.synthMs / 1000 / s.audioSec),
      },
      rawCriticalPathMs: rawCritical,
      overheadMs: m?.voiceToVoiceMs != null && rawCritical !== null ? m.voiceToVoiceMs - rawCritical : null,
      firstAudioBeforeSecondSentence:
        pipe.firstAudioMs !== null && pipe.secondSentenceMs !== null ? pipe.firstAudioMs < pipe.secondSentenceMs : null,
      firstAudioBeforeLlmFinished:
        pipe.firstAudioMs !== null && pipe.lastTextMs !== null ? pipe.firstAudioMs < pipe.lastTextMs : null,
    });
  }
  session.stop();
  const endOfTurn = opts.endOfTurnRounds > 0 ? await measureSpokenEndOfTurn(llm, tts, opts.endOfTurnRounds) : null;
  await llm.dispose();
  tts.dispose();

  const nums = (xs: (number | null | undefined)[]) =>
    xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  const stat = (xs: (number | null | undefined)[]) => (nums(xs).length ? summary(nums(xs), 2) : null);
  const v2v = stat(perTurn.map((t) => t.pipeline.voiceToVoiceMs));
  const critical = stat(perTurn.map((t) => t.rawCriticalPathMs));
  const streamingChecks = perTurn.map((t) => t.firstAudioBeforeSecondSentence).filter((x): x is boolean => x !== null);
  const beforeLlmEnd = perTurn.map((t) => t.firstAudioBeforeLlmFinished).filter((x): x is boolean => x !== null);
  return {
    bench: 'voice-loop',
    input: 'typed text (VoiceSession.sendText); voice-to-voice = text committed -> first reply audio enqueued',
    device: {
      userAgent: navigator.userAgent,
      hardwareConcurrency: navigator.hardwareConcurrency,
      crossOriginIsolated: self.crossOriginIsolated,
    },
    engines: { stt: null, llm: llm.info, tts: tts.info },
    sttNote:
      'no Whisper weights on this machine; typed input skips VAD and STT; the spoken phase (endOfTurn) runs the contract Whisper pack',
    loadMs: { llm: Number(llmLoadMs.toFixed(1)), tts: Number(ttsLoadMs.toFixed(1)) },
    turns: perTurn.length,
    warmupTurns: opts.warmup,
    pipeline: {
      voiceToVoiceMs: v2v,
      llmTtftMs: stat(perTurn.map((t) => t.pipeline.llmTtftMs)),
      llmTotalMs: stat(perTurn.map((t) => t.pipeline.llmTotalMs)),
      ttsTtfaMs: stat(perTurn.map((t) => t.pipeline.ttsTtfaMs)),
      tokensPerSecond: stat(perTurn.map((t) => t.pipeline.tokensPerSecond)),
      sentencesPerReply: stat(perTurn.map((t) => t.pipeline.sentences)),
    },
    raw: {
      llmTtftMs: stat(perTurn.map((t) => t.raw.llmTtftMs)),
      llmFirstSentenceMs: stat(perTurn.map((t) => t.raw.llmFirstSentenceMs)),
      llmTotalMs: stat(perTurn.map((t) => t.raw.llmTotalMs)),
      ttsPerSentenceMs: stat(perTurn.flatMap((t) => t.raw.ttsPerSentenceMs)),
      ttsFirstSentenceMs: stat(perTurn.map((t) => t.raw.ttsPerSentenceMs[0])),
      ttsSynthInWorkerMs: stat(perTurn.flatMap((t) => t.raw.ttsSynthInWorkerMs)),
      ttsRealTimeFactor: stat(perTurn.flatMap((t) => t.raw.ttsRealTimeFactor)),
    },
    criticalPath: 'raw LLM time to its first complete sentence + raw TTS time for that sentence',
    rawCriticalPathMs: critical,
    overheadMs: stat(perTurn.map((t) => t.overheadMs)),
    voiceToVoiceOverRawRatio: v2v && critical ? Number((v2v.median / critical.median).toFixed(3)) : null,
    streaming: {
      turnsWithTwoSentences: streamingChecks.length,
      firstAudioBeforeSecondSentence: streamingChecks.filter(Boolean).length,
      works: streamingChecks.length > 0 && streamingChecks.every(Boolean),
      // A fast LLM (stories260K, ~1,000 tok/s) can finish sentence 2 before TTS finishes sentence 1;
      // then this shows whether reply audio still started while the LLM was generating.
      firstAudioBeforeLlmFinished: beforeLlmEnd.filter(Boolean).length,
      turnsCheckedForLlmFinish: beforeLlmEnd.length,
      llmSecondSentenceVsTtsFirstSentenceMs: {
        llmSecondSentenceComplete: stat(perTurn.map((t) => t.pipeline.secondSentenceCompleteMs)),
        firstAudio: stat(perTurn.map((t) => t.pipeline.firstAudioMs)),
      },
    },
    repliesMatchDirectCalls: perTurn.filter((t) => t.sameReplyAsDirectCall).length,
    /** Spoken input: voice-to-voice per end of turn (ratios to the fixed 600 ms) and false cut-offs. */
    endOfTurn,
    perTurn,
  };
}

declare global {
  interface Window {
    hearthVoiceLoopBench: typeof runBench;
  }
}

window.hearthVoiceLoopBench = runBench;
document.getElementById('status')!.textContent = 'ready';
