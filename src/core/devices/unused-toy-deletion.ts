// A toy nobody uses should not keep a child's data for ever: after the parent's number of days
// without use, everything it kept is deleted, and for the last week before that the parent is told
// when. Pure and shared: the server decides with it, the parent's Settings screen words it.

const DAY_MS = 24 * 3600 * 1000;

/** Days without use after which a toy's data is deleted, unless the parent chooses otherwise. */
export const UNUSED_TOY_DEFAULT_DAYS = 90;

/** How long before the deletion the parent is told (on the toy's card in Settings → Toys). */
export const UNUSED_TOY_NOTICE_DAYS = 7;

/** Shortest choice other than 0 (never): always longer than the notice, so a toy is never listed for deletion the day it was used. */
export const UNUSED_TOY_MIN_DAYS = 14;
export const UNUSED_TOY_MAX_DAYS = 3650;

/** What the toy listing says about it (GET /api/devices). */
export interface UnusedToyDeletion {
  /** ISO time the toy was last used (or registered, if never). */
  lastUsedAt: string;
  /** ISO time its data is deleted unless it is used before; null when the parent chose "never". */
  deletesAt: string | null;
  /** True within the notice window (or past it, until the daily deletion runs): the parent is told. */
  noticeDue: boolean;
}

/**
 * When a toy last used at `lastUsedMs` is deleted under a choice of `days` (0: never), as seen at
 * `now`. The days count from `clockFromMs` at the earliest (when the rule or the choice came).
 */
export function unusedToyDeletion(
  lastUsedMs: number,
  days: number,
  now: number,
  clockFromMs: number = lastUsedMs,
): UnusedToyDeletion {
  const lastUsedAt = new Date(lastUsedMs).toISOString();
  if (days <= 0) return { lastUsedAt, deletesAt: null, noticeDue: false };
  const deletesAtMs = Math.max(lastUsedMs, clockFromMs) + days * DAY_MS;
  return {
    lastUsedAt,
    deletesAt: new Date(deletesAtMs).toISOString(),
    noticeDue: now >= deletesAtMs - UNUSED_TOY_NOTICE_DAYS * DAY_MS,
  };
}

/** True when a toy last used at `lastUsedMs` is past the parent's `days` at `now` (never for 0). */
export function unusedToyIsDue(
  lastUsedMs: number,
  days: number,
  now: number,
  clockFromMs: number = lastUsedMs,
): boolean {
  return days > 0 && now >= Math.max(lastUsedMs, clockFromMs) + days * DAY_MS;
}
