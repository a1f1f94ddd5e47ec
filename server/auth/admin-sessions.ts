import crypto from 'node:crypto';

export interface AdminSession {
  token: string;
  expiresAt: number;
}

/**
 * Short-lived admin sessions, kept in memory only: a server restart asks the parent for the
 * PIN again, which is the safe default for a box on a shared home network.
 */
export class AdminSessions {
  private readonly sessions = new Map<string, number>();

  constructor(
    private readonly ttlMs = 30 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  issue(): AdminSession {
    this.sweep();
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.sessions.set(token, expiresAt);
    return { token, expiresAt };
  }

  /** Valid sessions slide forward on use, so a parent busy in Settings is not thrown out. */
  validate(token: string): boolean {
    const expiresAt = this.sessions.get(token);
    if (expiresAt === undefined) return false;
    if (expiresAt <= this.now()) {
      this.sessions.delete(token);
      return false;
    }
    this.sessions.set(token, this.now() + this.ttlMs);
    return true;
  }

  revoke(token: string): void {
    this.sessions.delete(token);
  }

  revokeAll(): void {
    this.sessions.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, expiresAt] of this.sessions) if (expiresAt <= now) this.sessions.delete(token);
  }
}
