// How Hearth answers (Settings → Talking), remembered on this device.
import { StoredSwitches } from './stored-switches.svelte.ts';

export interface ReplyPreferences {
  /** Start on the answer in the speaker's pauses (preemptive generation): sooner replies, more work. */
  answerInPauses: boolean;
}

export const DEFAULT_REPLY_PREFERENCES: Readonly<ReplyPreferences> = { answerInPauses: false };

export class ReplySettings extends StoredSwitches<ReplyPreferences> {
  constructor() {
    super('hearth.replies', DEFAULT_REPLY_PREFERENCES);
  }
}
