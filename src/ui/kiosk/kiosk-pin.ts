// Kiosk mode is only as safe as its way out: without a parent PIN anyone could leave it, so it
// cannot be switched on until one is set. DOM-free (unit-tested).

import type { AdminStatus } from '../admin/admin-session.svelte.ts';

/**
 * - `checking`: not known yet whether a PIN is set.
 * - `needs-pin`: no PIN is set; kiosk mode must not start.
 * - `protected`: a PIN is set (or the server that keeps it is away, so nobody can leave either).
 */
export type KioskPinState = 'checking' | 'needs-pin' | 'protected';

export function kioskPinState(status: AdminStatus): KioskPinState {
  switch (status) {
    case 'unknown':
      return 'checking';
    case 'no-pin':
      return 'needs-pin';
    case 'locked':
    case 'unlocked':
    case 'offline':
      return 'protected';
  }
}
