import { describe, expect, it } from 'vitest';
import {
  followTurns,
  LatestRun,
  TypedEmitter,
  type FollowedTurn,
  type VoiceSessionEvents,
} from '../../../src/core/index.ts';

/** A session's event stream (the same emitter VoiceSession uses), and the turns followed on it. */
function followed(onUserText?: (text: string, turnId: string) => void) {
  const session = new TypedEmitter<VoiceSessionEvents>();
  const turns: FollowedTurn[] = [];
  let clock = 1000;
  const stop = followTurns(session, {
    onTurnEnd: (turn) => turns.push(turn),
    now: () => clock,
    ...(onUserText ? { onUserText } : {}),
  });
  const tick = (ms: number) => (clock += ms);
  return { session, turns, stop, tick };
}

describe('followTurns', () => {
  it('builds a finished turn from the user text and the last agent text, timed from the transcript', () => {
    const { session, turns, tick } = followed();
    session.emit('userTranscript', { turnId: 't1', text: 'Tell me a joke', final: true });
    tick(200);
    session.emit('agentText', { turnId: 't1', delta: 'Why ', text: 'Why ' });
    session.emit('agentText', { turnId: 't1', delta: 'not?', text: 'Why not?' });
    tick(300);
    session.emit('turnEnd', { turnId: 't1', interrupted: false });
    expect(turns).toEqual([
      {
        userText: 'Tell me a joke',
        replyText: 'Why not?',
        interrupted: false,
        guarded: null,
        guardReason: null,
        startedAt: 1000,
        durationMs: 500,
      },
    ]);
  });

  it('records the guard stage and reason, and keeps the redirect said instead as the reply', () => {
    const { session, turns } = followed();
    session.emit('userTranscript', { turnId: 't1', text: 'something scary', final: true });
    session.emit('guarded', { turnId: 't1', stage: 'input', reason: 'child-safe' });
    session.emit('agentText', { turnId: 't1', delta: 'Let us talk about cats.', text: 'Let us talk about cats.' });
    session.emit('turnEnd', { turnId: 't1', interrupted: false });
    expect(turns[0]).toMatchObject({
      userText: 'something scary',
      replyText: 'Let us talk about cats.',
      guarded: 'input',
      guardReason: 'child-safe',
    });
  });

  it('reports an interrupted turn with the reply as far as it got', () => {
    const { session, turns } = followed();
    session.emit('userTranscript', { turnId: 't1', text: 'Long story please', final: true });
    session.emit('agentText', { turnId: 't1', delta: 'Once upon', text: 'Once upon' });
    session.emit('turnEnd', { turnId: 't1', interrupted: true });
    expect(turns).toEqual([expect.objectContaining({ replyText: 'Once upon', interrupted: true })]);
  });

  it('ignores a turn that never had a user transcript, and events of other turns', () => {
    const { session, turns } = followed();
    session.emit('agentText', { turnId: 'greeting', delta: 'Hi!', text: 'Hi!' });
    session.emit('guarded', { turnId: 'greeting', stage: 'output', reason: 'x' });
    session.emit('turnEnd', { turnId: 'greeting', interrupted: false });
    session.emit('userTranscript', { turnId: 't2', text: 'Hello', final: true });
    session.emit('agentText', { turnId: 'other', delta: 'stray', text: 'stray' });
    session.emit('turnEnd', { turnId: 't2', interrupted: false });
    session.emit('turnEnd', { turnId: 't2', interrupted: false });
    expect(turns).toEqual([expect.objectContaining({ userText: 'Hello', replyText: '', guarded: null })]);
  });

  it('calls onUserText before the turn starts, so its work counts towards the turn', () => {
    let tick = (_ms: number) => 0;
    const seen: string[] = [];
    const f = followed((text, turnId) => {
      seen.push(`${turnId}:${text}`);
      tick(50);
    });
    tick = f.tick;
    f.session.emit('userTranscript', { turnId: 't1', text: 'Hi', final: true });
    f.tick(100);
    f.session.emit('turnEnd', { turnId: 't1', interrupted: false });
    expect(seen).toEqual(['t1:Hi']);
    expect(f.turns[0]?.durationMs).toBe(100);
  });

  it('stops following once unsubscribed', () => {
    const { session, turns, stop } = followed();
    session.emit('userTranscript', { turnId: 't1', text: 'One', final: true });
    stop();
    session.emit('turnEnd', { turnId: 't1', interrupted: false });
    session.emit('userTranscript', { turnId: 't2', text: 'Two', final: true });
    session.emit('turnEnd', { turnId: 't2', interrupted: false });
    expect(turns).toEqual([]);
  });
});

describe('LatestRun', () => {
  it('aborts the previous run when the next starts, and the running one on stop()', () => {
    const runs = new LatestRun();
    const signals: AbortSignal[] = [];
    const pendingTask = (signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<void>(() => {});
    };
    void runs.start(pendingTask);
    void runs.start(pendingTask);
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    runs.stop();
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
  });

  it('forgets a run once it settles, so a later stop() aborts nothing', async () => {
    const runs = new LatestRun();
    let signal: AbortSignal | undefined;
    await runs
      .start((s) => {
        signal = s;
        return Promise.reject(new Error('extraction failed'));
      })
      .catch(() => {});
    runs.stop();
    expect(signal?.aborted).toBe(false);
  });
});
