// Export and import of what Hearth remembers (memories, conversations and their turns) as a JSON
// file in dexie-export-import's format. Import merges: rows with the same id are overwritten.

import { exportDB, importInto, peakImportFile } from 'dexie-export-import';
import { reportingWrite } from './data-errors.ts';
import type { HearthDb } from './db.ts';

export const BACKUP_TABLES = ['memories', 'conversations', 'turns'] as const;

export class BackupFormatError extends Error {
  override name = 'BackupFormatError';
}

export function exportMemories(db: HearthDb): Promise<Blob> {
  return exportDB(db, {
    prettyJson: true,
    skipTables: db.tables.map((t) => t.name).filter((name) => !(BACKUP_TABLES as readonly string[]).includes(name)),
  });
}

/** Imports a file made by `exportMemories`; returns how many rows came in. */
export async function importMemories(db: HearthDb, file: Blob): Promise<number> {
  let meta;
  try {
    meta = await peakImportFile(file);
  } catch {
    throw new BackupFormatError('This file is not a Hearth memory export.');
  }
  if (meta.formatName !== 'dexie' || !meta.data.tables.some((t) => (BACKUP_TABLES as readonly string[]).includes(t.name))) {
    throw new BackupFormatError('This file is not a Hearth memory export.');
  }
  const rows = meta.data.tables.filter((t) => (BACKUP_TABLES as readonly string[]).includes(t.name)).reduce((sum, t) => sum + t.rowCount, 0);
  await reportingWrite('the imported memories', () =>
    importInto(db, file, {
      overwriteValues: true,
      acceptVersionDiff: true,
      acceptMissingTables: true,
      acceptNameDiff: true,
      filter: (table) => (BACKUP_TABLES as readonly string[]).includes(table),
    }),
  );
  return rows;
}

export function backupFileName(now = new Date()): string {
  return `hearth-memories-${now.toISOString().slice(0, 10)}.json`;
}
