// Keeps the model packs this device needs in Cache Storage: checks what is already there,
// downloads the rest one file at a time with progress, and can be cancelled and resumed (a
// cancelled file keeps its partial bytes and continues with a Range request).
import { checkCached, clearAll, clearPack, listCached, type CachedPack } from './cache-store.ts';
import { downloadFile, partialKey, type FilePhase } from './downloader.ts';
import { isAbort, ModelCacheError } from './errors.ts';
import { openPartialStore, type PartialStore } from './partial-store.ts';
import { progressOf, type TransferProgress } from './progress.ts';
import type { ModelFile, ModelPackFiles } from './wanted-packs.ts';

export type FileStatus = 'queued' | 'checking' | FilePhase | 'cached' | 'paused' | 'failed';

export interface FileDownloadState {
  packId: string;
  packTitle: string;
  path: string;
  url: string;
  status: FileStatus;
  progress: TransferProgress;
  error: string | null;
}

export interface DownloadSnapshot {
  files: FileDownloadState[];
  running: boolean;
  /** This run has had to download at least one file (only then is there progress to show). */
  fetching: boolean;
  /** The problem that stopped the last run (quota, network...), if any. */
  error: string | null;
}

export type EnsureOutcome =
  { kind: 'ready'; downloaded: number } | { kind: 'cancelled' } | { kind: 'failed'; error: string };

type Listener = (snapshot: DownloadSnapshot) => void;

export class ModelDownloadManager {
  private files: FileDownloadState[] = [];
  private error: string | null = null;
  private fetching = false;
  private packs: ModelPackFiles[] = [];
  private controller: AbortController | null = null;
  private run: Promise<EnsureOutcome> | null = null;
  private readonly listeners = new Set<Listener>();
  private partials: Promise<PartialStore> | null = null;
  private persistRequested = false;

  constructor(private readonly openPartials: () => Promise<PartialStore> = openPartialStore) {}

  snapshot(): DownloadSnapshot {
    return {
      files: this.files.map((f) => ({ ...f })),
      running: this.run !== null,
      fetching: this.fetching,
      error: this.error,
    };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.snapshot());
    return () => this.listeners.delete(listener);
  }

  /**
   * Makes sure every file of `packs` is cached, in their order; a run already going finishes first.
   * `onPackSettled` hears of each pack as its last file is done (kept or failed), so its engine can
   * start while the next packs download; a pack the run never reached hears nothing.
   */
  async ensure(packs: ModelPackFiles[], onPackSettled?: (packId: string) => void): Promise<EnsureOutcome> {
    while (this.run) await this.run.catch(() => undefined);
    this.packs = packs;
    const run = this.runAll(packs, onPackSettled).finally(() => {
      this.run = null;
      this.controller = null;
      this.emit();
    });
    this.run = run;
    return run;
  }

  /** Stops the current download; its bytes are kept so `resume` continues where it stopped. */
  cancel(): void {
    this.controller?.abort();
  }

  /** Continues the last set of packs (after a cancel or a failure). */
  resume(): Promise<EnsureOutcome> {
    return this.ensure(this.packs);
  }

  listCached(): Promise<CachedPack[]> {
    return listCached();
  }

  async clearPack(packId: string): Promise<void> {
    await this.idle();
    await clearPack(packId);
    await (await this.partialStore()).removeAll(`${packId}/`);
    this.forget((f) => f.packId === packId);
  }

  async clearAll(): Promise<void> {
    await this.idle();
    await clearAll();
    await (await this.partialStore()).removeAll('');
    this.forget(() => true);
  }

  /** Cancels a run and waits for it to settle (clearing under a running download would race it). */
  private async idle(): Promise<void> {
    this.cancel();
    await this.run?.catch(() => undefined);
  }

  private forget(which: (f: FileDownloadState) => boolean): void {
    this.files = this.files.filter((f) => !which(f));
    this.error = null;
    this.emit();
  }

  private partialStore(): Promise<PartialStore> {
    this.partials ??= this.openPartials();
    return this.partials;
  }

  private async runAll(packs: ModelPackFiles[], onPackSettled?: (packId: string) => void): Promise<EnsureOutcome> {
    const controller = new AbortController();
    this.controller = controller;
    this.error = null;
    this.fetching = false;
    const wanted = packs.flatMap((pack) => pack.files.map((file) => ({ file, title: pack.title })));
    this.files = wanted.map(({ file, title }) => ({
      packId: file.packId,
      packTitle: title,
      path: file.path,
      url: file.url,
      status: 'queued',
      progress: progressOf(0, file.bytes, null),
      error: null,
    }));
    this.emit();
    const lastFileOfPack = new Map(wanted.map(({ file }, index) => [file.packId, index]));
    let downloaded = 0;
    let failed: string | null = null;
    for (const [index, { file }] of wanted.entries()) {
      if (controller.signal.aborted) {
        this.markRest(index, 'paused');
        return { kind: 'cancelled' };
      }
      try {
        if (await this.fetchIfMissing(index, file, controller.signal)) downloaded++;
      } catch (error) {
        if (isAbort(error)) {
          this.markRest(index, 'paused');
          return { kind: 'cancelled' };
        }
        const message = error instanceof Error ? error.message : String(error);
        this.update(index, { status: 'failed', error: message });
        failed ??= message;
        // Without room or without the server, the other files would fail the same way.
        if (error instanceof ModelCacheError && (error.kind === 'quota' || error.kind === 'network')) {
          this.markRest(index + 1, 'paused');
          break;
        }
      }
      if (lastFileOfPack.get(file.packId) === index) onPackSettled?.(file.packId);
    }
    this.error = failed;
    return failed ? { kind: 'failed', error: failed } : { kind: 'ready', downloaded };
  }

  /** True when the file had to be downloaded. */
  private async fetchIfMissing(index: number, file: ModelFile, signal: AbortSignal): Promise<boolean> {
    this.update(index, { status: 'checking' });
    const check = await checkCached(file);
    if (check.kind === 'cached') {
      this.update(index, { status: 'cached', progress: progressOf(file.bytes ?? 0, file.bytes ?? 0, null) });
      return false;
    }
    this.fetching = true;
    await this.requestPersistence();
    const partials = await this.partialStore();
    const have = await partials.file(partialKey(file)).size();
    this.update(index, { status: 'downloading', progress: progressOf(have, file.bytes, null) });
    const result = await downloadFile(file, {
      partials,
      signal,
      onProgress: (phase, progress) => this.update(index, { status: phase, progress }),
    });
    this.update(index, { status: 'cached', progress: progressOf(result.bytes, result.bytes, null) });
    return true;
  }

  /** Asks once for persistent storage, so the browser does not evict models under pressure. */
  private async requestPersistence(): Promise<void> {
    if (this.persistRequested) return;
    this.persistRequested = true;
    await navigator.storage?.persist?.().catch(() => false);
  }

  private markRest(from: number, status: 'paused'): void {
    this.files = this.files.map((f, i) =>
      i >= from && f.status !== 'cached' && f.status !== 'failed' ? { ...f, status } : f,
    );
    this.emit();
  }

  private update(index: number, change: Partial<FileDownloadState>): void {
    this.files = this.files.map((f, i) => (i === index ? { ...f, ...change } : f));
    this.emit();
  }

  private emit(): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }
}
