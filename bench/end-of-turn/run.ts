// npm run bench:end-of-turn [-- --rounds 3]
// The three ends of turn of the core VoiceSession ('fixed' 600 ms silence, 'transcribe-in-pause',
// 'adaptive'), interleaved in one run on the same spoken utterances, with the engines present here
// (Silero VAD on onnxruntime-node, the contract Whisper pack on transformers.js, stories260K on
// node-llama-cpp, the classic flite voice). Audio is pushed in real time, 32 ms at a time.
//
// Words: no Whisper weights exist on this machine and the contract model always spells one
// sentence, so recognition runs the real contract model (its real cost) but the words it returns
// are the script's: the phrases whose audio lies wholly inside what it was given. That is what the
// adaptive policy reads, so the figures measure the policy and the pipeline, not recognition.
//
// A fourth mode adds preemptive generation to the adaptive one.
// Reports per mode: voice-to-voice (speech end -> first reply audio queued) and end-of-utterance
// delay on finished sentences, medians and ratios to 'fixed'; and the share of false cut-offs
// (a turn committed before the speaker finished) on utterances with a pause mid-sentence.
// Prints JSON and writes bench/results/end-of-turn.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ModelStore } from '../../server/models/store.ts';
import { createServerEngines } from '../../server/engines/index.ts';
import { loadClassicVoice } from '../../server/engines/tts-classic.ts';
import { resample } from '../../src/core/audio/resampler.ts';
import type { AudioOutput, SpeechToText, TranscribeOptions, Transcript } from '../../src/core/engines.ts';
import type { EndOfTurnMode } from '../../src/core/end-of-turn.ts';
import type { TurnMetrics } from '../../src/core/metrics.ts';
import { VoiceSession } from '../../src/core/voice-session.ts';
import { FIXTURE_MODELS } from '../../tests/helpers/server.ts';
import { generateIntoTempDir } from '../../tests/integration/contract-models/generate-fixture.ts';
import { summary } from '../stats.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const ROUNDS = Number(values.rounds);
/** The ends of turn compared; 'adaptive+preemptive' also starts the model on the words of the pause. */
type Mode = EndOfTurnMode | 'adaptive+preemptive';
const MODES: Mode[] = ['fixed', 'transcribe-in-pause', 'adaptive', 'adaptive+preemptive'];
const RATE = 16000;
const FRAME = 512;

/** Finished sentences (the speed set) and sentences with a pause in the middle (the cut-off set). */
const FINISHED: string[][] = [
  ['Tell me a story.'],
  ['Can we sing a song?'],
  ['My tooth fell out today!'],
  ['What is the biggest animal?'],
];
const PAUSED: { phrases: string[]; pauseMs: number }[] = [
  { phrases: ['I saw a dog and', 'a big red ball.'], pauseMs: 700 },
  { phrases: ['Tell me a story about', 'a brave turtle.'], pauseMs: 700 },
  { phrases: ['Because,', 'I like it.'], pauseMs: 500 },
  { phrases: ['My favourite animal is', 'the elephant.'], pauseMs: 500 },
  { phrases: ['I went to the park.', 'And I saw a duck.'], pauseMs: 500 },
  { phrases: ['Hello there', 'how are you?'], pauseMs: 450 },
];

interface Utterance {
  samples: Float32Array;
  /** Where each phrase's audio ends, in samples, and its words. */
  phrases: { end: number; text: string }[];
  /** The last phrase's start: a turn committed before it was a false cut-off. */
  lastPhraseStart: number;
}

class EnqueueTimes implements AudioOutput {
  first: number | null = null;
  enqueue(): void {
    this.first ??= performance.now();
  }
  flush(): void {}
  whenIdle(): Promise<void> {
    return Promise.resolve();
  }
}

