// Runs this browser's retention (src/data/retention.ts) when the app starts, once a day while it
// stays open, when a memory's forget date comes, and whenever a parent changes what is kept.

import { hearthDb, type HearthDb } from '../../data/db.ts';
import { deleteExpiredData, type RetentionResult } from '../../data/retention.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionChoreOptions {
  db?: HearthDb;
  now?: () => number;
  /** Told what was deleted (and about failures, which the next run retries). */
  onRun?: (result: RetentionResult) => void;
  onError?: (error: unknown) => void;
}

export class RetentionChore {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<RetentionResult | null> | null = null;
  private again = false;
  private stopped = false;
  private readonly db: HearthDb;
  private readonly now: () => number;

  constructor(private readonly options: RetentionChoreOptions = {}) {
    this.db = options.db ?? hearthDb();
    this.now = options.now ?? (() => Date.now());
  }

  /** Deletes what has expired now; a call while one runs makes it run once more after. */
  runNow(): Promise<RetentionResult | null> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runLoop().finally(() => (this.running = null));
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async runLoop(): Promise<RetentionResult | null> {
    let result: RetentionResult | null = null;
    do {
      this.again = false;
      try {
        result = await deleteExpiredData(this.db, this.now());
        this.options.onRun?.(result);
      } catch (error) {
        this.options.onError?.(error);
      }
    } while (this.again && !this.stopped);
    this.schedule(result?.nextMemoryExpiry ?? null);
    return result;
  }

  /** Next run: in a day, or sooner when a memory's forget date comes first. */
  private schedule(nextMemoryExpiry: number | null): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const untilExpiry = nextMemoryExpiry === null ? DAY_MS : Math.max(0, nextMemoryExpiry - this.now()) + 1;
    this.timer = setTimeout(() => void this.runNow(), Math.min(DAY_MS, untilExpiry));
  }
}

let shared: RetentionChore | null = null;

/** The page's retention chore, started on first call. */
export function retentionChore(): RetentionChore {
  if (!shared) {
    shared = new RetentionChore({ onError: (error) => console.warn('Hearth: retention could not run now', error) });
    void shared.runNow();
  }
  return shared;
}
