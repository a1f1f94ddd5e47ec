import { afterEach, describe, expect, it } from 'vitest';
import { portVadStream, type VadStream } from '../../../src/engines/vad/vad-stream.ts';
import { vadWorkerDouble, type WorkerDouble } from './vad-stream-double.ts';

const FRAME = 512;
const frame = (probability: number): Float32Array => {
  const samples = new Float32Array(FRAME);
  samples[0] = probability;
  return samples;
};

describe('portVadStream (the main thread end of the VAD worker stream, over a real MessageChannel)', () => {
  let channel: MessageChannel;
  let worker: WorkerDouble;
  let stream: VadStream;
  const open = (): void => {
    channel = new MessageChannel();
    worker = vadWorkerDouble(channel.port2);
    stream = portVadStream(channel.port1, FRAME);
  };
  afterEach(() => {
    channel.port1.close();
    channel.port2.close();
  });

  it('each frame crosses once with its number; results are read by number', async () => {
    open();
    const probabilities = [0.1, 0.9, 0.8, 0.05];
    probabilities.forEach((p, seq) => stream.push(seq, frame(p)));
    const read: number[] = [];
    for (let seq = 0; seq < probabilities.length; seq++) read.push(await stream.result(seq));
    expect(read).toEqual(probabilities.map(Math.fround));
    expect(worker.seen).toEqual([0, 1, 2, 3]);
  });

  it('the caller keeps its frame: a copy crosses to the worker', () => {
    open();
    const samples = frame(0.5);
    stream.push(0, samples);
    expect(samples.length).toBe(FRAME);
    expect(samples[0]).toBe(Math.fround(0.5));
  });

  it('answers that come back out of order still reach their frames', async () => {
    open();
    worker.hold();
    [0.2, 0.4, 0.6].forEach((p, seq) => stream.push(seq + 10, frame(p)));
    const reads = Promise.all([stream.result(10), stream.result(11), stream.result(12)]);
    // The worker has all three before it answers.
    await new Promise<void>((resolve) => {
      const check = (): void => (worker.seen.length === 3 ? resolve() : void setImmediate(check));
      check();
    });
    worker.release({ reversed: true });
    expect(await reads).toEqual([0.2, 0.4, 0.6].map(Math.fround));
  });

  it('refuses frames of the wrong size and numbers that do not grow, sending nothing', async () => {
    open();
    expect(() => stream.push(0, new Float32Array(480))).toThrow(/512-sample frames, got 480/);
    stream.push(3, frame(0.3));
    expect(() => stream.push(3, frame(0.3))).toThrow(/Frame 3 came after frame 3/);
    expect(() => stream.push(2, frame(0.3))).toThrow(/sequence numbers must grow/);
    expect(await stream.result(3)).toBe(Math.fround(0.3));
    expect(worker.seen).toEqual([3]);
  });

  it('a frame the model failed on rejects with the worker’s message; the next frame answers', async () => {
    open();
    worker.failNext = 1;
    stream.push(0, frame(0.9));
    stream.push(1, frame(0.7));
    await expect(stream.result(0)).rejects.toThrow('model failed on frame 0');
    expect(await stream.result(1)).toBe(Math.fround(0.7));
  });

  it('reset(): frames sent before it are never read, the model starts over before the next frame', async () => {
    open();
    [0.1, 0.9, 0.9].forEach((p, seq) => stream.push(seq, frame(p)));
    expect(await stream.result(0)).toBe(Math.fround(0.1));
    stream.reset();
    stream.push(3, frame(0.4));
    await expect(stream.result(1)).rejects.toThrow(/moved past frame 1/);
    expect(await stream.result(3)).toBe(Math.fround(0.4));
    expect(worker.seen).toEqual([0, 1, 2, 'reset', 3]);
  });

  it('close() waits until every frame sent has its answer; afterwards pushing and unanswered reads fail', async () => {
    open();
    worker.hold();
    stream.push(0, frame(0.6));
    stream.push(1, frame(0.3));
    await stream.close();
    expect(await stream.result(0)).toBe(Math.fround(0.6));
    expect(await stream.result(1)).toBe(Math.fround(0.3));
    await expect(stream.result(2)).rejects.toThrow(/stream is closed/);
    expect(() => stream.push(2, frame(0.1))).toThrow(/stream is closed/);
  });
});
