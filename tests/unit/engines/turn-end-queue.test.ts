// The end-of-turn engines' request queue (src/core/one-at-a-time.ts, browser and server): one ONNX
// run at a time, in order; a request given up while it waits never runs; one given up while running
// stops being waited for at once.
import { describe, expect, it } from 'vitest';
import { OneAtATime } from '../../../src/core/one-at-a-time.ts';

/** Work that finishes when the test says so, recording when it started. */
function gate(log: string[], name: string, value: number) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open,
    work: async () => {
      log.push(`start ${name}`);
      await opened;
      log.push(`end ${name}`);
      return value;
    },
  };
}

describe('OneAtATime (end-of-turn requests)', () => {
  it('runs requests strictly one after another, in the order asked', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];
    const a = gate(log, 'a', 1);
    const b = gate(log, 'b', 2);
    const first = queue.run(a.work);
    const second = queue.run(b.work);
    await Promise.resolve();
    expect(queue.pending).toBe(2);
    b.open(); // b may finish early, but must not start before a is done
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['start a']);
    a.open();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(queue.pending).toBe(0);
  });

  it('drops a request whose caller gave up before its turn: it never runs, and rejects with AbortError', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];
    const a = gate(log, 'a', 1);
    const b = gate(log, 'b', 2);
    const c = gate(log, 'c', 3);
    const gaveUp = new AbortController();
    const first = queue.run(a.work);
    const dropped = queue.run(b.work, gaveUp.signal);
    const third = queue.run(c.work);
    gaveUp.abort();
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    a.open();
    c.open();
    expect(await first).toBe(1);
    expect(await third).toBe(3);
    expect(log).toEqual(['start a', 'end a', 'start c', 'end c']);
  });

  it('an already aborted signal is refused at once; one aborted mid-run stops the wait but the queue goes on after it', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];
    const aborted = new AbortController();
    aborted.abort();
    await expect(queue.run(async () => 0, aborted.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(queue.pending).toBe(0);

    const a = gate(log, 'a', 1);
    const b = gate(log, 'b', 2);
    const midRun = new AbortController();
    const first = queue.run(a.work, midRun.signal);
    const second = queue.run(b.work);
    await new Promise((r) => setTimeout(r, 0));
    midRun.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    // The run in progress cannot be interrupted: the next waits for it to finish.
    expect(log).toEqual(['start a']);
    a.open();
    b.open();
    expect(await second).toBe(2);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('a failing request rejects alone; the next still runs', async () => {
    const queue = new OneAtATime();
    const failed = queue.run(async () => {
      throw new Error('model broke');
    });
    const next = queue.run(async () => 0.7);
    await expect(failed).rejects.toThrow('model broke');
    expect(await next).toBe(0.7);
  });
});
