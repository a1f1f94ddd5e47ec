// Household settings kept on this device.

import { NO_TIME_LIMITS, parseClock, type TimeLimits } from '../core/safety/time-limits.ts';
import { reportingWrite } from './data-errors.ts';
import type { HearthDb } from './db.ts';

export interface HearthSettings {
  /** Parents can switch long-term memory off: nothing is learned or recalled. */
  memoryEnabled: boolean;
  /** Let an instruction-following chat model pick out memories too (the rules always run). */
  memoryLlmExtraction: boolean;
  activePersonaId: string | null;
  timeLimits: TimeLimits;
  /** Days this browser keeps conversations (0: none are kept); the parent chooses, a week by default. */
  conversationKeepDays: number;
  /** Library items marked with a heart on this device (catalog ids), most recent first. */
  favouriteItemIds: string[];
}

/** Hearts kept per device; more than a household's library would need. */
export const MAX_FAVOURITES = 2000;

/** A week, the default the parent can shorten (0 keeps nothing) or lengthen up to a year. */
export const DEFAULT_CONVERSATION_KEEP_DAYS = 7;
export const MAX_CONVERSATION_KEEP_DAYS = 365;

export const DEFAULT_SETTINGS: HearthSettings = {
  memoryEnabled: true,
  memoryLlmExtraction: true,
  activePersonaId: null,
  timeLimits: NO_TIME_LIMITS,
  conversationKeepDays: DEFAULT_CONVERSATION_KEEP_DAYS,
  favouriteItemIds: [],
};

export class SettingsRepository {
  constructor(private readonly db: HearthDb) {}

  async get<K extends keyof HearthSettings>(key: K): Promise<HearthSettings[K]> {
    const row = await this.db.settings.get(key);
    return row === undefined ? DEFAULT_SETTINGS[key] : sanitize(key, row.value);
  }

  async set<K extends keyof HearthSettings>(key: K, value: HearthSettings[K]): Promise<void> {
    await reportingWrite('a setting', () => this.db.settings.put({ key, value }));
  }
}

function sanitize<K extends keyof HearthSettings>(key: K, value: unknown): HearthSettings[K] {
  const fallback = DEFAULT_SETTINGS[key];
  if (key === 'timeLimits') return sanitizeLimits(value) as HearthSettings[K];
  if (key === 'activePersonaId') return (typeof value === 'string' ? value : null) as HearthSettings[K];
  if (key === 'conversationKeepDays') return sanitizeKeepDays(value) as HearthSettings[K];
  if (key === 'favouriteItemIds') return sanitizeIds(value) as HearthSettings[K];
  return (typeof value === typeof fallback ? value : fallback) as HearthSettings[K];
}

function sanitizeIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids = value.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200);
  return [...new Set(ids)].slice(0, MAX_FAVOURITES);
}

function sanitizeKeepDays(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return DEFAULT_CONVERSATION_KEEP_DAYS;
  return Math.min(Math.round(value), MAX_CONVERSATION_KEEP_DAYS);
}

function sanitizeLimits(value: unknown): TimeLimits {
  if (typeof value !== 'object' || value === null) return NO_TIME_LIMITS;
  const v = value as Partial<Record<keyof TimeLimits, unknown>>;
  const minutes = typeof v.dailyMinutes === 'number' && v.dailyMinutes > 0 ? Math.round(v.dailyMinutes) : null;
  const quiet = v.quietHours as { start?: unknown; end?: unknown } | null | undefined;
  const quietHours =
    quiet && typeof quiet.start === 'string' && typeof quiet.end === 'string' && parseClock(quiet.start) !== null && parseClock(quiet.end) !== null
      ? { start: quiet.start, end: quiet.end }
      : null;
  return { dailyMinutes: minutes, quietHours };
}
