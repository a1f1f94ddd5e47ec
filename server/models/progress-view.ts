// Download progress on the terminal: a bar per file (bytes, speed, ETA) on a TTY, plain lines otherwise.
import cliProgress from 'cli-progress';
import type { DownloadProgress } from './download.ts';
import type { FileOutcome } from './download-packs.ts';
import { formatBytes } from './format.ts';

export interface ProgressView {
  onFileStart(label: string, bytesTotal: number | null): void;
  onProgress(p: DownloadProgress): void;
  onFileDone(label: string, outcome: FileOutcome, sha256: string | null): void;
  /** Ends the current bar (e.g. before printing an error). */
  stop(): void;
}

export function createProgressView(out: NodeJS.WriteStream = process.stderr): ProgressView {
  const interactive = out.isTTY === true;
  let bar: cliProgress.SingleBar | null = null;
  const stop = (): void => {
    bar?.stop();
    bar = null;
  };
  return {
    onFileStart(label, bytesTotal) {
      stop();
      if (!interactive) {
        out.write(`downloading ${label}${bytesTotal === null ? '' : ` (${formatBytes(bytesTotal)})`}\n`);
        return;
      }
      bar = new cliProgress.SingleBar(
        {
          stream: out,
          format: '{label} |{bar}| {percentage}% {done}/{size} {speed} ETA {eta_formatted}',
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(bytesTotal ?? 0, 0, { label, done: formatBytes(0), size: formatBytes(bytesTotal), speed: '' });
    },
    onProgress(p) {
      if (!bar) return;
      if (p.bytesTotal !== null) bar.setTotal(p.bytesTotal);
      bar.update(p.bytesDone, {
        label: p.label,
        done: formatBytes(p.bytesDone),
        size: formatBytes(p.bytesTotal),
        speed: `${formatBytes(Math.round(p.bytesPerSecond))}/s`,
      });
    },
    onFileDone(label, outcome, sha256) {
      stop();
      const what = outcome === 'downloaded' ? 'downloaded' : outcome === 'npm-package' ? 'in npm package' : 'already present';
      out.write(`ok ${label} — ${what}${sha256 ? ` (sha256 ${sha256.slice(0, 12)}…)` : ''}\n`);
    },
    stop,
  };
}
