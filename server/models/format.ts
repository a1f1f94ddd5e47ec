// Human-readable sizes, speeds and plain-text tables for the CLI.
import { formatBytes as formatCoreBytes } from '../../src/core/format-bytes.ts';

/** Sizes as Settings shows them (src/core/format-bytes.ts); '?' when unknown, to keep table columns narrow. */
export function formatBytes(bytes: number | null): string {
  return formatCoreBytes(bytes, '?');
}

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
