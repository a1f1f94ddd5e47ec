// Hands-free, always: while the kiosk runs, the microphone is kept open. When listening stops
// (an engine failed, the microphone went away, the server restarted mid-load) it tries again
// with backoff, first re-reading the server's models so failed engines reload. Never reloads
// the page, so it cannot loop.

import { Backoff } from './backoff.ts';

/** The slice of VoiceController this needs. */
export interface Listener {
  readonly mic: 'off' | 'starting' | 'on' | 'muted';
  /** Engines are still being chosen or loaded: wait for them rather than count a failure. */
  readonly loading: boolean;
  /**
   * Something only a grown-up can add is missing (speech recognition, a language model): trying
   * again cannot help, so the keeper waits quietly until it is there.
   */
  readonly blocked?: boolean;
  startListening(): Promise<void>;
  warmUp(): Promise<void>;
}

export interface KeeperStatus {
  /** When the next attempt is due (Date.now() ms), or null while listening. */
  retryAt: number | null;
  failures: number;
}

const CHECK_MS = 2_000;
/** While blocked, how often the server's models are re-read (a parent may be adding them now). */
const BLOCKED_RECHECK_MS = 15_000;

export function keepListening(voice: Listener, onStatus: (status: KeeperStatus) => void = () => {}): () => void {
  const backoff = new Backoff({ firstMs: 2_000, maxMs: 30_000, jitter: 0.2 });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const schedule = (ms: number, retry: boolean): void => {
    if (stopped) return;
    onStatus({ retryAt: retry ? Date.now() + ms : null, failures: backoff.failures });
    timer = setTimeout(() => void tick(), ms);
  };

  const tick = async (): Promise<void> => {
    timer = null;
    if (stopped) return;
    if (voice.blocked && voice.mic === 'off' && !voice.loading) {
      await voice.warmUp().catch(() => undefined);
      schedule(voice.blocked ? BLOCKED_RECHECK_MS : 0, false);
      return;
    }
    if (voice.mic !== 'off' || voice.loading) {
      if (voice.mic === 'on' || voice.mic === 'muted') backoff.succeed();
      schedule(CHECK_MS, false);
      return;
    }
    try {
      if (backoff.failures > 0) await voice.warmUp();
      await voice.startListening();
    } catch {
      // startListening reports its own problems on the Talk screen.
    }
    if (stopped) return;
    if (voice.mic === 'off') schedule(backoff.fail(), true);
    else {
      backoff.succeed();
      schedule(CHECK_MS, false);
    }
  };

  void tick();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
  };
}
