import { describe, expect, it } from 'vitest';
import { LatestPerFrame } from '../../../src/app/voice/latest-per-frame.ts';

/** A frame clock driven by the test: `frame()` runs what was scheduled for the next frame. */
function frames() {
  let callbacks: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => callbacks.push(callback),
    frame() {
      const due = callbacks;
      callbacks = [];
      for (const callback of due) callback();
    },
    get waiting() {
      return callbacks.length;
    },
  };
}

describe('LatestPerFrame', () => {
  it('applies only the latest of many pushes, once per frame', () => {
    const clock = frames();
    const applied: string[] = [];
    const captions = new LatestPerFrame<string>((text) => applied.push(text), clock.schedule);
    for (const text of ['Once', 'Once upon', 'Once upon a', 'Once upon a time']) captions.push(text);
    expect(applied).toEqual([]);
    expect(clock.waiting).toBe(1);
    clock.frame();
    expect(applied).toEqual(['Once upon a time']);
    clock.frame();
    expect(applied).toEqual(['Once upon a time']);
    captions.push('Once upon a time,');
    clock.frame();
    expect(applied).toEqual(['Once upon a time', 'Once upon a time,']);
  });

  it('flush applies the waiting value at once, and the frame then has nothing left to apply', () => {
    const clock = frames();
    const applied: string[] = [];
    const captions = new LatestPerFrame<string>((text) => applied.push(text), clock.schedule);
    captions.push('Hello');
    captions.flush();
    expect(applied).toEqual(['Hello']);
    clock.frame();
    expect(applied).toEqual(['Hello']);
  });
});
