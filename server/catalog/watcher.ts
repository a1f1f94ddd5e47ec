// Rescans the media folder when files change (chokidar), debounced so copying a whole album
// triggers one scan, and waiting for writes to settle so half-copied files are not read.
import { watch, type FSWatcher } from 'chokidar';

export interface FolderWatcher {
  close(): Promise<void>;
}

export function watchMediaFolder(mediaDir: string, onChange: () => void, debounceMs = 400): FolderWatcher {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const watcher: FSWatcher = watch(mediaDir, {
    ignoreInitial: true,
    // Hidden files and the upload staging folder are never library content.
    ignored: (file) => file !== mediaDir && /(^|[/\\])\./.test(file.slice(mediaDir.length)),
    awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 100 },
  });
  watcher.on('all', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
  });
  return {
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
