// Keeps one address from crowding out the others: at most `maxOpen` connections open at once and
// `maxPerWindow` new ones per window. Refusals are logged once per address per window.

export interface AddressLimiterOptions {
  maxOpen?: number;
  maxPerWindow?: number;
  windowMs?: number;
  now?: () => number;
}

export type AdmitResult = { ok: true; release: () => void } | { ok: false; reason: string; firstRefusal: boolean };

export class AddressLimiter {
  private readonly open = new Map<string, number>();
  private readonly recent = new Map<string, number[]>();
  private readonly refusedInWindow = new Map<string, number>();
  private readonly maxOpen: number;
  private readonly maxPerWindow: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: AddressLimiterOptions = {}) {
    this.maxOpen = options.maxOpen ?? 8;
    this.maxPerWindow = options.maxPerWindow ?? 30;
    this.windowMs = options.windowMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  admit(address: string): AdmitResult {
    const now = this.now();
    const recent = (this.recent.get(address) ?? []).filter((t) => now - t < this.windowMs);
    const open = this.open.get(address) ?? 0;
    let reason: string | null = null;
    if (open >= this.maxOpen) reason = `${open} connections from ${address} are already open`;
    else if (recent.length >= this.maxPerWindow)
      reason = `more than ${this.maxPerWindow} connections from ${address} in ${this.windowMs / 1000} s`;
    if (reason) {
      this.recent.set(address, recent);
      const last = this.refusedInWindow.get(address);
      const firstRefusal = last === undefined || now - last >= this.windowMs;
      if (firstRefusal) this.refusedInWindow.set(address, now);
      return { ok: false, reason, firstRefusal };
    }
    recent.push(now);
    this.recent.set(address, recent);
    this.open.set(address, open + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.open.get(address) ?? 1) - 1;
        if (left <= 0) this.open.delete(address);
        else this.open.set(address, left);
      },
    };
  }
}
