// Daily time limits and quiet hours set by a parent. Pure: the caller supplies today's usage and
// the local time.

export interface QuietHours {
  /** Local "HH:MM"; the range may cross midnight ("19:30" → "07:00"). */
  start: string;
  end: string;
}

export interface TimeLimits {
  /** Minutes of conversation per day; null = no limit. */
  dailyMinutes: number | null;
  quietHours: QuietHours | null;
}

export const NO_TIME_LIMITS: TimeLimits = { dailyMinutes: null, quietHours: null };

export type TimeLimitVerdict =
  { allowed: true } | { allowed: false; reason: 'daily-limit' | 'quiet-hours'; message: string };

/** `usedMs`: conversation time already used today. `minutesOfDay`: local time now, 0..1439. */
export function checkTimeLimits(limits: TimeLimits, usedMs: number, minutesOfDay: number): TimeLimitVerdict {
  const quiet = limits.quietHours;
  if (quiet && inQuietHours(quiet, minutesOfDay)) {
    return {
      allowed: false,
      reason: 'quiet-hours',
      message: `It’s quiet time now, so I’m resting until ${speakTime(quiet.end)}. Sweet dreams, and talk to you then!`,
    };
  }
  if (limits.dailyMinutes !== null && usedMs >= limits.dailyMinutes * 60_000) {
    return {
      allowed: false,
      reason: 'daily-limit',
      message: 'We’ve had lots of fun talking today! That’s all the talking time for today. Let’s chat again tomorrow.',
    };
  }
  return { allowed: true };
}

export function parseClock(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

export function inQuietHours(quiet: QuietHours, minutesOfDay: number): boolean {
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  if (start === null || end === null || start === end) return false;
  return start < end ? minutesOfDay >= start && minutesOfDay < end : minutesOfDay >= start || minutesOfDay < end;
}

function speakTime(value: string): string {
  const minutes = parseClock(value);
  if (minutes === null) return value;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 ? 'in the morning' : h < 18 ? 'in the afternoon' : 'in the evening'}`;
}
