import { describe, expect, it } from 'vitest';
import { canPrefetch, ReadAhead } from '../../../src/engines/vad/read-ahead.ts';

const frame = (seed: number) => Float32Array.from({ length: 512 }, (_, i) => Math.sin(seed * 1000 + i));

describe('ReadAhead (VAD results computed before the core asks)', () => {
  it('hands back the prefetched result for an equal frame (the core works on copies)', () => {
    const ahead = new ReadAhead<string>();
    ahead.add(frame(1), 'p1');
    ahead.add(frame(2), 'p2');
    expect(ahead.take(frame(1).slice())).toBe('p1');
    expect(ahead.take(frame(2))).toBe('p2');
    expect(ahead.size).toBe(0);
  });

  it('drops results of frames the core skipped, and misses frames never prefetched', () => {
    const ahead = new ReadAhead<string>();
    for (const seed of [1, 2, 3]) ahead.add(frame(seed), `p${seed}`);
    expect(ahead.take(frame(3))).toBe('p3');
    expect(ahead.size).toBe(0);
    ahead.add(frame(4), 'p4');
    expect(ahead.take(frame(9))).toBeUndefined();
    expect(ahead.size).toBe(1);
  });

  it('keeps identical frames (digital silence) in order', () => {
    const ahead = new ReadAhead<string>();
    ahead.add(new Float32Array(512), 'first');
    ahead.add(new Float32Array(512), 'second');
    expect(ahead.take(new Float32Array(512))).toBe('first');
    expect(ahead.take(new Float32Array(512))).toBe('second');
  });

  it('is bounded when nobody asks (session idle)', () => {
    const ahead = new ReadAhead<number>(4);
    for (let i = 0; i < 10; i++) ahead.add(frame(i), i);
    expect(ahead.size).toBe(4);
    expect(ahead.take(frame(0))).toBeUndefined();
    expect(ahead.take(frame(6))).toBe(6);
  });

  it('canPrefetch tells a prefetching VAD from a plain one', () => {
    const plain = { frameSamples: 512, process: async () => 0, reset: () => undefined };
    const prefetching = { ...plain, prefetch: () => undefined };
    expect(canPrefetch(plain)).toBe(false);
    expect(canPrefetch(prefetching)).toBe(true);
  });
});
