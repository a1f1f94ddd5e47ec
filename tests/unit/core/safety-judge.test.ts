// The second opinion on borderline sentences, through the ChatModel interface: a model that
// follows instructions may clear a borderline hit, never a sure one; no answer in time, an unclear
// answer or an error count as unsafe; and in a VoiceSession the first safe sentence is spoken
// while the model is still thinking about a later one.
import { describe, expect, it } from 'vitest';
import type { ChatChunk, ChatModel, ChatRequest } from '../../../src/core/engines.ts';
import { findUnsafe } from '../../../src/core/safety/child-safe-filter.ts';
import { LlmSafetyJudge, parseVerdict } from '../../../src/core/safety/safety-judge.ts';
import { childGuardWith } from './child-guard.ts';
import { createHarness } from './harness.ts';

/**
 * Test double for an instruction-following model used as a judge: each `stream` call waits until
 * the test answers it (`answer`), then streams that text. It records what it was asked.
 */
class HeldJudgeChatModelDouble implements ChatModel {
  readonly requests: ChatRequest[] = [];
  private readonly answers: ((text: string | null) => void)[] = [];

  stream(req: ChatRequest): AsyncIterable<ChatChunk> {
    this.requests.push(req);
    const answered = new Promise<string | null>((resolve) => this.answers.push(resolve));
    return (async function* () {
      const text = await answered;
      if (text === null) throw new Error('the judge model failed');
      yield { type: 'text', text } as const;
      yield { type: 'done' } as const;
    })();
  }

  /** Answers the oldest unanswered request; null makes it fail. */
  answer(text: string | null): void {
    const next = this.answers.shift();
    if (!next) throw new Error('HeldJudgeChatModelDouble: nothing to answer');
    next(text);
  }

  get waiting(): number {
    return this.answers.length;
  }
}

// A borderline sentence (a killing word with no story or game around it) and a sure one.
const BORDERLINE = 'Some farmers shoot clay targets for fun.';
const SURE = 'Put a plastic bag over your head.';

/** Lets the double's pending request show up (it is made a few promise turns after checkOutput). */
async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setImmediate(resolve));
}

