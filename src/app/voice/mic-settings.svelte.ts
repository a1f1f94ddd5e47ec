// The microphone clean-up switches (Settings), remembered on this device.
import { DEFAULT_MIC_PROCESSING, type MicProcessing } from '../../audio/mic-processing.ts';

export type { MicProcessing };

const STORAGE_KEY = 'hearth.micProcessing';

function load(): MicProcessing {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return { ...DEFAULT_MIC_PROCESSING };
    const record = saved as Record<string, unknown>;
    const pick = (key: keyof MicProcessing): boolean =>
      typeof record[key] === 'boolean' ? (record[key] as boolean) : DEFAULT_MIC_PROCESSING[key];
    return {
      echoCancellation: pick('echoCancellation'),
      noiseSuppression: pick('noiseSuppression'),
      autoGainControl: pick('autoGainControl'),
    };
  } catch {
    return { ...DEFAULT_MIC_PROCESSING };
  }
}

export class MicSettings {
  value = $state<MicProcessing>(load());

  /** Reads the switches again (after this device's settings were deleted: the defaults). */
  reload(): void {
    this.value = load();
  }

  set(key: keyof MicProcessing, on: boolean): void {
    this.value = { ...this.value, [key]: on };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(this.value));
    } catch {
      // Private mode or full storage: the switch still applies to this visit.
    }
  }
}
