import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Backoff } from '../../../src/ui/kiosk/backoff.ts';
import { kioskPinState } from '../../../src/ui/kiosk/kiosk-pin.ts';
import { keepListening, type Listener } from '../../../src/ui/kiosk/listening-keeper.ts';

describe('kiosk backoff', () => {
  it('doubles from the first delay up to the cap, and starts over after a success', () => {
    const backoff = new Backoff({ firstMs: 1000, maxMs: 5000 });
    expect([backoff.fail(), backoff.fail(), backoff.fail(), backoff.fail()]).toEqual([1000, 2000, 4000, 5000]);
    backoff.succeed();
    expect(backoff.fail()).toBe(1000);
  });

  it('jitters downwards only, within the given fraction', () => {
    const backoff = new Backoff({ firstMs: 1000, maxMs: 1000, jitter: 0.2 }, () => 1);
    expect(backoff.fail()).toBe(800);
  });

  it('refuses nonsense settings', () => {
    expect(() => new Backoff({ firstMs: 0, maxMs: 10 })).toThrow(/firstMs/);
    expect(() => new Backoff({ firstMs: 10, maxMs: 5 })).toThrow(/maxMs/);
  });
});

describe('kiosk and the parent PIN', () => {
  it('cannot be turned on while no PIN is set, nor before the server has said', () => {
    expect(kioskPinState('no-pin')).toBe('needs-pin');
    expect(kioskPinState('unknown')).toBe('checking');
  });

  it('runs once a PIN is set, and stays on while the server that checks it is away', () => {
    expect(kioskPinState('locked')).toBe('protected');
    expect(kioskPinState('unlocked')).toBe('protected');
    expect(kioskPinState('offline')).toBe('protected');
  });
});

/** A stand-in microphone owner whose start fails a given number of times. */
class FlakyListener implements Listener {
  mic: Listener['mic'] = 'off';
  loading = false;
  starts = 0;
  warmUps = 0;
  constructor(private failuresLeft: number) {}
  async startListening(): Promise<void> {
    this.starts++;
    if (this.failuresLeft-- > 0) throw new Error('engine failed');
    this.mic = 'on';
  }
  async warmUp(): Promise<void> {
    this.warmUps++;
  }
}

describe('kiosk listening keeper', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts listening at once, retries failures with growing delays (reloading engines), and restarts after the mic stops', async () => {
    const listener = new FlakyListener(2);
    const retries: (number | null)[] = [];
    const stop = keepListening(listener, (status) =>
      retries.push(status.retryAt === null ? null : status.retryAt - Date.now()),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(listener.starts).toBe(1);
    expect(listener.mic).toBe('off');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(listener.starts).toBe(2);
    expect(listener.warmUps).toBe(1);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(listener.starts).toBe(3);
    expect(listener.mic).toBe('on');
    const delays = retries.filter((d): d is number => d !== null);
    expect(delays.length).toBe(2);
    expect(delays[1]!).toBeGreaterThan(delays[0]!);

    // The microphone went away: listening comes back by itself, with no page reload.
    listener.mic = 'off';
    await vi.advanceTimersByTimeAsync(2_000);
    expect(listener.mic).toBe('on');
    expect(listener.starts).toBe(4);

    // While engines load (e.g. after a server restart), it waits instead of failing and backing off.
    listener.mic = 'off';
    listener.loading = true;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(listener.starts).toBe(4);
    listener.loading = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(listener.starts).toBe(5);
    expect(listener.mic).toBe('on');

    stop();
    listener.mic = 'off';
    await vi.advanceTimersByTimeAsync(120_000);
    expect(listener.starts).toBe(5);
  });
});
