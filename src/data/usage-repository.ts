// Conversation time per local day, for daily time limits.

import { reportingWrite } from './data-errors.ts';
import type { HearthDb } from './db.ts';
import type { UsageRecord } from './records.ts';

export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export class UsageRepository {
  constructor(private readonly db: HearthDb) {}

  async usedOn(date: Date): Promise<number> {
    return (await this.db.usage.get(localDay(date)))?.ms ?? 0;
  }

  /** Every day's talking time, oldest first (the parent's data ledger). */
  all(): Promise<UsageRecord[]> {
    return this.db.usage.orderBy('day').toArray();
  }

  /** Deletes the days before `keepDays` days ago (only today counts for limits); how many. */
  async deleteOlderThan(keepDays: number, today: Date): Promise<number> {
    const first = new Date(today.getFullYear(), today.getMonth(), today.getDate() - keepDays + 1);
    return reportingWrite('deleting old talking time', () => this.db.usage.where('day').below(localDay(first)).delete());
  }

  async deleteAll(): Promise<void> {
    await reportingWrite('deleting talking time', () => this.db.usage.clear());
  }

  async add(date: Date, ms: number): Promise<void> {
    if (!(ms > 0)) return;
    const day = localDay(date);
    await reportingWrite('today’s talking time', () =>
      this.db.transaction('rw', this.db.usage, async () => {
        const used = (await this.db.usage.get(day))?.ms ?? 0;
        await this.db.usage.put({ day, ms: used + ms });
      }),
    );
  }
}
