import { describe, expect, it } from 'vitest';
import {
  endpointingDelayFor,
  getTimeTool,
  ToolRegistry,
  utteranceShape,
  type TurnGuard,
} from '../../../src/core/index.ts';
import type { TurnEndModel } from '../../../src/core/engines.ts';
import { FakeClock, FRAME_MS, frameTags } from './fakes.ts';
import { config, createHarness, modelCallsAtTurnEnd, type Harness } from './harness.ts';

const BASE = config.endpointingDelayMs;

/** When the session went to 'transcribing' after `from`, or null. */
function committedAt(h: Harness, from: number): number | null {
  return h.of('state').find((e) => e.at >= from && e.payload.state === 'transcribing')?.at ?? null;
}

describe('utteranceShape', () => {
  it('reads a sentence with an end mark as finished', () => {
    expect(utteranceShape('Tell me a story.')).toBe('finished');
    expect(utteranceShape('Can we play a game?')).toBe('finished');
    expect(utteranceShape('My tooth fell out!')).toBe('finished');
  });

  it('reads a trailing joining word or a comma as unfinished, even with a full stop after it', () => {
    expect(utteranceShape('I saw a dog and')).toBe('unfinished');
    expect(utteranceShape('And then.')).toBe('unfinished');
    expect(utteranceShape('Because, um...')).toBe('unfinished');
    expect(utteranceShape('I went to the park,')).toBe('unfinished');
    expect(utteranceShape('Tell me a story about the')).toBe('unfinished');
  });

  it('knows nothing from words without an end mark, or from no words', () => {
    expect(utteranceShape('hello there')).toBe('unknown');
    expect(utteranceShape('  ')).toBe('unknown');
  });
});

describe('endpointingDelayFor', () => {
  it('waits half as long after a finished sentence and twice as long after "and"', () => {
    expect(endpointingDelayFor(600, 'usual', 'Tell me a story.')).toBe(300);
    expect(endpointingDelayFor(600, 'usual', 'and then')).toBe(1200);
    expect(endpointingDelayFor(600, 'usual', 'hello')).toBe(600);
    expect(endpointingDelayFor(600, 'usual', null)).toBe(600);
  });

  it("scales by the persona's patience, and never goes below 250 ms", () => {
    expect(endpointingDelayFor(600, 'long', null)).toBe(960);
    expect(endpointingDelayFor(600, 'long', 'and')).toBe(1920);
    expect(endpointingDelayFor(600, 'short', 'Yes.')).toBe(250);
  });
});

