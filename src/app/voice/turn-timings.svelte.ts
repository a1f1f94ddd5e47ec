// Whether Talk shows each turn's timings (end of speech, recognition, first word, first sound).
// Off by default: Talk is a child's screen; a grown-up curious about speed switches it on in
// Settings → Advanced. Remembered on this device.

const STORAGE_KEY = 'hearth.showTurnTimings';

function load(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

export class TurnTimingsSetting {
  shown = $state(load());

  set(on: boolean): void {
    this.shown = on;
    try {
      localStorage.setItem(STORAGE_KEY, String(on));
    } catch {
      // Private mode or full storage: the switch still applies to this visit.
    }
  }
}

export const turnTimings = new TurnTimingsSetting();
