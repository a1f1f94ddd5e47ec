// The Memory screen's backup file: every memory and conversation of this browser as JSON, and
// reading one back. Apart from memory-screen.ts because its library (dexie-export-import) loads
// browser globals; imported only when a parent asks, so the app's first script stays smaller.

import { hearthDb } from '../../data/db.ts';

const backupModule = () => import('../../data/memory-backup.ts');

/** The backup as a file, and the name to save it under. */
export async function memoryBackupFile(): Promise<{ blob: Blob; name: string }> {
  const { backupFileName, exportMemories } = await backupModule();
  return { blob: await exportMemories(hearthDb()), name: backupFileName() };
}

/** Reads a backup file back in; resolves to how many items it brought. */
export async function restoreMemoryBackup(file: Blob): Promise<number> {
  const { importMemories } = await backupModule();
  return importMemories(hearthDb(), file);
}
