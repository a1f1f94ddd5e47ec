// Conversation time per local day, for daily time limits.

import { reportingWrite } from './data-errors.ts';
import type { HearthDb } from './db.ts';

export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export class UsageRepository {
  constructor(private readonly db: HearthDb) {}

  async usedOn(date: Date): Promise<number> {
    return (await this.db.usage.get(localDay(date)))?.ms ?? 0;
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