describe('end of turn in the session', () => {
  it('adaptive: a finished sentence heard in the pause ends the turn sooner, with its transcript ready', async () => {
    const h = createHarness({
      transcripts: ['Tell me a story.'],
      chat: [['Once', '.']],
      config: { endOfTurn: 'adaptive' },
    });
    h.session.start();
    await h.speech(600, 1);
    const speechEnd = h.clock.now();
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    // The pause probe (200 ms) + the fake STT (100 ms) tell a finished sentence: 300 ms ends it.
    const committed = committedAt(h, speechEnd)!;
    expect(committed - speechEnd).toBeLessThan(BASE);
    expect(committed - speechEnd).toBeGreaterThanOrEqual(endpointingDelayFor(BASE, 'usual', 'Tell me a story.'));
    expect(h.stt.calls).toHaveLength(1);
    expect(h.of('userTranscript').map((e) => e.payload.text)).toEqual(['Tell me a story.']);
    expect(h.of('metrics')[0]!.payload.transcribedInPause).toBe(true);
  });

  it('adaptive: a trailing "and" waits past the usual silence, and the speaker can go on', async () => {
    const h = createHarness({
      transcripts: ['I saw a dog and', 'I saw a dog and a cat.'],
      chat: [['Nice', '.']],
      config: { endOfTurn: 'adaptive' },
    });
    h.session.start();
    await h.speech(600, 1);
    await h.silence(BASE + 200, 2);
    expect(h.session.state, 'an unfinished sentence keeps the turn open past 600 ms').toBe('userSpeaking');
    await h.speech(500, 3);
    expect(h.stt.calls[0]!.signal?.aborted, 'the dropped transcript is cancelled').toBe(true);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.stt.calls).toHaveLength(2);
    // The second transcription covers both parts; the turn's words are its words.
    const tags = frameTags(h.stt.calls[1]!.audio);
    expect(tags).toContain(1);
    expect(tags).toContain(3);
    expect(h.of('userTranscript').map((e) => e.payload.text)).toEqual(['I saw a dog and a cat.']);
  });

  it('a transcript still running when the speaker goes on is cancelled and never becomes the turn', async () => {
    const h = createHarness({
      transcripts: ['only the second call finishes.'],
      chat: [['Ok', '.']],
      config: { endOfTurn: 'adaptive', pauseProbeMs: 200 },
    });
    h.session.start();
    await h.speech(600, 1);
    // The pause is heard at 200 ms; speech comes back while the fake STT (100 ms) still runs.
    await h.silence(200 + 2 * FRAME_MS, 2);
    expect(h.stt.calls).toHaveLength(1);
    await h.speech(400, 3);
    expect(h.stt.calls[0]!.signal?.aborted).toBe(true);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.stt.calls).toHaveLength(2);
    expect(h.of('userTranscript').map((e) => e.payload.text)).toEqual(['only the second call finishes.']);
  });

  it('transcribe-in-pause: the silence stays fixed, but the transcript was started in the pause', async () => {
    const h = createHarness({
      transcripts: ['Tell me a story.'],
      chat: [['Once', '.']],
      config: { endOfTurn: 'transcribe-in-pause' },
    });
    h.session.start();
    await h.speech(600, 1);
    const speechEnd = h.clock.now();
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    const committed = committedAt(h, speechEnd)!;
    expect(committed - speechEnd).toBeGreaterThanOrEqual(BASE);
    expect(h.stt.calls).toHaveLength(1);
    const metrics = h.of('metrics')[0]!.payload;
    expect(metrics.transcribedInPause).toBe(true);
    // The transcript was ready before the turn ended: the reply waits on no recognition at all.
    const thinking = h.of('state').find((e) => e.payload.state === 'thinking')!.at;
    expect(thinking).toBe(committed);
  });

  it('fixed: no transcription before the turn ends (the old path)', async () => {
    const h = createHarness({
      transcripts: ['Tell me a story.'],
      chat: [['Once', '.']],
      config: { endOfTurn: 'fixed' },
    });
    h.session.start();
    await h.speech(600, 1);
    await h.silence(BASE - 2 * FRAME_MS, 2);
    expect(h.stt.calls).toHaveLength(0);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.of('metrics')[0]!.payload.transcribedInPause).toBe(false);
  });

  it('a persona for young children waits longer for the end of a turn (its pause patience)', async () => {
    const h = createHarness({
      transcripts: ['I like'],
      chat: [['Me too', '.']],
      config: { endOfTurn: 'fixed' },
      session: { persona: { name: 'Pip', systemPrompt: 'Be kind.', pausePatience: 'long' } },
    });
    h.session.start();
    await h.speech(600, 1);
    const speechEnd = h.clock.now();
    await h.silence(BASE + 200, 2);
    expect(h.session.state).toBe('userSpeaking');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(committedAt(h, speechEnd)! - speechEnd).toBeGreaterThanOrEqual(endpointingDelayFor(BASE, 'long'));
  });

  it('a transcript started in the pause that fails is reported like any recognition failure', async () => {
    const h = createHarness({
      transcripts: [new Error('whisper crashed')],
      config: { endOfTurn: 'adaptive' },
    });
    h.session.start();
    await h.speech(600, 1);
    await h.silenceUntil(() => h.of('turnEnd').length === 1 && h.session.state === 'listening');
    expect(h.of('error').map((e) => [e.payload.stage, e.payload.error.message])).toEqual([['stt', 'whisper crashed']]);
    expect(h.of('agentText').map((e) => e.payload.text)).toEqual([config.apology]);
  });
});

