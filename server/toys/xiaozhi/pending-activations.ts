// Toys waiting to be paired. An unknown MAC that checks in gets a 6-digit code the toy speaks; the
// parent types it into Settings → Toys within its lifetime, which is the pairing secret (the
// firmware's HMAC uses a key burnt into the chip that no third-party server knows). Codes are
// single-use, live a few minutes, are unique among pending toys, and each address may only start
// so many activations per window, so guessing codes or flooding the list gets nowhere.
import crypto from 'node:crypto';

export interface PendingActivation {
  mac: string;
  code: string;
  challenge: string;
  clientId: string | null;
  board: string | null;
  firmwareVersion: string | null;
  address: string;
  seenAt: number;
  expiresAt: number;
}

export interface PendingActivationsOptions {
  /** How long a code may be typed in (ms). */
  lifetimeMs?: number;
  /** New activations one address may start per window. */
  perAddressLimit?: number;
  windowMs?: number;
  /** Most toys waiting at once (the rest are told to try again later). */
  maxPending?: number;
  now?: () => number;
}

export type CodeLookup =
  { status: 'pending'; activation: PendingActivation } | { status: 'expired' } | { status: 'unknown' };

export class ActivationRateLimitError extends Error {
  override name = 'ActivationRateLimitError';
}

export class PendingActivations {
  private readonly byMac = new Map<string, PendingActivation>();
  /** Codes handed out recently and no longer pending (expired or used): kept to answer 410, then forgotten. */
  private readonly spent = new Map<string, number>();
  private readonly starts = new Map<string, number[]>();
  private readonly lifetimeMs: number;
  private readonly perAddressLimit: number;
  private readonly windowMs: number;
  private readonly maxPending: number;
  private readonly now: () => number;

  constructor(options: PendingActivationsOptions = {}) {
    this.lifetimeMs = options.lifetimeMs ?? 5 * 60_000;
    this.perAddressLimit = options.perAddressLimit ?? 10;
    this.windowMs = options.windowMs ?? 10 * 60_000;
    this.maxPending = options.maxPending ?? 64;
    this.now = options.now ?? Date.now;
  }

  /**
   * The toy's pending activation: the one it already has while it lives (a toy checks in again
   * every half minute or so and must keep speaking the same code), else a new one.
   */
  checkIn(toy: {
    mac: string;
    clientId: string | null;
    board: string | null;
    firmwareVersion: string | null;
    address: string;
  }): PendingActivation {
    this.prune();
    const now = this.now();
    const current = this.byMac.get(toy.mac);
    if (current) {
      current.seenAt = now;
      current.board = toy.board ?? current.board;
      current.firmwareVersion = toy.firmwareVersion ?? current.firmwareVersion;
      return current;
    }
    const starts = (this.starts.get(toy.address) ?? []).filter((t) => now - t < this.windowMs);
    if (starts.length >= this.perAddressLimit)
      throw new ActivationRateLimitError(`too many new toys from ${toy.address}; try again in a few minutes`);
    if (this.byMac.size >= this.maxPending)
      throw new ActivationRateLimitError('too many toys are waiting to be paired; try again in a few minutes');
    starts.push(now);
    this.starts.set(toy.address, starts);
    const activation: PendingActivation = {
      ...toy,
      code: this.freshCode(),
      challenge: crypto.randomUUID(),
      seenAt: now,
      expiresAt: now + this.lifetimeMs,
    };
    this.byMac.set(toy.mac, activation);
    return activation;
  }

  get(mac: string): PendingActivation | undefined {
    this.prune();
    return this.byMac.get(mac);
  }

  lookup(code: string): CodeLookup {
    this.prune();
    for (const activation of this.byMac.values())
      if (activation.code === code) return { status: 'pending', activation };
    return this.spent.has(code) ? { status: 'expired' } : { status: 'unknown' };
  }

  /** The code was typed in: it is used up and the toy is no longer pending. */
  consume(activation: PendingActivation): void {
    if (this.byMac.get(activation.mac) === activation) this.byMac.delete(activation.mac);
    this.spent.set(activation.code, this.now() + this.lifetimeMs);
  }

  list(): PendingActivation[] {
    this.prune();
    return [...this.byMac.values()];
  }

  private prune(): void {
    const now = this.now();
    for (const [mac, activation] of this.byMac) {
      if (activation.expiresAt > now) continue;
      this.byMac.delete(mac);
      this.spent.set(activation.code, now + this.lifetimeMs);
    }
    for (const [code, until] of this.spent) if (until <= now) this.spent.delete(code);
    for (const [address, starts] of this.starts)
      if (starts.every((t) => now - t >= this.windowMs)) this.starts.delete(address);
  }

  private freshCode(): string {
    for (;;) {
      const code = crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
      if (!this.spent.has(code) && ![...this.byMac.values()].some((a) => a.code === code)) return code;
    }
  }
}
