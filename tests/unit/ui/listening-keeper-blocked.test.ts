import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepListening, type Listener } from '../../../src/ui/kiosk/listening-keeper.ts';

/** A test double of the voice controller: blocked (speech recognition missing) until `install()`. */
class BlockedListener implements Listener {
  mic: Listener['mic'] = 'off';
  loading = false;
  blocked = true;
  starts = 0;
  warmUps = 0;
  private installed = false;
  install(): void {
    this.installed = true;
  }
  async startListening(): Promise<void> {
    this.starts++;
    this.mic = 'on';
  }
  /** Re-reads the server's models: only then does an installed model unblock listening. */
  async warmUp(): Promise<void> {
    this.warmUps++;
    if (this.installed) this.blocked = false;
  }
}

describe('kiosk listening keeper while something only a grown-up can add is missing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('never counts down or retries listening, re-reads the models now and then, and listens once they are there', async () => {
    const listener = new BlockedListener();
    const statuses: (number | null)[] = [];
    const stop = keepListening(listener, (status) => statuses.push(status.retryAt));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(listener.starts).toBe(0);
    expect(listener.mic).toBe('off');
    // No "trying again in N s": every status it reported had no retry time.
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((retryAt) => retryAt === null)).toBe(true);
    // It asks the server again (a parent may be installing the model now), but not in a tight loop.
    expect(listener.warmUps).toBeGreaterThanOrEqual(2);
    expect(listener.warmUps).toBeLessThanOrEqual(6);

    listener.install();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(listener.starts).toBe(1);
    expect(listener.mic).toBe('on');
    stop();
  });
});
