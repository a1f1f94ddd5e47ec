// How Hearth answers (Settings → Talking), remembered on this device.

export interface ReplyPreferences {
  /** Start on the answer in the speaker's pauses (preemptive generation): sooner replies, more work. */
  answerInPauses: boolean;
}

export const DEFAULT_REPLY_PREFERENCES: Readonly<ReplyPreferences> = { answerInPauses: false };

const STORAGE_KEY = 'hearth.replies';

function load(): ReplyPreferences {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return { ...DEFAULT_REPLY_PREFERENCES };
    const answerInPauses = (saved as Record<string, unknown>).answerInPauses;
    return {
      answerInPauses: typeof answerInPauses === 'boolean' ? answerInPauses : DEFAULT_REPLY_PREFERENCES.answerInPauses,
    };
  } catch {
    return { ...DEFAULT_REPLY_PREFERENCES };
  }
}

export class ReplySettings {
  value = $state<ReplyPreferences>(load());

  /** Reads the preferences again (after this device's settings were deleted: the defaults). */
  reload(): void {
    this.value = load();
  }

  set<K extends keyof ReplyPreferences>(key: K, on: ReplyPreferences[K]): void {
    this.value = { ...this.value, [key]: on };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(this.value));
    } catch {
      // Private mode or full storage: the switch still applies to this visit.
    }
  }
}
