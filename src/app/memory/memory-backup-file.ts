// The Memory screen's backup file: every memory and conversation of this browser as JSON, and
// reading one back. Apart from memory-screen.ts because its library (dexie-export-import) loads
// browser globals.

import { hearthDb } from '../../data/db.ts';
import { backupFileName, exportMemories, importMemories } from '../../data/memory-backup.ts';

/** The backup as a file, and the name to save it under. */
export async function memoryBackupFile(): Promise<{ blob: Blob; name: string }> {
  return { blob: await exportMemories(hearthDb()), name: backupFileName() };
}

/** Reads a backup file back in; resolves to how many items it brought. */
export function restoreMemoryBackup(file: Blob): Promise<number> {
  return importMemories(hearthDb(), file);
}
