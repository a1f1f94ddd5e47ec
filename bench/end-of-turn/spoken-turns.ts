// The spoken-turn measurement shared by bench:end-of-turn (Node engines) and bench:voice-loop (the
// browser's engines): the same utterances, the same real-time push of 32 ms frames into the core
// VoiceSession, the same scoring. Browser-safe: no Node modules.
//
// Words: no Whisper weights exist on this machine and the contract model always spells one
// sentence, so recognition runs the real contract model (its real cost) but the words it returns
// are the script's: the phrases whose audio lies wholly inside what it was given. That is what the
// adaptive policy reads, so the figures measure the policy and the pipeline, not recognition.
import type {
  AudioOutput,
  ChatModel,
  SpeechToText,
  TextToSpeech,
  TranscribeOptions,
  Transcript,
  Vad,
} from '../../src/core/engines.ts';
import type { EndOfTurnMode } from '../../src/core/end-of-turn.ts';
import type { TurnMetrics } from '../../src/core/metrics.ts';
import { VoiceSession } from '../../src/core/voice-session.ts';
import { summary } from '../stats.ts';

/** The ends of turn compared; 'adaptive+preemptive' also starts the model on the words of the pause. */
export type Mode = EndOfTurnMode | 'adaptive+preemptive';
export const MODES: Mode[] = ['fixed', 'transcribe-in-pause', 'adaptive', 'adaptive+preemptive'];
export const RATE = 16000;
const FRAME = 512;

/** Finished sentences (the speed set) and sentences with a pause in the middle (the cut-off set). */
export const FINISHED: string[][] = [
  ['Tell me a story.'],
  ['Can we sing a song?'],
  ['My tooth fell out today!'],
  ['What is the biggest animal?'],
];
export const PAUSED: { phrases: string[]; pauseMs: number }[] = [
  { phrases: ['I saw a dog and', 'a big red ball.'], pauseMs: 700 },
  { phrases: ['Tell me a story about', 'a brave turtle.'], pauseMs: 700 },
  { phrases: ['Because,', 'I like it.'], pauseMs: 500 },
  { phrases: ['My favourite animal is', 'the elephant.'], pauseMs: 500 },
  { phrases: ['I went to the park.', 'And I saw a duck.'], pauseMs: 500 },
  { phrases: ['Hello there', 'how are you?'], pauseMs: 450 },
];

export interface Utterance {
  samples: Float32Array;
  /** Where each phrase's audio ends, in samples, and its words. */
  phrases: { end: number; text: string }[];
  /** The last phrase's start: a turn committed before it was a false cut-off. */
  lastPhraseStart: number;
}

