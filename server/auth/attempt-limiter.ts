/**
 * Slows down PIN guessing from one address: a few free tries, then a lockout that doubles
 * with every further failure (30 s, 60 s, 120 s … capped at 1 h).
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly freeAttempts = 5,
    private readonly baseLockMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfterMs(key: string): number {
    const entry = this.failures.get(key);
    return entry ? Math.max(0, entry.lockedUntil - this.now()) : 0;
  }

  recordFailure(key: string): void {
    const entry = this.failures.get(key) ?? { count: 0, lockedUntil: 0 };
    entry.count++;
    const over = entry.count - this.freeAttempts;
    if (over >= 0) entry.lockedUntil = this.now() + Math.min(this.baseLockMs * 2 ** over, 3_600_000);
    this.failures.set(key, entry);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }
}
