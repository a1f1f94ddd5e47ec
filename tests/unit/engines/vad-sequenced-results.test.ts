import { describe, expect, it } from 'vitest';
import { SequencedResults } from '../../../src/engines/vad/sequenced-results.ts';

const ok = (value: number) => ({ ok: true as const, value });

describe('SequencedResults (VAD answers matched to microphone frames by sequence number)', () => {
  it('hands back each frame its own answer, whether the answer came before or after the question', async () => {
    const results = new SequencedResults<number>();
    results.deliver(0, ok(0.1));
    expect(await results.take(0)).toBe(0.1);
    const waiting = results.take(1);
    results.deliver(1, ok(0.9));
    expect(await waiting).toBe(0.9);
    expect(results.size).toBe(0);
  });

  it('answers arriving out of order still reach their own frames', async () => {
    const results = new SequencedResults<number>();
    const first = results.take(0);
    results.deliver(2, ok(0.2));
    results.deliver(1, ok(0.1));
    results.deliver(0, ok(0));
    expect(await first).toBe(0);
    expect(await results.take(1)).toBe(0.1);
    expect(await results.take(2)).toBe(0.2);
  });

  it('frames the reader skipped are dropped when it reads a later one, and cannot be read afterwards', async () => {
    const results = new SequencedResults<number>();
    for (const seq of [0, 1, 2, 3]) results.deliver(seq, ok(seq / 10));
    expect(await results.take(3)).toBe(0.3);
    expect(results.size).toBe(0);
    await expect(results.take(1)).rejects.toThrow(/moved past frame 1/);
    await expect(results.take(3)).rejects.toThrow(/moved past frame 3/);
    // A skipped frame's answer arriving late is not kept.
    results.deliver(2, ok(0.2));
    expect(results.size).toBe(0);
  });

  it('numbers may skip (frames never sent, e.g. while muted): the next number sent is read normally', async () => {
    const results = new SequencedResults<number>();
    expect(await Promise.all([results.take(5), Promise.resolve(results.deliver(5, ok(0.5)))])).toEqual([
      0.5,
      undefined,
    ]);
    results.deliver(9, ok(0.9));
    expect(await results.take(9)).toBe(0.9);
  });

  it('a frame the model failed on rejects with its error; the frames after it still answer', async () => {
    const results = new SequencedResults<number>();
    results.deliver(0, { ok: false, error: new Error('model failed on frame 0') });
    results.deliver(1, ok(0.4));
    await expect(results.take(0)).rejects.toThrow('model failed on frame 0');
    expect(await results.take(1)).toBe(0.4);
  });

  it('after a reset (discardBefore) the old run is forgotten, but a reader already waiting still gets its answer', async () => {
    const results = new SequencedResults<number>();
    const waiting = results.take(0);
    results.deliver(1, ok(0.1));
    results.discardBefore(3); // frames 0..2 belong to the run that is over
    expect(results.size).toBe(0);
    results.deliver(2, ok(0.2)); // late answer of a skipped frame: ignored
    expect(results.size).toBe(0);
    await expect(results.take(2)).rejects.toThrow(/moved past frame 2/);
    results.deliver(0, ok(0.05));
    expect(await waiting).toBe(0.05);
    results.deliver(3, ok(0.3));
    expect(await results.take(3)).toBe(0.3);
  });

  it('close(): waiting and later readers hear why, answers already here can still be read', async () => {
    const results = new SequencedResults<number>();
    results.deliver(0, ok(0.7));
    const waiting = results.take(1);
    results.close(new Error('stream closed'));
    await expect(waiting).rejects.toThrow('stream closed');
    results.deliver(2, ok(0.2));
    await expect(results.take(2)).rejects.toThrow('stream closed');
    const stillHere = new SequencedResults<number>();
    stillHere.deliver(4, ok(0.4));
    stillHere.close(new Error('stream closed'));
    expect(await stillHere.take(4)).toBe(0.4);
  });

  it('keeps at most `limit` unread answers, dropping the oldest (a reader that never asks cannot grow memory)', async () => {
    const results = new SequencedResults<number>(3);
    for (let seq = 0; seq < 10; seq++) results.deliver(seq, ok(seq));
    expect(results.size).toBe(3);
    expect(await results.take(7)).toBe(7);
    expect(await results.take(9)).toBe(9);
  });

  it('asking twice for the same frame is refused', async () => {
    const results = new SequencedResults<number>();
    const first = results.take(0);
    await expect(results.take(0)).rejects.toThrow(/moved past frame 0/);
    results.deliver(0, ok(1));
    expect(await first).toBe(1);
  });
});