/** Half a second of silence, then the phrases with `pauseMs` between them; `speak` gives 16 kHz audio. */
export async function buildUtterance(
  phrases: string[],
  pauseMs: number,
  speak: (text: string) => Promise<Float32Array>,
): Promise<Utterance> {
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
export class ScriptWordsStt implements SpeechToText {
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

export interface SpokenTurnEngines {
  /** A fresh or reset detector per turn. */
  vad: () => Vad;
  stt: ScriptWordsStt;
  llm: ChatModel;
  tts: TextToSpeech;
}

export interface TurnResult {
  mode: Mode;
  voiceToVoiceMs: number | null;
  endOfUtteranceMs: number | null;
  sttMs: number | null;
  transcribedInPause: boolean;
  /** A turn began before the last phrase was spoken. */
  cutOff: boolean;
  transcript: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One utterance spoken in real time into a fresh VoiceSession with `mode`'s end of turn. */
export async function runSpokenTurn(mode: Mode, u: Utterance, engines: SpokenTurnEngines): Promise<TurnResult> {
  const { stt } = engines;
  stt.utterance = u;
  const output = new EnqueueTimes();
  const session = new VoiceSession({
    vad: engines.vad(),
    stt,
    llm: engines.llm,
    tts: engines.tts,
    output,
    persona: { name: 'Hearth', systemPrompt: 'You are Hearth, a friendly storyteller.', voice: 'slt' },
    config:
      mode === 'adaptive+preemptive'
        ? { endOfTurn: 'adaptive', preemptiveGeneration: true, maxTokens: 24 }
        : { endOfTurn: mode, maxTokens: 24 },
  });
  const transcripts: string[] = [];
  let sent = 0;
  let metrics: TurnMetrics | null = null;
  // When each turn was committed (the moment the silence ended it), in samples pushed so far.
  const commits: number[] = [];
  session.on('state', ({ state }) => {
    if (state === 'transcribing') commits.push(sent);
  });
  session.on('userTranscript', ({ text }) => transcripts.push(text));
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
  return {
    mode,
    voiceToVoiceMs: m?.voiceToVoiceMs ?? null,
    endOfUtteranceMs: m?.endOfUtteranceDelayMs ?? null,
    sttMs: m?.sttMs ?? null,
    transcribedInPause: m?.transcribedInPause ?? false,
    cutOff: commits.some((at) => at < u.lastPhraseStart + FRAME),
    transcript: transcripts.join(' | '),
  };
}

export interface ModesOptions {
  rounds: number;
  speak: (text: string) => Promise<Float32Array>;
  /** Called after each turn (a bench's debug output). */
  onTurn?: (result: TurnResult) => void;
}

/** Every mode on every utterance, interleaved round by round; medians, ratios to 'fixed', cut-offs. */
export async function measureEndOfTurnModes(engines: SpokenTurnEngines, opts: ModesOptions) {
  const finished: Utterance[] = [];
  for (const p of FINISHED) finished.push(await buildUtterance(p, 0, opts.speak));
  const paused: Utterance[] = [];
  for (const p of PAUSED) paused.push(await buildUtterance(p.phrases, p.pauseMs, opts.speak));
  const run = async (mode: Mode, u: Utterance) => {
    const result = await runSpokenTurn(mode, u, engines);
    opts.onTurn?.(result);
    return result;
  };
  // Warm-up: each engine once.
  await run('fixed', finished[0]!);

  const speed: TurnResult[] = [];
  const cutOffs: { utterance: number; result: TurnResult }[] = [];
  for (let round = 0; round < opts.rounds; round++) {
    for (const u of finished) for (const mode of MODES) speed.push(await run(mode, u));
    for (const [i, u] of paused.entries())
      for (const mode of MODES) cutOffs.push({ utterance: i, result: await run(mode, u) });
  }

  const median = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? summary(v, 0) : null;
  };
  const perMode = Object.fromEntries(
    MODES.map((mode) => {
      const turns = speed.filter((t) => t.mode === mode);
      const cuts = cutOffs.filter((c) => c.result.mode === mode).map((c) => c.result);
      const falseCutOffs = cuts.filter((t) => t.cutOff).length;
      return [
        mode,
        {
          voiceToVoiceMs: median(turns.map((t) => t.voiceToVoiceMs)),
          endOfUtteranceMs: median(turns.map((t) => t.endOfUtteranceMs)),
          sttMs: median(turns.map((t) => t.sttMs)),
          transcribedInPause: turns.filter((t) => t.transcribedInPause).length,
          turns: turns.length,
          falseCutOffs,
          pausedUtterances: cuts.length,
          falseCutOffShare: cuts.length ? Number((falseCutOffs / cuts.length).toFixed(3)) : null,
        },
      ];
    }),
  );
  const fixedV2v = perMode.fixed?.voiceToVoiceMs?.median ?? null;
  const ratio = (mode: Mode) => {
    const v = perMode[mode]?.voiceToVoiceMs?.median ?? null;
    return v !== null && fixedV2v ? Number((v / fixedV2v).toFixed(3)) : null;
  };
  return {
    words:
      'the contract Whisper runs for its real cost; the words are the script phrases wholly inside the audio it was given (no Whisper weights here)',
    rounds: opts.rounds,
    perMode,
    voiceToVoiceRatioToFixed: Object.fromEntries(MODES.filter((m) => m !== 'fixed').map((m) => [m, ratio(m)])),
    cutOffsPerUtterance: PAUSED.map((p, i) => ({
      phrases: p.phrases,
      pauseMs: p.pauseMs,
      ...Object.fromEntries(
        MODES.map((mode) => [
          mode,
          cutOffs.filter((c) => c.utterance === i && c.result.mode === mode && c.result.cutOff).length,
        ]),
      ),
    })),
  };
}
