// On/off settings remembered on this device (localStorage), read once per page and reactive on
// screen: the microphone's clean-up switches, how Hearth answers. A damaged or missing value reads
// as that switch's default.

export class StoredSwitches<T extends { [K in keyof T]: boolean }> {
  value = $state<T>({} as T);

  constructor(
    private readonly storageKey: string,
    private readonly defaults: Readonly<T>,
  ) {
    this.value = this.read();
  }

  /** Reads the switches again (after this device's settings were deleted: the defaults). */
  reload(): void {
    this.value = this.read();
  }

  set<K extends keyof T>(key: K, on: T[K]): void {
    this.value = { ...this.value, [key]: on };
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(this.value));
    } catch {
      // Private mode or full storage: the switch still applies to this visit.
    }
  }

  private read(): T {
    const switches = { ...this.defaults } as T;
    try {
      const saved: unknown = JSON.parse(localStorage.getItem(this.storageKey) ?? 'null');
      if (typeof saved !== 'object' || saved === null) return switches;
      for (const key of Object.keys(switches) as (keyof T)[]) {
        const stored = (saved as Record<keyof T, unknown>)[key];
        if (typeof stored === 'boolean') switches[key] = stored as T[keyof T];
      }
    } catch {
      // Unreadable: the defaults.
    }
    return switches;
  }
}
