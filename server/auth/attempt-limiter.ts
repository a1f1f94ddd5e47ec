import type { HearthDatabase } from '../db/database.ts';

/** One source address, and the household as a whole (guesses spread over many addresses). */
export interface AttemptScopes {
  address: string;
}

export interface AttemptPolicy {
  /** Failures allowed from one address before the back-off starts. */
  perAddress: number;
  /** Failures allowed from all addresses together before the back-off starts. */
  household: number;
  /** First lockout; each further failure doubles it, up to `maxLockMs`. */
  baseLockMs: number;
  maxLockMs: number;
}

export const DEFAULT_ATTEMPT_POLICY: AttemptPolicy = {
  perAddress: 5,
  household: 10,
  baseLockMs: 30_000,
  maxLockMs: 3_600_000,
};

/** A counted attempt: settle it as a success (clears the counters) or leave it counted as a failure. */
export interface Reservation {
  succeeded(): void;
}

export type ReserveResult = { ok: true; reservation: Reservation } | { ok: false; retryAfterMs: number };

const HOUSEHOLD = 'household';

interface Row {
  failures: number;
  locked_until: number;
}

/**
 * Slows PIN guessing. An attempt is counted (reserved) BEFORE the slow hash runs, in one
 * immediate transaction, so guesses sent at once cannot all slip past the check; a right PIN
 * then clears the counters. Past the free tries each failure locks the scope for a time that
 * doubles (30 s, 60 s, 120 s … 1 h). Counters live in SQLite: a restart, or a second process on
 * the same database, does not hand out fresh tries.
 */
export class AttemptLimiter {
  private readonly policy: AttemptPolicy;

  constructor(
    private readonly db: HearthDatabase,
    policy: Partial<AttemptPolicy> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.policy = { ...DEFAULT_ATTEMPT_POLICY, ...policy };
  }

  /** Milliseconds until this address may try again (address or household lock); 0 when it may. */
  retryAfterMs(scopes: AttemptScopes): number {
    const now = this.now();
    return Math.max(0, ...this.keys(scopes).map((key) => (this.row(key)?.locked_until ?? 0) - now));
  }

  /** Counts one attempt as failed until it is settled as a success; refused while locked. */
  reserve(scopes: AttemptScopes): ReserveResult {
    const run = this.db.transaction((): ReserveResult => {
      const wait = this.retryAfterMs(scopes);
      if (wait > 0) return { ok: false, retryAfterMs: wait };
      const now = this.now();
      for (const [key, free] of [
        [this.addressKey(scopes), this.policy.perAddress],
        [HOUSEHOLD, this.policy.household],
      ] as const) {
        const failures = (this.row(key)?.failures ?? 0) + 1;
        const over = failures - free;
        const lockedUntil = over >= 0 ? now + Math.min(this.policy.baseLockMs * 2 ** over, this.policy.maxLockMs) : 0;
        this.db
          .prepare(
            'INSERT INTO pin_attempts (scope, failures, locked_until, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (scope) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, updated_at = excluded.updated_at',
          )
          .run(key, failures, lockedUntil, now);
      }
      return { ok: true, reservation: { succeeded: () => this.clear(scopes) } };
    });
    // IMMEDIATE: take the write lock before reading, so two processes cannot both read "4 failures".
    return run.immediate();
  }

  private clear(scopes: AttemptScopes): void {
    this.db.prepare('DELETE FROM pin_attempts WHERE scope IN (?, ?)').run(this.addressKey(scopes), HOUSEHOLD);
  }

  private keys(scopes: AttemptScopes): string[] {
    return [this.addressKey(scopes), HOUSEHOLD];
  }

  private addressKey(scopes: AttemptScopes): string {
    return `address:${scopes.address}`;
  }

  private row(key: string): Row | undefined {
    return this.db.prepare('SELECT failures, locked_until FROM pin_attempts WHERE scope = ?').get(key) as
      Row | undefined;
  }
}
