import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.ts';

export type HearthDatabase = Database.Database;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Opens (creating if needed) the server database and brings its schema up to date. */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): HearthDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  // WAL keeps readers (HTTP requests) from blocking on the agent's writes.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Deleted rows are overwritten with zeros, not just unlinked (see wipe-deleted.ts for the WAL).
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db, migrations);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

export function schemaVersion(db: HearthDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: HearthDatabase, migrations: readonly Migration[]): void {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new MigrationError(
      `database schema v${current} is newer than this Hearth (v${latest}); upgrade Hearth instead of downgrading`,
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    // Each migration and its version bump commit together, so a crash never leaves half a schema.
    const apply = db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    });
    try {
      apply();
    } catch (err) {
      throw new MigrationError(
        `migration ${m.version} (${m.name}) failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
