// The media library on the server, assembled: first-run starter library, scan on start and on
// change, the Voy index rebuilt after every change (off the request path), server-side search,
// and admin edits. The HTTP routes and the agent talk to this one object.
import fs from 'node:fs/promises';
import type { HearthDatabase } from '../db/database.ts';
import { SettingsRepository } from '../db/settings.ts';
import { loadNodeEmbedder, readyEmbeddingsPack, type NodeEmbedder } from '../engines/embedder.ts';
import type { ModelStore } from '../models/store.ts';
import { CatalogEditor } from './editor.ts';
import { DEFAULT_MEDIA_LIMITS, type MediaLimits } from './media-limits.ts';
import { CatalogRepository } from './repository.ts';
import { cleanStaging } from './staging.ts';
import { scanMediaFolder, type ScanReport } from './scanner.ts';
import { SemanticIndex } from './semantic-index.ts';
import { ServerCatalog } from './server-search.ts';
import { installStarterLibrary, STARTER_VERSION } from './starter/install-starter.ts';
import { watchMediaFolder, type FolderWatcher } from './watcher.ts';

export interface CatalogLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface CatalogServiceOptions {
  mediaDir: string;
  db: HearthDatabase;
  models: ModelStore;
  log: CatalogLog;
  /** Build the starter library on first run (default true). */
  starter?: boolean;
  /** Rescan when the folder changes (default true). */
  watch?: boolean;
  /** How much audio one file may hold (default DEFAULT_MEDIA_LIMITS). */
  limits?: MediaLimits;
}

const STARTER_SETTING = 'catalog.starterVersion';

export type CatalogPhase = 'starting' | 'ready';

export class CatalogService {
  readonly repo: CatalogRepository;
  readonly index: SemanticIndex;
  readonly search: ServerCatalog;
  readonly editor: CatalogEditor;
  private watcher: FolderWatcher | null = null;
  private scanning: Promise<ScanReport> | null = null;
  private rescanQueued = false;
  private embedder: Promise<NodeEmbedder | null> | null = null;
  private embedderPack: string | null = null;
  private startup: Promise<void> | null = null;
  private closed = false;
  private readonly stopping = new AbortController();
  private readonly stagingCleaned: Promise<void>;
  phase: CatalogPhase = 'starting';

  constructor(private readonly options: CatalogServiceOptions) {
    this.repo = new CatalogRepository(options.db);
    this.index = new SemanticIndex(
      this.repo,
      () => this.currentEmbedder(),
      (err) => options.log.error({ err }, 'catalog index build failed'),
    );
    this.search = new ServerCatalog(this.repo, this.index, () => this.currentEmbedder());
    // Leftovers of a crashed run go before the first upload can start (the editor waits for it).
    this.stagingCleaned = cleanStaging(options.mediaDir).then(
      ({ removed, bytes }) => {
        if (removed > 0) options.log.info({ removed, bytes }, 'removed unfinished uploads left by an earlier run');
      },
      (err: unknown) => options.log.error({ err }, 'could not clean the upload staging folder'),
    );
    this.editor = new CatalogEditor(options.mediaDir, this.repo, this.limits, this.stagingCleaned);
  }

  get mediaDir(): string {
    return this.options.mediaDir;
  }

  get limits(): MediaLimits {
    return this.options.limits ?? DEFAULT_MEDIA_LIMITS;
  }

  /** Starts in the background: starter library, first scan, index, watcher. Resolves when all are done. */
  start(): Promise<void> {
    this.startup ??= this.run().catch((err: unknown) => {
      this.options.log.error({ err }, 'media library failed to start');
    });
    return this.startup;
  }

  /** Resolves once the first scan and index build are finished. */
  whenReady(): Promise<void> {
    return this.start();
  }

  /** Scans now (coalescing with a scan in progress) and rebuilds the index if anything changed. */
  rescan(): Promise<ScanReport> {
    if (this.scanning) {
      this.rescanQueued = true;
      return this.scanning;
    }
    this.scanning = (async () => {
      let report: ScanReport;
      do {
        this.rescanQueued = false;
        report = await scanMediaFolder(this.options.mediaDir, this.repo, this.limits);
        if (report.problems.length > 0)
          this.options.log.warn({ problems: report.problems }, 'some media files could not be added');
        if (report.added + report.updated + report.removed > 0 || !this.index.current()) this.index.schedule();
      } while (this.rescanQueued && !this.closed);
      return report;
    })().finally(() => {
      this.scanning = null;
    });
    return this.scanning;
  }

  /** Rebuilds the index when the ready embeddings pack is not the one it was built with (installed, removed). */
  async refreshModel(): Promise<void> {
    const index = this.index.current();
    if (!index || this.index.building || this.closed) return;
    if ((await readyEmbeddingsPack(this.options.models)) !== index.model) this.index.schedule();
  }

  /** Called after an admin edit changed the catalog directly. */
  changed(): void {
    this.index.schedule();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopping.abort();
    await this.watcher?.close();
    await this.startup;
    await this.scanning?.catch(() => undefined);
    await this.index.rebuild().catch(() => undefined);
    this.index.close();
    const embedder = await this.embedder?.catch(() => null);
    await embedder?.dispose();
  }

  private async run(): Promise<void> {
    await fs.mkdir(this.options.mediaDir, { recursive: true });
    await this.stagingCleaned; // before the starter library writes its temp files
    if (this.options.starter !== false) await this.installStarterOnce();
    if (this.closed) return;
    await this.rescan();
    await this.index.rebuild();
    // Packs whose hashes were not yet checked become ready after verification: index with them then.
    void this.options.models
      .verifyInBackground()
      .then(() => this.refreshModel())
      .catch(() => undefined);
    if (this.options.watch !== false && !this.closed)
      this.watcher = watchMediaFolder(
        this.options.mediaDir,
        () => void this.rescan().catch((err: unknown) => this.options.log.error({ err }, 'media rescan failed')),
      );
    this.phase = 'ready';
  }

  /** Once per starter version: a parent who deletes a starter item does not get it back on restart. */
  private async installStarterOnce(): Promise<void> {
    const settings = new SettingsRepository(this.options.db);
    if ((settings.get<number>(STARTER_SETTING) ?? 0) >= STARTER_VERSION) return;
    try {
      const report = await installStarterLibrary(this.options.mediaDir, { signal: this.stopping.signal });
      if (this.stopping.signal.aborted) return;
      settings.set(STARTER_SETTING, STARTER_VERSION);
      this.options.log.info(
        { written: report.written.length, asText: report.asText.length, narrator: report.narrator },
        'starter library installed',
      );
    } catch (err) {
      this.options.log.error({ err }, 'starter library could not be installed');
    }
  }

  /** The embedder for the ready embeddings pack, reloaded when the pack changes; null without one. Toy memories share it. */
  async currentEmbedder(): Promise<NodeEmbedder | null> {
    const packId = await readyEmbeddingsPack(this.options.models);
    if (packId !== this.embedderPack || !this.embedder) {
      const previous = this.embedder;
      this.embedderPack = packId;
      this.embedder = packId
        ? loadNodeEmbedder(this.options.models, packId).catch((err: unknown) => {
            this.options.log.error({ err, packId }, 'embedding model failed to load; using title and tag search');
            return null;
          })
        : Promise.resolve(null);
      void previous?.then((e) => e?.dispose()).catch(() => undefined);
    }
    return this.embedder;
  }
}
