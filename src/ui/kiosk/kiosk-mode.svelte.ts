// Kiosk mode: on with `?kiosk` in the address or from Settings (behind the parent PIN), and
// remembered in this browser so a reload, a crash or a power cut brings the kiosk back. Only
// leaving needs the PIN (see KioskExit.svelte).

export const KIOSK_STORAGE_KEY = 'hearth.kiosk';

/** True when the address asks for kiosk mode: `?kiosk`, `?kiosk=1`, `?kiosk=true`. */
export function urlAsksForKiosk(search: string): boolean {
  const value = new URLSearchParams(search).get('kiosk');
  return value !== null && !['0', 'false', 'off', 'no'].includes(value.toLowerCase());
}

export class KioskMode {
  active = $state(false);

  constructor() {
    if (typeof window === 'undefined') return;
    const asked = urlAsksForKiosk(window.location.search);
    this.active = asked || readStored();
    if (asked) store(true);
  }

  enter(): void {
    store(true);
    this.active = true;
  }

  /** Call only after the parent PIN was checked. */
  exit(): void {
    store(false);
    this.active = false;
    // Drop `?kiosk` so the next reload does not switch it straight back on.
    const url = new URL(window.location.href);
    if (url.searchParams.has('kiosk')) {
      url.searchParams.delete('kiosk');
      window.history.replaceState(window.history.state, '', url);
    }
  }
}

function readStored(): boolean {
  try {
    return localStorage.getItem(KIOSK_STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

function store(on: boolean): void {
  try {
    if (on) localStorage.setItem(KIOSK_STORAGE_KEY, 'on');
    else localStorage.removeItem(KIOSK_STORAGE_KEY);
  } catch {
    // Private mode without storage: kiosk still works for this page, it just won't survive a reload.
  }
}

/** One kiosk state per page. */
export const kiosk = new KioskMode();
