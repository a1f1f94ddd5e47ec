// How long toys' conversation history is kept (--toy-history-days): pruned at start and once a day.
import { dailyChore } from './daily-chore.ts';
import type { DeviceTurnStore } from './device-turn-store.ts';

/** Prunes now and every day; returns the function that stops it. 0 days deletes what was kept before. */
export function keepToyHistoryFor(
  days: number,
  store: Pick<DeviceTurnStore, 'prune'>,
  onProblem: (message: string, error: unknown) => void,
  onPruned: (deleted: number) => void = () => {},
): () => void {
  return dailyChore(
    () => {
      const deleted = store.prune(days);
      if (deleted > 0) onPruned(deleted);
    },
    (error) => onProblem('Old toy conversation history could not be deleted.', error),
  );
}
