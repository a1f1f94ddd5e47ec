// The agent's streamed reply reaches the room per sentence or at most every 150 ms, never per token.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentTextBatcher } from '../../../server/agent/agent-text-batcher.ts';

describe('AgentTextBatcher', () => {
  let now = 0;
  let sent: [string, string][];
  let batcher: AgentTextBatcher;

  beforeEach(() => {
    vi.useFakeTimers();
    now = 1000;
    sent = [];
    batcher = new AgentTextBatcher(
      (turnId, text) => sent.push([turnId, text]),
      150,
      () => now,
    );
  });
  afterEach(() => vi.useRealTimers());

  const stream = (turnId: string, deltas: string[], stepMs: number) => {
    let text = '';
    for (const d of deltas) {
      text += d;
      batcher.update(turnId, text);
      now += stepMs;
      vi.advanceTimersByTime(stepMs);
    }
  };

  it('sends the first words at once, then each finished sentence, not each token', () => {
    stream('t1', ['Once', ' upon', ' a', ' time.', ' The', ' end', '!'], 5);
    expect(sent).toEqual([
      ['t1', 'Once'],
      ['t1', 'Once upon a time.'],
      ['t1', 'Once upon a time. The end!'],
    ]);
  });

  it('sends a long sentence at most every 150 ms while it streams, and the rest on flush', () => {
    stream(
      't1',
      Array.from({ length: 40 }, (_, i) => ` w${i}`),
      10,
    );
    // 400 ms of tokens: about one message per 150 ms, far fewer than 40.
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.length).toBeLessThanOrEqual(4);
    batcher.flush();
    expect(sent.at(-1)?.[1]).toBe(Array.from({ length: 40 }, (_, i) => ` w${i}`).join(''));
  });

  it('flushes the previous turn when a new one starts, and cancel drops what is pending', () => {
    batcher.update('t1', 'Hello');
    now += 10;
    batcher.update('t2', 'Bye');
    expect(sent).toEqual([['t1', 'Hello']]);
    batcher.cancel();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([['t1', 'Hello']]);
  });
});
