// "Tell me a story" with no topic: a different story each time, preferring ones this listener has
// not heard lately. What was heard is kept per MediaPlayer, since each player is one listener's
// (a browser's own player, one toy's player on the server), so no other wiring is needed.
import type { CatalogHit, MediaPlayer } from './types.ts';

/** How many recent plays a listener's history keeps. */
export const RECENT_PLAYS = 20;

const heardBy = new WeakMap<MediaPlayer, string[]>();

/** Remembers that `player` started item `id` (newest first). */
export function notePlayed(player: MediaPlayer, id: string): void {
  const heard = (heardBy.get(player) ?? []).filter((seen) => seen !== id);
  heard.unshift(id);
  heardBy.set(player, heard.slice(0, RECENT_PLAYS));
}

/** Item ids `player` played lately, newest first. */
export function recentlyPlayed(player: MediaPlayer): readonly string[] {
  return heardBy.get(player) ?? [];
}

/**
 * The hits in the order to offer them when any of them would do: those not heard lately first,
 * shuffled; then the ones heard, longest ago first.
 */
export function variedOrder(hits: readonly CatalogHit[], heard: readonly string[], random: () => number = Math.random): CatalogHit[] {
  const heardAt = new Map(heard.map((id, i) => [id, i]));
  const fresh = hits.filter((h) => !heardAt.has(h.item.id));
  for (let i = fresh.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [fresh[i], fresh[j]] = [fresh[j]!, fresh[i]!];
  }
  const stale = hits.filter((h) => heardAt.has(h.item.id)).sort((a, b) => heardAt.get(b.item.id)! - heardAt.get(a.item.id)!);
  return [...fresh, ...stale];
}
