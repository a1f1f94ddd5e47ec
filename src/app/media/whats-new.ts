// What is new in the Library: songs and stories the household added in the last week, newest
// first. The starter library Hearth came with is never new (the server sends no date for it).
import type { MediaItem } from '../../core/media/types.ts';

/** Items added within this many days count as new. */
export const NEW_FOR_DAYS = 7;

/** Whether the household added `item` in the last week (the starter library never is). */
export function isNew(item: Pick<MediaItem, 'addedAt'>, now: number = Date.now()): boolean {
  if (!item.addedAt) return false;
  const added = Date.parse(item.addedAt);
  return Number.isFinite(added) && added <= now + 60_000 && now - added < NEW_FOR_DAYS * 24 * 60 * 60 * 1000;
}

/** The new items, newest first. */
export function newItems<T extends Pick<MediaItem, 'addedAt'>>(items: readonly T[], now: number = Date.now()): T[] {
  return items
    .filter((item) => isNew(item, now))
    .sort((a, b) => Date.parse(b.addedAt ?? '') - Date.parse(a.addedAt ?? ''));
}
