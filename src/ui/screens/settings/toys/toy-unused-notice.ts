// The parent's notice on a toy's card before a toy nobody uses is deleted with all it kept, and the
// choices for how long that is. Pure wording; the server decides when (unused-toy-deletion.ts).

import { UNUSED_TOY_DEFAULT_DAYS, type UnusedToyDeletion } from '../../../../core/devices/unused-toy-deletion.ts';

/** The editor's choices besides 0 ("never"); a toy's own other number is shown as it is. */
export const UNUSED_DAY_CHOICES = [30, 60, UNUSED_TOY_DEFAULT_DAYS, 180, 365];

/** "90 days (default)", "1 year", "never" (0). */
export function unusedDaysLabel(days: number): string {
  if (days <= 0) return 'Never';
  const words = days === 365 ? '1 year' : `${days} days`;
  return days === UNUSED_TOY_DEFAULT_DAYS ? `${words} (default)` : words;
}

const dateWords = (date: Date, locale?: string) =>
  date.toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * "Not used since Friday 3 April 2026. On Thursday 2 July 2026 this toy and everything it kept …
 * will be deleted, unless it is used before then." Null when no notice is due.
 */
export function unusedToyNotice(
  deletion: UnusedToyDeletion | undefined,
  now: number = Date.now(),
  locale?: string,
): string | null {
  if (!deletion?.noticeDue || deletion.deletesAt === null) return null;
  const since = `Not used since ${dateWords(new Date(deletion.lastUsedAt), locale)}.`;
  const what = 'this toy and everything it kept (what was said, its memories, its talking time) will be deleted';
  const deletesAt = new Date(deletion.deletesAt);
  const when = deletesAt.getTime() <= now ? `Today ${what}` : `On ${dateWords(deletesAt, locale)} ${what}`;
  return `${since} ${when}, unless it is used before then. To keep it, let the child use it, or change “Delete if not used for” in its profile.`;
}
