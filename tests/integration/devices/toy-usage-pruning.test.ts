// A toy's talking time is kept for the last week only: older days are deleted (and wiped from the
// database file's WAL), today's and the last six days' stay. Real SQLite file, fixed "now".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/database.ts';
import { localDay, pruneDeviceUsage, USAGE_KEEP_DAYS } from '../../../server/devices/device-usage.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('toy talking time retention', () => {
  it(`keeps the last ${USAGE_KEEP_DAYS} days of each toy and deletes older ones`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-usage-'));
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'hearth.db'));
    try {
      for (const id of ['bear', 'owl'])
        db.prepare('INSERT INTO devices (id, name, credential_hash) VALUES (?, ?, ?)').run(id, id, 'x');
      const now = new Date(2026, 11, 2, 9, 30); // local time
      const daysAgo = (n: number) => localDay(new Date(2026, 11, 2 - n, 12));
      const insert = db.prepare('INSERT INTO device_usage (device_id, day, used_ms) VALUES (?, ?, ?)');
      for (const n of [0, 1, 6, 7, 30]) insert.run('bear', daysAgo(n), 60_000);
      insert.run('owl', daysAgo(8), 60_000);

      expect(pruneDeviceUsage(db, USAGE_KEEP_DAYS, now)).toBe(3);
      const left = db.prepare('SELECT device_id, day FROM device_usage ORDER BY device_id, day').all();
      expect(left).toEqual([
        { device_id: 'bear', day: daysAgo(6) },
        { device_id: 'bear', day: daysAgo(1) },
        { device_id: 'bear', day: daysAgo(0) },
      ]);
      // Pruning again finds nothing more to delete.
      expect(pruneDeviceUsage(db, USAGE_KEEP_DAYS, now)).toBe(0);
      // The write-ahead log was checkpointed and cut, so the deleted rows are not left there.
      expect(fs.statSync(path.join(dir, 'hearth.db-wal')).size).toBe(0);
    } finally {
      db.close();
    }
  });
});
