import { describe, expect, it } from 'vitest';
import { PlaybackTimeline } from '../../../src/audio/playback-timeline.ts';

describe('PlaybackTimeline (gap-free scheduling on the AudioContext clock)', () => {
  it('starts the first chunk a small lead after now', () => {
    const t = new PlaybackTimeline(0.03);
    expect(t.schedule(10, 0.5)).toBeCloseTo(10.03);
  });

  it('puts chunks that arrive while audio is playing exactly back to back', () => {
    const t = new PlaybackTimeline(0.03);
    const a = t.schedule(1, 0.4);
    const b = t.schedule(1.1, 0.25);
    const c = t.schedule(1.2, 0.1);
    expect(b).toBeCloseTo(a + 0.4);
    expect(c).toBeCloseTo(b + 0.25);
    expect(t.remaining(1.2)).toBeCloseTo(a + 0.75 - 1.2);
  });

  it('after an underrun (queue drained) starts fresh instead of scheduling in the past', () => {
    const t = new PlaybackTimeline(0.03);
    t.schedule(0, 0.2);
    expect(t.schedule(5, 0.2)).toBeCloseTo(5.03);
    expect(t.remaining(6)).toBe(0);
  });

  it('forgets the queue on reset (flush)', () => {
    const t = new PlaybackTimeline(0.03);
    t.schedule(0, 10);
    t.reset();
    expect(t.schedule(1, 0.1)).toBeCloseTo(1.03);
  });
});
