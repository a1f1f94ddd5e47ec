// One model installation at a time, run by the home server for a parent in the browser: packs
// downloaded (resumable, hash-checked) or imported from a folder, with per-file progress, speed
// and time left that any page can read back, so a reload or a second tab sees the same job.
import { requirePack } from './context.ts';
import { DownloadCancelledError } from './download.ts';
import { downloadPack, type PackDownloadOptions } from './download-packs.ts';
import { importFromFolder } from './import.ts';
import type { ModelStore } from './store.ts';
import type { InstallFileProgress, InstallState, InstallStatus } from '../../src/core/model-setup.ts';

export type { InstallFileProgress, InstallState, InstallStatus } from '../../src/core/model-setup.ts';

export class InstallBusyError extends Error {
  constructor() {
    super('Models are already being installed; wait for that to finish or cancel it first.');
    this.name = 'InstallBusyError';
  }
}

export interface InstallerOptions {
  /** A LAN mirror (or test server) with the public sources' paths. */
  mirror?: string | null;
  /** Retry and timeout settings for each download (tests shorten them). */
  download?: Pick<PackDownloadOptions, 'retries' | 'retryDelayMs' | 'requestTimeoutMs' | 'idleTimeoutMs'>;
}

/** Speed over the last few seconds, so a stall shows quickly and a burst does not promise too much. */
const SPEED_WINDOW_MS = 5_000;
const SAMPLE_EVERY_MS = 250;

export class ModelInstaller {
  private current: InstallStatus = idleStatus();
  private abort: AbortController | null = null;
  private running: Promise<void> = Promise.resolve();
  private samples: { at: number; bytes: number }[] = [];

  constructor(
    private readonly store: ModelStore,
    private readonly opts: InstallerOptions = {},
  ) {}

  status(): InstallStatus {
    const out = structuredClone(this.current);
    if (out.state === 'running') {
      out.bytesPerSecond = this.speed();
      const left = out.bytesTotal === null ? null : out.bytesTotal - out.bytesDone;
      out.secondsLeft = left !== null && out.bytesPerSecond > 0 ? Math.ceil(left / out.bytesPerSecond) : null;
    }
    return out;
  }

  /** Resolves when the job in progress (if any) has ended. */
  settled(): Promise<void> {
    return this.running;
  }

  /** Starts downloading these packs; files already here are kept, half-downloaded ones resume. */
  startDownload(packIds: string[]): InstallStatus {
    const packs = [...new Set(packIds)].map((id) => requirePack(this.store.context, id));
    this.begin('download', packs.map((p) => p.id));
    for (const pack of packs)
      for (const file of pack.files)
        if (file.source.kind === 'url') this.file(`${pack.id}/${file.path}`, file.bytes ?? file.approxBytes ?? null);
    this.totals();
    const signal = this.abort!.signal;
    this.running = this.run(async () => {
      for (const pack of packs) {
        await downloadPack(this.store.context, pack.id, {
          ...this.opts.download,
          mirror: this.opts.mirror ?? null,
          signal,
          onFileStart: (label, total) => this.update(label, { state: 'working', bytesTotal: total }),
          onProgress: (p) => this.update(p.label, { state: 'working', bytesDone: p.bytesDone, bytesTotal: p.bytesTotal }),
          onFileDone: (label) => {
            const f = this.file(label, null);
            this.update(label, { state: 'done', bytesDone: f.bytesTotal ?? f.bytesDone });
          },
        });
      }
    });
    return this.status();
  }

  /** Copies every pack found in a folder (a USB stick), hashing each file on the way in. */
  startImport(dir: string): InstallStatus {
    this.begin('import', []);
    this.running = this.run(async () => {
      const results = await importFromFolder(this.store.context, {
        dir,
        onFile: (r) => {
          if (!this.current.packs.includes(r.packId)) this.current.packs.push(r.packId);
          this.update(`${r.packId}/${r.path}`, { state: r.outcome === 'rejected' ? 'failed' : 'done' });
        },
      });
      if (results.length === 0) throw new Error(`No model packs were found in ${dir}.`);
      const rejected = results.filter((r) => r.outcome === 'rejected');
      if (rejected.length > 0)
        throw new Error(
          `${rejected.length} file(s) did not match what Hearth expects and were not used (damaged copy?): ${rejected.map((r) => `${r.packId}/${r.path}`).join(', ')}.`,
        );
    });
    return this.status();
  }

  /** Stops the download; what arrived is kept, so installing again resumes. */
  cancel(): boolean {
    if (this.current.state !== 'running' || !this.abort) return false;
    this.abort.abort();
    return true;
  }

  private begin(kind: 'download' | 'import', packs: string[]): void {
    if (this.current.state === 'running') throw new InstallBusyError();
    this.abort = new AbortController();
    this.samples = [];
    this.current = { ...idleStatus(), state: 'running', kind, packs, startedAt: new Date().toISOString() };
  }

  private async run(job: () => Promise<void>): Promise<void> {
    try {
      await job();
      this.finish('done', null);
    } catch (err) {
      if (err instanceof DownloadCancelledError || this.abort?.signal.aborted) this.finish('cancelled', null);
      else this.finish('failed', err instanceof Error ? err.message : String(err));
    }
  }

  private finish(state: InstallState, error: string | null): void {
    for (const f of this.current.files) if (f.state === 'working') f.state = state === 'failed' ? 'failed' : 'waiting';
    this.current.state = state;
    this.current.error = error;
    this.current.bytesPerSecond = 0;
    this.current.secondsLeft = null;
    this.current.finishedAt = new Date().toISOString();
    this.abort = null;
  }

  /** The file's row, added when first seen (index files name more files as they arrive). */
  private file(label: string, bytesTotal: number | null): InstallFileProgress {
    let row = this.current.files.find((f) => f.label === label);
    if (!row) {
      row = { label, state: 'waiting', bytesDone: 0, bytesTotal };
      this.current.files.push(row);
    }
    return row;
  }

  private update(label: string, change: Partial<InstallFileProgress>): void {
    Object.assign(this.file(label, null), change);
    this.totals();
  }

  private totals(): void {
    const files = this.current.files;
    this.current.bytesDone = files.reduce((sum, f) => sum + f.bytesDone, 0);
    this.current.bytesTotal = files.every((f) => f.bytesTotal !== null)
      ? files.reduce((sum, f) => sum + (f.bytesTotal ?? 0), 0)
      : null;
    const now = Date.now();
    const last = this.samples.at(-1);
    if (last && now - last.at < SAMPLE_EVERY_MS) last.bytes = this.current.bytesDone;
    else this.samples.push({ at: now, bytes: this.current.bytesDone });
  }

  /** Bytes per second over the last few seconds; falls to 0 when nothing arrives (a stall). */
  private speed(): number {
    const now = Date.now();
    while (this.samples.length > 1 && this.samples[0]!.at < now - SPEED_WINDOW_MS) this.samples.shift();
    const first = this.samples[0];
    if (!first) return 0;
    const seconds = (now - first.at) / 1000;
    return seconds > 0 ? Math.max(0, (this.current.bytesDone - first.bytes) / seconds) : 0;
  }
}

function idleStatus(): InstallStatus {
  return {
    state: 'idle',
    kind: null,
    packs: [],
    files: [],
    bytesDone: 0,
    bytesTotal: null,
    bytesPerSecond: 0,
    secondsLeft: null,
    error: null,
    startedAt: null,
    finishedAt: null,
  };
}
