import type { HearthDatabase } from '../db/database.ts';
import { SettingsRepository } from '../db/settings.ts';
import { BoundedQueue } from './hash-queue.ts';
import { hashPin, verifyPin, type PinHash } from './pin-hash.ts';

const SETTING_KEY = 'admin.pin';
const PIN_PATTERN = /^\d{4,8}$/;
export const PIN_RULE = 'The PIN must be 4 to 8 digits.';

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

export class AdminPinError extends Error {
  override name = 'AdminPinError';
  constructor(
    readonly code: 'invalid_pin' | 'pin_already_set',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The household's admin PIN: guards settings, memory, library and device management. Every
 * hash (check or new PIN) goes through one small queue; who may try, and how often, is decided
 * by the caller (routes/admin.ts) before anything is hashed.
 */
export class AdminPin {
  private readonly settings: SettingsRepository;

  constructor(
    private readonly db: HearthDatabase,
    private readonly hashing = new BoundedQueue(1, 16),
  ) {
    this.settings = new SettingsRepository(db);
  }

  isSet(): boolean {
    return this.settings.get<PinHash>(SETTING_KEY) !== undefined;
  }

  async verify(pin: string): Promise<boolean> {
    const stored = this.settings.get<PinHash>(SETTING_KEY);
    if (!stored || typeof pin !== 'string') return false;
    return this.hashing.run(() => verifyPin(pin, stored));
  }

  /** `replace: false` sets the first PIN only if none was set meanwhile (two first-run setups racing). */
  async set(pin: string, opts: { replace: boolean }): Promise<void> {
    if (!isValidPin(pin)) throw new AdminPinError('invalid_pin', PIN_RULE);
    const hash = await this.hashing.run(() => hashPin(pin));
    const write = this.db.transaction(() => {
      if (!opts.replace && this.isSet())
        throw new AdminPinError('pin_already_set', 'A parent PIN is already set: enter it to change it.');
      this.settings.set(SETTING_KEY, hash);
    });
    write.immediate();
  }
}
