// What keeps a kiosk on the Talk screen: no context menu, no leaving with the back button, and
// full screen on the first touch (browsers allow requestFullscreen only inside a user gesture).
// Hash-route changes are refused by the router guard in App.svelte.

export interface KioskGuardOptions {
  /** Runs inside every user gesture (e.g. to unlock audio output). */
  onGesture?: () => void;
}

export function installKioskGuards(options: KioskGuardOptions = {}): () => void {
  const noContextMenu = (event: Event): void => event.preventDefault();

  // The back button: keep one extra history entry on top, and put it back whenever it is popped.
  const trap = (): void => window.history.pushState({ hearthKiosk: true }, '', window.location.href);
  const onPopState = (): void => trap();
  trap();

  const onGesture = (): void => {
    options.onGesture?.();
    if (!document.fullscreenElement && document.fullscreenEnabled) {
      void document.documentElement.requestFullscreen({ navigationUI: 'hide' }).catch(() => {});
    }
  };

  document.addEventListener('contextmenu', noContextMenu);
  window.addEventListener('popstate', onPopState);
  // Every gesture re-enters full screen if it was left (e.g. with a swipe or Esc).
  document.addEventListener('pointerdown', onGesture, true);
  document.addEventListener('keydown', onGesture, true);

  return () => {
    document.removeEventListener('contextmenu', noContextMenu);
    window.removeEventListener('popstate', onPopState);
    document.removeEventListener('pointerdown', onGesture, true);
    document.removeEventListener('keydown', onGesture, true);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  };
}
