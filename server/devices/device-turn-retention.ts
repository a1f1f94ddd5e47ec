// How long toys' conversation history is kept (--toy-history-days): pruned at start and once a day.
import type { DeviceTurnStore } from './device-turn-store.ts';

const DAY_MS = 24 * 3600 * 1000;

/** Prunes now and every day; returns the function that stops it. 0 days deletes what was kept before. */
export function keepToyHistoryFor(
  days: number,
  store: Pick<DeviceTurnStore, 'prune'>,
  onProblem: (message: string, error: unknown) => void,
  onPruned: (deleted: number) => void = () => {},
): () => void {
  const prune = () => {
    try {
      const deleted = store.prune(days);
      if (deleted > 0) onPruned(deleted);
    } catch (error) {
      onProblem('Old toy conversation history could not be deleted.', error);
    }
  };
  prune();
  const timer = setInterval(prune, DAY_MS);
  // A daily chore must not keep the process alive.
  timer.unref();
  return () => clearInterval(timer);
}