describe('the second-opinion judge', () => {
  it('the filter marks the example sentences as it should', () => {
    expect(findUnsafe(BORDERLINE, 'output')).toMatchObject({ category: 'violence', borderline: true });
    expect(findUnsafe(SURE, 'output')).toEqual({ category: 'dangerous', match: expect.any(String) });
  });

  it('reads SAFE and UNSAFE, and treats anything unclear as unsafe', () => {
    expect(parseVerdict('SAFE')).toBe('safe');
    expect(parseVerdict(' safe.')).toBe('safe');
    expect(parseVerdict('UNSAFE')).toBe('unsafe');
    expect(parseVerdict('Unsafe: violence')).toBe('unsafe');
    expect(parseVerdict('I think so')).toBe('unsafe');
    expect(parseVerdict('')).toBe('unsafe');
  });

  it('clears a borderline sentence the model calls safe, and blocks it when the model says unsafe', async () => {
    const model = new HeldJudgeChatModelDouble();
    const guard = childGuardWith(new LlmSafetyJudge(model, { timeoutMs: 60_000 }));

    const cleared = guard.checkOutput(BORDERLINE);
    expect(cleared).toBeInstanceOf(Promise);
    await until(() => model.waiting === 1);
    model.answer('SAFE');
    expect(await cleared).toEqual({ allowed: true });
    // The model was asked plainly, with the sentence and what the filter suspected.
    const asked = model.requests[0]!;
    expect(asked.temperature).toBe(0);
    expect(asked.messages[0]).toMatchObject({ role: 'system', content: expect.stringMatching(/SAFE or UNSAFE/) });
    expect(asked.messages[1]!.content).toContain(JSON.stringify(BORDERLINE));
    expect(asked.messages[1]!.content).toContain('violence');

    const stopped = guard.checkOutput(BORDERLINE);
    await until(() => model.waiting === 1);
    model.answer('UNSAFE');
    expect(await stopped).toMatchObject({ allowed: false, reason: 'violence' });
  });

  it('never asks about a sure hit or a safe sentence, and answers both at once', () => {
    const model = new HeldJudgeChatModelDouble();
    const guard = childGuardWith(new LlmSafetyJudge(model));
    expect(guard.checkOutput(SURE)).toMatchObject({ allowed: false, reason: 'dangerous' });
    expect(guard.checkOutput('The little fox curled up in its den.')).toEqual({ allowed: true });
    expect(model.requests).toEqual([]);
  });

  it('blocks when the model fails or does not answer in time', async () => {
    const failing = new HeldJudgeChatModelDouble();
    const failed = childGuardWith(new LlmSafetyJudge(failing, { timeoutMs: 60_000 })).checkOutput(BORDERLINE);
    await until(() => failing.waiting === 1);
    failing.answer(null);
    expect(await failed).toMatchObject({ allowed: false, reason: 'violence' });

    // Never answered: the judge's own time limit gives up, and the sentence stays blocked.
    const silent = new HeldJudgeChatModelDouble();
    expect(await childGuardWith(new LlmSafetyJudge(silent, { timeoutMs: 1 })).checkOutput(BORDERLINE)).toMatchObject({
      allowed: false,
      reason: 'violence',
    });
  });

  it('asks about a sentence the learned check flagged without naming a kind of harm', async () => {
    const model = new HeldJudgeChatModelDouble();
    const verdict = new LlmSafetyJudge(model, { timeoutMs: 60_000 }).judge(BORDERLINE, 'output', 'flagged');
    await until(() => model.waiting === 1);
    const question = model.requests[0]!.messages[1]!.content;
    expect(question).toMatch(/^Said by the companion; a checker trained on unsafe sentences/);
    expect(question).not.toContain('flagged');
    model.answer('SAFE');
    expect(await verdict).toBe('safe');
  });

  it('clears a borderline thing a child says too (input)', async () => {
    const model = new HeldJudgeChatModelDouble();
    const guard = childGuardWith(new LlmSafetyJudge(model, { timeoutMs: 60_000 }));
    const verdict = guard.checkInput('I am so cross I could kill my brother!');
    await until(() => model.waiting === 1);
    expect(model.requests[0]!.messages[1]!.content).toMatch(/^Said by the child/);
    model.answer('SAFE');
    expect(await verdict).toEqual({ allowed: true });
  });
});

describe('the judge in a VoiceSession', () => {
  function session(model: HeldJudgeChatModelDouble) {
    return createHarness({
      chat: [['Farms are busy places', '.', ' Some farmers', ' shoot clay', ' targets for fun', '.', ' The end', '.']],
      session: { guard: childGuardWith(new LlmSafetyJudge(model, { timeoutMs: 60_000 })) },
    });
  }

  it('speaks the first safe sentence while the model still judges a later one, then the rest once it is cleared', async () => {
    const model = new HeldJudgeChatModelDouble();
    const h = session(model);
    h.session.start();
    void h.session.sendText('tell me about farms');
    // The judge has been asked about the second sentence and has not answered...
    await h.silenceUntil(() => model.waiting === 1);
    // ...and the first sentence is already synthesized and playing.
    await h.silenceUntil(() => h.of('audio').length > 0);
    expect(model.waiting).toBe(1);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Farms are busy places.']);
    for (const { payload } of h.of('agentText')) expect(payload.text).not.toMatch(/shoot/);

    model.answer('SAFE');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.tts.calls.map((c) => c.text)).toEqual([
      'Farms are busy places.',
      'Some farmers shoot clay targets for fun.',
      'The end.',
    ]);
  });

  it('says the redirect instead when the model calls the sentence unsafe', async () => {
    const model = new HeldJudgeChatModelDouble();
    const h = session(model);
    const guarded: string[] = [];
    h.session.on('guarded', ({ reason }) => guarded.push(reason));
    h.session.start();
    void h.session.sendText('tell me about farms');
    await h.silenceUntil(() => model.waiting === 1);
    model.answer('UNSAFE');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    const spoken = h.tts.calls.map((c) => c.text);
    expect(spoken[0]).toBe('Farms are busy places.');
    expect(spoken.join(' ')).not.toMatch(/shoot|The end/);
    expect(spoken[1]).toMatch(/let’s talk about something else/i);
    expect(guarded).toEqual(['violence']);
  });
});
