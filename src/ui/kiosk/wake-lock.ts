// Keeps the screen on while the kiosk runs. Browsers drop a wake lock whenever the page is
// hidden, so it is asked for again each time the page becomes visible.

export interface WakeLockHandle {
  /** True while a lock is held. */
  readonly held: boolean;
  release(): void;
}

export function keepScreenOn(onChange: (held: boolean) => void = () => {}): WakeLockHandle {
  let sentinel: WakeLockSentinel | null = null;
  let stopped = false;

  const acquire = async (): Promise<void> => {
    if (stopped || sentinel || document.visibilityState !== 'visible' || !('wakeLock' in navigator)) return;
    try {
      const next = await navigator.wakeLock.request('screen');
      if (stopped) {
        void next.release();
        return;
      }
      sentinel = next;
      onChange(true);
      next.addEventListener('release', () => {
        if (sentinel === next) sentinel = null;
        onChange(false);
      });
    } catch {
      // Refused (battery saver, no permission): the tablet's own screen timeout applies.
      onChange(false);
    }
  };
  const onVisibility = (): void => void acquire();
  document.addEventListener('visibilitychange', onVisibility);
  void acquire();

  return {
    get held() {
      return sentinel !== null;
    },
    release() {
      stopped = true;
      document.removeEventListener('visibilitychange', onVisibility);
      void sentinel?.release();
      sentinel = null;
    },
  };
}
