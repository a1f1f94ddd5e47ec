import { describe, expect, it } from 'vitest';
import { formatTimeLeft, progressOf, secondsLeft, SpeedMeter } from '../../../src/models-cache/progress.ts';

describe('SpeedMeter', () => {
  it('has no speed until 200 ms of data, then bytes per second over the window', () => {
    const meter = new SpeedMeter(3_000);
    meter.reset(0, 0);
    meter.record(100, 50_000);
    expect(meter.bytesPerSecond()).toBeNull();
    meter.record(1_000, 1_000_000);
    expect(meter.bytesPerSecond()).toBe(1_000_000);
  });

  it('follows a connection that slows down (only the last window counts)', () => {
    const meter = new SpeedMeter(1_000);
    meter.reset(0, 0);
    for (let t = 100; t <= 2_000; t += 100) meter.record(t, t * 1_000); // 1 MB/s
    for (let t = 2_100; t <= 4_000; t += 100) meter.record(t, 2_000_000 + (t - 2_000) * 100); // 100 KB/s
    expect(meter.bytesPerSecond()).toBeCloseTo(100_000, -3);
  });

  it('does not count bytes a resumed download already had as speed', () => {
    const meter = new SpeedMeter();
    meter.reset(5_000, 30_000_000);
    meter.record(6_000, 30_500_000);
    expect(meter.bytesPerSecond()).toBe(500_000);
  });
});

describe('time left and fraction', () => {
  it('is remaining bytes over speed, unknown without a total or a speed', () => {
    expect(secondsLeft(25, 100, 5)).toBe(15);
    expect(secondsLeft(25, null, 5)).toBeNull();
    expect(secondsLeft(25, 100, null)).toBeNull();
    expect(secondsLeft(25, 100, 0)).toBeNull();
    expect(secondsLeft(100, 100, null)).toBe(0);
  });

  it('reports the fraction done, 1 for an empty file, null when the size is unknown', () => {
    expect(progressOf(50, 200, 10)).toEqual({
      bytes: 50,
      total: 200,
      bytesPerSecond: 10,
      secondsLeft: 15,
      fraction: 0.25,
    });
    expect(progressOf(0, 0, null).fraction).toBe(1);
    expect(progressOf(10, null, null).fraction).toBeNull();
  });

  it('words time left for people', () => {
    expect(formatTimeLeft(null)).toMatch(/working out/);
    expect(formatTimeLeft(0.4)).toBe('almost done');
    expect(formatTimeLeft(42)).toBe('42 s left');
    expect(formatTimeLeft(120)).toBe('2 min left');
    expect(formatTimeLeft(75)).toBe('1 min 15 s left');
    expect(formatTimeLeft(4_000)).toBe('1 h 7 min left');
  });
});