/** A scripted end-of-turn model on the harness's clock: answers each call in turn after 30 ms. */
class ScriptedTurnEndModel implements TurnEndModel {
  readonly id = 'scripted-turn-end';
  readonly calls: { audio: Float32Array; signal: AbortSignal | undefined }[] = [];
  clock: FakeClock | null = null;
  constructor(private readonly answers: (number | Error)[]) {}
  async completionProbability(audio: Float32Array, opts?: { signal?: AbortSignal }): Promise<number> {
    this.calls.push({ audio, signal: opts?.signal });
    const answer = this.answers[Math.min(this.calls.length - 1, this.answers.length - 1)]!;
    await this.clock!.sleep(30, opts?.signal);
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

function harnessWithModel(model: ScriptedTurnEndModel, transcripts: string[], endOfTurn = 'adaptive' as const) {
  const h = createHarness({
    transcripts,
    chat: [['Ok', '.']],
    config: { endOfTurn },
    session: { turnEnd: model },
  });
  model.clock = h.clock;
  return h;
}

describe('an audio end-of-turn model (adaptive)', () => {
  it('hears a finished turn: ends it sooner even when the words end in "and"', async () => {
    const model = new ScriptedTurnEndModel([0.9]);
    const h = harnessWithModel(model, ['I saw a dog and']);
    h.session.start();
    await h.speech(600, 1);
    const speechEnd = h.clock.now();
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(committedAt(h, speechEnd)! - speechEnd).toBeLessThan(BASE);
    expect(model.calls).toHaveLength(1);
    // It heard the utterance so far, the same audio as the transcript started in the pause.
    expect(frameTags(model.calls[0]!.audio)).toContain(1);
    expect(model.calls[0]!.audio).toBe(h.stt.calls[0]!.audio);
  });

  it('hears an unfinished turn: waits longer even after a full stop, and the speaker can go on', async () => {
    const model = new ScriptedTurnEndModel([0.1, 0.95]);
    const h = harnessWithModel(model, ['Tell me a story.', 'Tell me a story about a fox.']);
    h.session.start();
    await h.speech(600, 1);
    await h.silence(BASE + 200, 2);
    expect(h.session.state, 'the model says unfinished: the turn stays open past 600 ms').toBe('userSpeaking');
    await h.speech(500, 3);
    expect(model.calls[0]!.signal?.aborted, 'the verdict on the dropped pause is cancelled').toBe(true);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(model.calls).toHaveLength(2);
    expect(h.of('userTranscript').map((e) => e.payload.text)).toEqual(['Tell me a story about a fox.']);
  });

  it('a model that fails leaves the decision to the words', async () => {
    const model = new ScriptedTurnEndModel([new Error('onnx session lost')]);
    const h = harnessWithModel(model, ['Tell me a story.']);
    h.session.start();
    await h.speech(600, 1);
    const speechEnd = h.clock.now();
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(model.calls).toHaveLength(1);
    expect(committedAt(h, speechEnd)! - speechEnd).toBeLessThan(BASE);
    expect(h.of('error')).toEqual([]);
  });

  it('is not asked with the fixed silence or when only transcribing in the pause', async () => {
    for (const endOfTurn of ['fixed', 'transcribe-in-pause'] as const) {
      const model = new ScriptedTurnEndModel([0.01]);
      const h = createHarness({
        transcripts: ['Tell me a story.'],
        chat: [['Ok', '.']],
        config: { endOfTurn },
        session: { turnEnd: model },
      });
      model.clock = h.clock;
      h.session.start();
      await h.speech(600, 1);
      const speechEnd = h.clock.now();
      await h.silenceUntil(() => h.of('turnEnd').length === 1);
      expect(model.calls).toHaveLength(0);
      expect(committedAt(h, speechEnd)! - speechEnd).toBeGreaterThanOrEqual(BASE);
    }
  });
});

describe('endpointingDelayFor with a model verdict', () => {
  it("the model's probability wins over the words; the persona's patience still scales it", () => {
    expect(endpointingDelayFor(600, 'usual', { textSoFar: 'and then', completionProbability: 0.8 })).toBe(300);
    expect(endpointingDelayFor(600, 'usual', { textSoFar: 'Yes.', completionProbability: 0.2 })).toBe(1200);
    expect(endpointingDelayFor(600, 'long', { completionProbability: 0.5 })).toBe(480);
    expect(endpointingDelayFor(600, 'usual', { textSoFar: 'Yes.', completionProbability: null })).toBe(300);
    expect(endpointingDelayFor(600, 'usual', { completionProbability: Number.NaN })).toBe(600);
  });
});

describe('preemptive generation', () => {
  const PREEMPT = { endOfTurn: 'adaptive', preemptiveGeneration: true } as const;

  it('the model starts on the words heard in the pause, and the turn speaks what it wrote', async () => {
    const h = createHarness({
      transcripts: ['Tell me a story.'],
      chat: [['Once', ' upon', ' a', ' time', '.']],
      config: PREEMPT,
    });
    const callsAtCommit: number[] = [];
    h.session.on('state', ({ state }) => {
      if (state === 'transcribing') callsAtCommit.push(h.llm.calls.length);
    });
    h.session.start();
    await h.speech(600, 1);
    const speechEnd = h.clock.now();
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    const committed = committedAt(h, speechEnd)!;
    // One model call, made before the turn ended, and it is the reply.
    expect(callsAtCommit).toEqual([1]);
    expect(h.llm.calls).toHaveLength(1);
    expect(h.llm.calls[0]!.signal?.aborted).toBe(false);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Once upon a time.']);
    // Its first word came sooner after the turn ended than the model's first-token time (80 ms).
    const firstText = h.of('agentText')[0]!;
    expect(firstText.payload.text).toBe('Once');
    expect(firstText.at - committed).toBeLessThan(80);
    expect(h.session.history.at(-1)).toMatchObject({ role: 'assistant', content: 'Once upon a time.' });
    expect(h.of('metrics')[0]!.payload.answeredInPause).toBe(true);
  });

  it('can be switched on and off during a conversation, for the pauses that follow', async () => {
    const h = createHarness({
      transcripts: ['Tell me a story.', 'Tell me another one.', 'And one more.'],
      chat: [
        ['Once', '.'],
        ['Again', '.'],
        ['More', '.'],
      ],
      config: { endOfTurn: 'adaptive', preemptiveGeneration: false },
    });
    const callsAtCommit = modelCallsAtTurnEnd(h);
    h.session.start();
    const turn = async (n: number) => {
      await h.speech(600, n);
      await h.silenceUntil(() => h.of('turnEnd').length === n);
    };
    await turn(1);
    h.session.setPreemptiveGeneration(true);
    await turn(2);
    h.session.setPreemptiveGeneration(false);
    await turn(3);
    // Off: the model starts at the turn's end; on: already in the pause.
    expect(callsAtCommit).toEqual([0, 2, 2]);
    expect(h.of('metrics').map((m) => m.payload.answeredInPause)).toEqual([false, true, false]);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Once.', 'Again.', 'More.']);
  });

  it('is cancelled when the speaker goes on, and the turn asks the model again with all the words', async () => {
    const h = createHarness({
      transcripts: ['I saw a dog.', 'I saw a dog and a cat.'],
      chat: [
        ['Never', ' heard', '.'],
        ['Lovely', '.'],
      ],
      config: { ...PREEMPT, endpointingDelayMs: 1000 },
    });
    h.session.start();
    await h.speech(600, 1);
    // The pause (200 ms) is transcribed (100 ms) and the model starts; the speaker goes on.
    await h.silence(500, 2);
    expect(h.llm.calls).toHaveLength(1);
    await h.speech(500, 3);
    expect(h.llm.calls[0]!.signal?.aborted, 'the preemptive reply is cancelled').toBe(true);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.of('userTranscript').map((e) => e.payload.text)).toEqual(['I saw a dog and a cat.']);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Lovely.']);
    expect(h.of('agentText').map((e) => e.payload.text)).not.toContain('Never');
    expect(h.llm.calls[1]!.messages.at(-1)).toMatchObject({ role: 'user', content: 'I saw a dog and a cat.' });
  });

  it('a tool the model asks for in the pause runs only once the turn has ended', async () => {
    const h = createHarness({
      transcripts: ['Could you look at the clock for me?'],
      chat: [[{ toolCall: { id: 'c1', name: 'get_time', arguments: {} } }], ['It is three', '.']],
      tools: new ToolRegistry([getTimeTool]),
      config: PREEMPT,
    });
    const callsAtCommit: number[] = [];
    h.session.on('state', ({ state }) => {
      if (state === 'transcribing') callsAtCommit.push(h.llm.calls.length);
    });
    h.session.start();
    await h.speech(600, 1);
    const speechEnd = h.clock.now();
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    const committed = committedAt(h, speechEnd)!;
    expect(callsAtCommit, 'the model was asked in the pause').toEqual([1]);
    const tool = h.of('toolCall')[0]!;
    expect(tool.payload.name).toBe('get_time');
    expect(tool.at).toBeGreaterThanOrEqual(committed);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['It is three.']);
  });

  it('words the guard stops never reach the model, not even early', async () => {
    const guard: TurnGuard = {
      checkInput: (text) =>
        text.includes('secret')
          ? { allowed: false, reason: 'secrecy', redirect: 'Let’s ask a grown-up.' }
          : { allowed: true },
      checkOutput: () => ({ allowed: true }),
    };
    const h = createHarness({ transcripts: ['Keep a secret.'], config: PREEMPT, session: { guard } });
    h.session.start();
    await h.speech(600, 1);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.llm.calls).toHaveLength(0);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Let’s ask a grown-up.']);
  });
});
