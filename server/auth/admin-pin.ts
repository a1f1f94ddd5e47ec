import type { SettingsRepository } from '../db/settings.ts';
import { hashPin, verifyPin, type PinHash } from './pin-hash.ts';

const SETTING_KEY = 'admin.pin';
const PIN_PATTERN = /^\d{4,8}$/;

export class AdminPinError extends Error {
  override name = 'AdminPinError';
  constructor(
    readonly code: 'invalid_pin' | 'pin_required' | 'bad_pin',
    message: string,
  ) {
    super(message);
  }
}

/** The household's admin PIN: guards settings, memory, library and device management. */
export class AdminPin {
  constructor(private readonly settings: SettingsRepository) {}

  isSet(): boolean {
    return this.settings.get<PinHash>(SETTING_KEY) !== undefined;
  }

  async verify(pin: string): Promise<boolean> {
    const stored = this.settings.get<PinHash>(SETTING_KEY);
    if (!stored || typeof pin !== 'string') return false;
    return verifyPin(pin, stored);
  }

  /** First set needs nothing; changing it needs the current PIN (or an admin session, checked by the caller). */
  async set(pin: string, opts: { currentPin?: string; authorized?: boolean } = {}): Promise<void> {
    if (!PIN_PATTERN.test(pin)) throw new AdminPinError('invalid_pin', 'The PIN must be 4 to 8 digits.');
    if (this.isSet() && !opts.authorized) {
      if (opts.currentPin === undefined) throw new AdminPinError('pin_required', 'Enter the current PIN to change it.');
      if (!(await this.verify(opts.currentPin))) throw new AdminPinError('bad_pin', 'The current PIN is not right.');
    }
    this.settings.set(SETTING_KEY, await hashPin(pin));
  }
}
