import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError, openDatabase, schemaVersion } from '../../../server/db/database.ts';
import { MIGRATIONS } from '../../../server/db/migrations.ts';
import { SettingsRepository } from '../../../server/db/settings.ts';

const dirs: string[] = [];
function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-db-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'hearth.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('server database', () => {
  it('creates the file, applies every migration and keeps data across reopen', () => {
    const file = tempDb();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    new SettingsRepository(db).set('household', { name: 'The Parks', pinSet: false });
    db.close();

    const again = openDatabase(file);
    expect(new SettingsRepository(again).get('household')).toEqual({ name: 'The Parks', pinSet: false });
    again.close();
  });

  it('upgrades an older database step by step', () => {
    const file = tempDb();
    const v1 = openDatabase(file, MIGRATIONS.slice(0, 1));
    new SettingsRepository(v1).set('k', 1);
    v1.close();
    const extra = [...MIGRATIONS, { version: 1000, name: 'test-table', sql: 'CREATE TABLE t (x INTEGER) STRICT;' }];
    const db = openDatabase(file, extra);
    expect(schemaVersion(db)).toBe(1000);
    expect(new SettingsRepository(db).get('k')).toBe(1);
    db.close();
  });

  it('rolls back a failing migration and leaves the previous schema intact', () => {
    const file = tempDb();
    openDatabase(file).close();
    const broken = [
      ...MIGRATIONS,
      { version: 1000, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;' },
    ];
    expect(() => openDatabase(file, broken)).toThrow(MigrationError);
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database from a newer Hearth instead of corrupting it', () => {
    const file = tempDb();
    openDatabase(file, [...MIGRATIONS, { version: 1000, name: 'future', sql: 'SELECT 1;' }]).close();
    expect(() => openDatabase(file)).toThrow(/newer than this Hearth/);
  });

  it('stores only valid JSON settings', () => {
    const db = openDatabase(tempDb());
    expect(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('bad', '{not json')).toThrow();
    db.close();
  });
});
