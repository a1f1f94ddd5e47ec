// The page's one model download manager (src/models-cache), as reactive state for the Talk and
// Settings screens, fed with the packs the engine plan will load.
import type { EnginePlan } from '../../engines/select.ts';
import {
  ModelDownloadManager,
  type DownloadSnapshot,
  type EnsureOutcome,
} from '../../models-cache/download-manager.ts';
import { packFiles, type ListedRole } from '../../models-cache/wanted-packs.ts';
import { settleable } from '../../core/settleable.ts';
import { plannedPackIds } from './planned-packs.ts';

export { formatTimeLeft } from '../../models-cache/progress.ts';
// What the screens show of a file's download and of a stored pack, named here for src/ui.
export type { FileDownloadState } from '../../models-cache/download-manager.ts';
export type { CachedPack } from '../../models-cache/cache-store.ts';

/** Cache Storage exists only in secure contexts (https, localhost). */
export function modelCacheSupported(): boolean {
  return typeof caches !== 'undefined' && globalThis.isSecureContext !== false;
}

/**
 * Settles once a service worker controls this page: at once on a later visit; on a first visit once
 * the new one claims the page (never when none is coming: the caller races it with every pack kept).
 */
function serviceWorkerControls(): Promise<void> {
  const container = globalThis.navigator?.serviceWorker;
  if (!container || container.controller) return Promise.resolve();
  return new Promise<void>((resolve) => container.addEventListener('controllerchange', () => resolve(), { once: true }));
}

/** The packs an engine plan keeps on this device: the whole run's outcome, and each pack's own end. */
export interface KeptPacks {
  outcome: Promise<EnsureOutcome>;
  settled(packId: string | null): Promise<void>;
}

class ModelDownloads {
  snapshot = $state<DownloadSnapshot>({ files: [], running: false, fetching: false, error: null });
  /** Pack titles seen in the server's list, for the storage panel. */
  titles = $state<Record<string, string>>({});
  /** A download has just completed: "all ready" stays on screen for a moment. */
  justFinished = $state(false);
  readonly manager = new ModelDownloadManager();
  private finishedTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    this.manager.subscribe((snapshot) => {
      const finished =
        this.snapshot.running &&
        !snapshot.running &&
        snapshot.fetching &&
        snapshot.files.every((f) => f.status === 'cached');
      this.snapshot = snapshot;
      if (snapshot.running) this.showFinished(false);
      else if (finished) this.showFinished(true);
    });
  }

  /** Something to show: files being fetched, or paused or failed ones (nothing when all were cached). */
  get pending(): boolean {
    const { files, running, fetching } = this.snapshot;
    if (files.some((f) => f.status === 'paused' || f.status === 'failed')) return true;
    return this.justFinished || (fetching && (running || files.some((f) => f.status !== 'cached')));
  }

  private showFinished(on: boolean): void {
    if (this.finishedTimer) clearTimeout(this.finishedTimer);
    this.finishedTimer = on ? setTimeout(() => this.showFinished(false), 4_000) : null;
    this.justFinished = on;
  }

  /**
   * Keeps the packs `plan` uses on this device, one after another. Never throws: problems show in
   * the progress panel, and the engines can still load straight from the server. `settled(packId)`
   * resolves once that pack is kept (or its download failed, or the run ended without it), so each
   * engine can start as soon as its own pack is in, not after every pack.
   */
  keepForPlan(plan: EnginePlan, roles: readonly ListedRole[]): KeptPacks {
    if (!modelCacheSupported()) {
      const outcome: EnsureOutcome = {
        kind: 'failed',
        error: 'This page cannot keep files (it is not a secure context).',
      };
      return { outcome: Promise.resolve(outcome), settled: () => Promise.resolve() };
    }
    const packs = packFiles(roles, plannedPackIds(plan, roles), location.origin);
    this.titles = { ...this.titles, ...Object.fromEntries(packs.map((p) => [p.id, p.title])) };
    const waiting = new Map(packs.map((pack) => [pack.id, settleable()]));
    const controlled = serviceWorkerControls();
    const outcome = this.manager
      .ensure(packs, (packId) => waiting.get(packId)?.settle())
      .catch((error: unknown): EnsureOutcome => ({
        kind: 'failed',
        error: error instanceof Error ? error.message : String(error),
      }))
      .finally(() => {
        for (const pack of waiting.values()) pack.settle();
      });
    const allSettled = outcome.then(() => undefined);
    return {
      outcome,
      // A kept pack serves its engine only through the service worker: on a first visit, until the
      // new worker controls the page, an engine would download its pack a second time. It then
      // waits for that worker, or for every pack (whichever comes first).
      settled: (packId) => {
        const own = (packId === null ? undefined : waiting.get(packId))?.promise ?? Promise.resolve();
        return Promise.race([allSettled, Promise.all([own, controlled]).then(() => undefined)]);
      },
    };
  }

  cancel(): void {
    this.manager.cancel();
  }

  resume(): Promise<EnsureOutcome> {
    return this.manager.resume();
  }
}

export const modelDownloads = new ModelDownloads();
