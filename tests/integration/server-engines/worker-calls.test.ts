// WorkerCalls (server/engines/worker-calls.ts) with a real worker thread answering through the real
// worker-answer.mjs: each call settles with its own answer whatever the order, errors and aborts
// reach the caller, and a worker that exits fails what it held and everything after.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { WorkerCalls } from '../../../server/engines/worker-calls.ts';

const started: Worker[] = [];

function startCalls(onLost?: (error: Error) => void): WorkerCalls {
  const worker = new Worker(new URL('../../fixtures/workers/calls-worker.mjs', import.meta.url));
  started.push(worker);
  return new WorkerCalls(worker, (code) => new Error(`the test worker exited (code ${code})`), onLost);
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((worker) => worker.terminate()));
});

describe('WorkerCalls over a real worker thread', () => {
  it('settles each call with its own answer, a later call first', async () => {
    const calls = startCalls();
    const slow = calls.call<string>({ type: 'wait' });
    expect(await calls.call<number>({ type: 'echo', value: 2 })).toBe(2);
    calls.worker.postMessage({ type: 'release', value: 'released' });
    expect(await slow).toBe('released');
  });

  it("rejects with the worker's error message, and the worker goes on answering", async () => {
    const calls = startCalls();
    await expect(calls.call({ type: 'fail', message: 'no such voice' })).rejects.toThrow('no such voice');
    expect(await calls.call<string>({ type: 'echo', value: 'still here' })).toBe('still here');
  });

  it('tells the worker which call was aborted', async () => {
    const calls = startCalls();
    const controller = new AbortController();
    const waiting = calls.call({ type: 'wait' }, { signal: controller.signal });
    const other = calls.call({ type: 'wait' });
    controller.abort();
    await expect(waiting).rejects.toThrow('stopped midway');
    calls.worker.postMessage({ type: 'release', value: 'the other one' });
    expect(await other).toBe('the other one');
  });

  it('moves a transferred buffer from the worker', async () => {
    const calls = startCalls();
    const bytes = await calls.call<Uint8Array>({ type: 'bytes', length: 4096 });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBe(4096);
    expect(bytes.every((b) => b === 7)).toBe(true);
  });

  it('fails the calls a worker held when it exits, and every later call, and says so once', async () => {
    const lost: Error[] = [];
    const calls = startCalls((error) => lost.push(error));
    const held = calls.call({ type: 'wait' });
    const exiting = calls.call({ type: 'exit', code: 3 });
    await expect(held).rejects.toThrow('the test worker exited (code 3)');
    await expect(exiting).rejects.toThrow('the test worker exited (code 3)');
    await expect(calls.call({ type: 'echo', value: 1 })).rejects.toThrow('the test worker exited (code 3)');
    expect(calls.lost?.message).toBe('the test worker exited (code 3)');
    expect(lost.map((error) => error.message)).toEqual(['the test worker exited (code 3)']);
  });

  it('lets the process end once no call is in flight (an idle worker never keeps it alive)', async () => {
    const script = new URL('../../fixtures/workers/one-call.ts', import.meta.url);
    const child = spawn(process.execPath, ['--import', 'tsx', script.pathname], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    onTestFinished(() => {
      child.kill();
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // Ends by itself: a worker still ref'd after the answer would keep it running until the test's timeout.
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(out.trim()).toBe('answered');
    expect(code).toBe(0);
  });
});