/** The real contract Whisper's work, the script's words (see the header). */
class ScriptWordsStt implements SpeechToText {
  utterance: Utterance | null = null;
  /** Samples of the utterance pushed so far: the audio it is given ends there. */
  sent = 0;
  constructor(private readonly real: SpeechToText) {}
  async transcribe(audio: Float32Array, opts: TranscribeOptions): Promise<Transcript> {
    const heardUpTo = this.sent;
    await this.real.transcribe(audio, opts);
    const heard = (this.utterance?.phrases ?? []).filter((p) => p.end <= heardUpTo).map((p) => p.text);
    return { text: heard.join(' ') };
  }
}

const generated = generateIntoTempDir();
const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-eot-'));
const models = await ModelStore.open({
  manifestPath: generated.manifestPath,
  modelsDir,
  extraDirs: [generated.outDir, FIXTURE_MODELS],
});
await models.verifyInBackground();
const engines = await createServerEngines({ models, skip: ['embeddings'] });
const { createVad, stt: realStt, llm, tts } = engines;
if (!createVad || !realStt || !llm) throw new Error(`engines missing: ${engines.report.join('; ')}`);
// The speaker's voice: flite, whose speech Silero hears as speech (the contract Piper's is not).
const speaker = await loadClassicVoice(models, { voice: 'slt' });

async function speak(text: string): Promise<Float32Array> {
  const chunks: Float32Array[] = [];
  for await (const pcm of speaker.synthesize(text, {})) chunks.push(pcm);
  const joined = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) joined.set(c, (o += c.length) - c.length);
  return resample(joined, speaker.sampleRate, RATE);
}

