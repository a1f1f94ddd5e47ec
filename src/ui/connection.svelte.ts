// Home-server reachability, polled from GET /api/health. Reactive (runes) so any component
// can read `connection.state`. Polls every ~10 s while the page is visible, and at once when
// the tab becomes visible again or the browser reports it is back online.
import { getHealth } from './api.ts';

export type ConnectionState = 'checking' | 'online' | 'offline';

export const HEALTH_POLL_MS = 10_000;

export class ServerConnection {
  state = $state<ConnectionState>('checking');
  version = $state<string | null>(null);
  /** The server's HTTPS port when it has one (`--https`): where a plain-http page should move to. */
  httpsPort = $state<number | null>(null);
  lastChecked = $state<Date | null>(null);
  /** True while a check is in flight (for a "Checking…" button label). */
  busy = $state(false);

  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight: AbortController | null = null;
  #running = false;

  start(): () => void {
    if (this.#running) return () => this.stop();
    this.#running = true;
    document.addEventListener('visibilitychange', this.#onWake);
    window.addEventListener('online', this.#onWake);
    window.addEventListener('offline', this.#onOffline);
    void this.check();
    return () => this.stop();
  }

  stop(): void {
    this.#running = false;
    document.removeEventListener('visibilitychange', this.#onWake);
    window.removeEventListener('online', this.#onWake);
    window.removeEventListener('offline', this.#onOffline);
    this.#clearTimer();
    this.#inFlight?.abort();
    this.#inFlight = null;
  }

  /** Checks now and schedules the next poll. */
  async check(): Promise<void> {
    this.#clearTimer();
    this.#inFlight?.abort();
    const controller = new AbortController();
    this.#inFlight = controller;
    this.busy = true;
    const result = await getHealth(controller.signal);
    if (controller.signal.aborted && this.#inFlight !== controller) return;
    this.#inFlight = null;
    this.busy = false;
    this.lastChecked = new Date();
    if (result.ok && result.data.ok) {
      this.state = 'online';
      this.version = result.data.version ?? null;
      this.httpsPort = result.data.httpsPort ?? null;
    } else {
      this.state = 'offline';
    }
    this.#schedule();
  }

  #schedule(): void {
    if (!this.#running || document.visibilityState === 'hidden') return;
    this.#timer = setTimeout(() => void this.check(), HEALTH_POLL_MS);
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #onWake = (): void => {
    if (document.visibilityState === 'visible') void this.check();
    else this.#clearTimer();
  };

  #onOffline = (): void => {
    this.state = 'offline';
  };
}
