// The parent's time limits for this browser (daily talking time, quiet hours) and today's use,
// read and saved for the Limits panel.

import type { TimeLimits } from '../../core/safety/time-limits.ts';
import { hearthDb } from '../../data/db.ts';
import { SettingsRepository } from '../../data/settings-repository.ts';
import { UsageRepository } from '../../data/usage-repository.ts';

export function timeLimits(): Promise<TimeLimits> {
  return new SettingsRepository(hearthDb()).get('timeLimits');
}

export function saveTimeLimits(limits: TimeLimits): Promise<void> {
  return new SettingsRepository(hearthDb()).set('timeLimits', limits);
}

/** Whole minutes of talking on `day` (this browser's usage record). */
export async function minutesUsedOn(day: Date): Promise<number> {
  return Math.round((await new UsageRepository(hearthDb()).usedOn(day)) / 60_000);
}
