// Sizes for people, the same everywhere Hearth shows one (Settings, download progress, the models
// CLI): binary units (1 KB = 1024 bytes), as browsers and file managers report storage.

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * 1536 -> "1.5 KB", 734003200 -> "700 MB"; no decimals from 100 up. `unknown` is what a missing
 * or invalid size reads as ("size unknown"; a table may prefer "?").
 */
export function formatBytes(bytes: number | null | undefined, unknown = 'size unknown'): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return unknown;
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const text = value.toFixed(digits).replace(/\.0+$|(\.\d*[1-9])0+$/, '$1');
  return `${text} ${UNITS[unit] ?? 'TB'}`;
}