async function utterance(phrases: string[], pauseMs: number): Promise<Utterance> {
  const parts: Float32Array[] = [new Float32Array(RATE / 2)];
  const ends: { end: number; text: string }[] = [];
  let length = parts[0]!.length;
  let lastPhraseStart = 0;
  for (const [i, text] of phrases.entries()) {
    if (i > 0) {
      parts.push(new Float32Array(Math.round((pauseMs / 1000) * RATE)));
      length += parts.at(-1)!.length;
    }
    lastPhraseStart = length;
    const audio = await speak(text);
    parts.push(audio);
    length += audio.length;
    ends.push({ end: length, text });
  }
  const samples = new Float32Array(length);
  let o = 0;
  for (const p of parts) samples.set(p, (o += p.length) - p.length);
  return { samples, phrases: ends, lastPhraseStart };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface TurnResult {
  mode: Mode;
  voiceToVoiceMs: number | null;
  endOfUtteranceMs: number | null;
  sttMs: number | null;
  transcribedInPause: boolean;
  /** A turn began before the last phrase was spoken. */
  cutOff: boolean;
  transcript: string;
}

async function runTurn(mode: Mode, u: Utterance, stt: ScriptWordsStt): Promise<TurnResult> {
  stt.utterance = u;
  const output = new EnqueueTimes();
  const session = new VoiceSession({
    vad: createVad!(),
    stt,
    llm: llm!,
    tts,
    output,
    persona: { name: 'Hearth', systemPrompt: 'You are Hearth, a friendly storyteller.', voice: 'slt' },
    config:
      mode === 'adaptive+preemptive'
        ? { endOfTurn: 'adaptive', preemptiveGeneration: true, maxTokens: 24 }
        : { endOfTurn: mode, maxTokens: 24 },
  });
  const transcripts: { text: string; sent: number }[] = [];
  let sent = 0;
  let metrics: TurnMetrics | null = null;
  // When each turn was committed (the moment the silence ended it), in samples pushed so far.
  const commits: number[] = [];
  session.on('state', ({ state }) => {
    if (state === 'transcribing') commits.push(sent);
  });
  session.on('userTranscript', ({ text }) => transcripts.push({ text, sent }));
  session.on('metrics', (m) => (metrics ??= m));
  session.start();
  // Real time: each 32 ms frame when its moment comes, then silence until a reply is heard.
  const started = performance.now();
  const total = u.samples.length + RATE * 4;
  for (let frame = 0; sent < total; frame++) {
    const chunk = sent < u.samples.length ? u.samples.subarray(sent, sent + FRAME) : new Float32Array(FRAME);
    sent += FRAME;
    stt.sent = sent;
    await session.pushAudio(chunk);
    if (output.first !== null && sent >= u.samples.length) break;
    const due = started + ((frame + 1) * FRAME * 1000) / RATE;
    await sleep(Math.max(0, due - performance.now()));
  }
  // The turn's metrics come when it ends (the reply is short: maxTokens 24, nothing is played).
  for (let i = 0; i < 500 && transcripts.length > 0 && metrics === null; i++) await sleep(20);
  session.stop();
  await sleep(50);
  const m = metrics as TurnMetrics | null;
  const result: TurnResult = {
    mode,
    voiceToVoiceMs: m?.voiceToVoiceMs ?? null,
    endOfUtteranceMs: m?.endOfUtteranceDelayMs ?? null,
    sttMs: m?.sttMs ?? null,
    transcribedInPause: m?.transcribedInPause ?? false,
    cutOff: commits.some((at) => at < u.lastPhraseStart + FRAME),
    transcript: transcripts.map((t) => t.text).join(' | '),
  };
  if (process.env.BENCH_DEBUG) console.error(mode, JSON.stringify(result));
  return result;
}

try {
  const stt = new ScriptWordsStt(realStt);
  const finished = await Promise.all(FINISHED.map((p) => utterance(p, 0)));
  const paused = await Promise.all(PAUSED.map((p) => utterance(p.phrases, p.pauseMs)));
  // Warm-up: each engine once.
  await runTurn('fixed', finished[0]!, stt);

  const speed: TurnResult[] = [];
  const cutOffs: TurnResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const u of finished) for (const mode of MODES) speed.push(await runTurn(mode, u, stt));
    for (const u of paused) for (const mode of MODES) cutOffs.push(await runTurn(mode, u, stt));
  }

  const median = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? summary(v, 0) : null;
  };
  const perMode = Object.fromEntries(
    MODES.map((mode) => {
      const turns = speed.filter((t) => t.mode === mode);
      const cuts = cutOffs.filter((t) => t.mode === mode);
      return [
        mode,
        {
          voiceToVoiceMs: median(turns.map((t) => t.voiceToVoiceMs)),
          endOfUtteranceMs: median(turns.map((t) => t.endOfUtteranceMs)),
          sttMs: median(turns.map((t) => t.sttMs)),
          transcribedInPause: turns.filter((t) => t.transcribedInPause).length,
          turns: turns.length,
          falseCutOffs: cuts.filter((t) => t.cutOff).length,
          pausedUtterances: cuts.length,
          falseCutOffShare: cuts.length ? Number((cuts.filter((t) => t.cutOff).length / cuts.length).toFixed(3)) : null,
        },
      ];
    }),
  );
  const fixedV2v = perMode.fixed?.voiceToVoiceMs?.median ?? null;
  const ratio = (mode: Mode) => {
    const v = perMode[mode]?.voiceToVoiceMs?.median ?? null;
    return v !== null && fixedV2v ? Number((v / fixedV2v).toFixed(3)) : null;
  };
  const result = {
    bench: 'end-of-turn',
    machine: { cpus: os.cpus().length, loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)) },
    engines: engines.report,
    words:
      'the contract Whisper runs for its real cost; the words are the script phrases wholly inside the audio it was given (no Whisper weights here)',
    rounds: ROUNDS,
    perMode,
    voiceToVoiceRatioToFixed: {
      'transcribe-in-pause': ratio('transcribe-in-pause'),
      adaptive: ratio('adaptive'),
      'adaptive+preemptive': ratio('adaptive+preemptive'),
    },
    cutOffsPerUtterance: PAUSED.map((p, i) => ({
      phrases: p.phrases,
      pauseMs: p.pauseMs,
      ...Object.fromEntries(
        MODES.map((mode) => [
          mode,
          cutOffs.filter((t, j) => t.mode === mode && Math.floor(j / MODES.length) % PAUSED.length === i && t.cutOff)
            .length,
        ]),
      ),
    })),
  };
  fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join('bench', 'results', 'end-of-turn.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await speaker.dispose();
  await engines.dispose();
  generated.cleanup();
  fs.rmSync(modelsDir, { recursive: true, force: true });
}
