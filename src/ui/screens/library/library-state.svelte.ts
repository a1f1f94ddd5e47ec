// The Library screen's reactive view of the shared media runtime: items, search results, the
// player's state, and the admin session for managing items.
import type { CatalogHit, MediaItem, MediaKind } from '../../../core/media/types.ts';
import { mediaRuntime, type MediaPlayerState } from '../../../app/media/media-runtime.ts';
import { libraryProblem } from './library-problem.ts';

export type KindFilter = 'all' | MediaKind;

export class LibraryState {
  readonly runtime = mediaRuntime();
  items = $state<MediaItem[]>([]);
  results = $state<CatalogHit[] | null>(null);
  query = $state('');
  kind = $state<KindFilter>('all');
  loading = $state(true);
  searching = $state(false);
  error = $state<string | null>(null);
  searchMode = $state<'semantic' | 'lexical'>('lexical');
  player = $state<MediaPlayerState>(this.runtime.player.state);
  adminToken = $state<string | null>(null);

  readonly visible = $derived.by((): MediaItem[] => {
    const list = this.results ? this.results.map((h) => h.item) : this.items;
    return this.kind === 'all' ? list : list.filter((i) => i.kind === this.kind);
  });

  /** Subscribes to the player and loads the catalog; returns the cleanup for onMount. */
  start(): () => void {
    const unsubscribe = this.runtime.player.subscribe((state) => (this.player = state));
    void this.reload();
    return unsubscribe;
  }

  async reload(): Promise<void> {
    this.loading = true;
    try {
      const listing = await this.runtime.catalog.refresh();
      this.items = listing.items;
      this.searchMode = this.runtime.catalog.mode;
      this.error = null;
      if (this.results) await this.search();
    } catch (err) {
      this.error = libraryProblem('load', err, navigator.onLine);
    } finally {
      this.loading = false;
    }
  }

  async search(): Promise<void> {
    const text = this.query.trim();
    if (!text) {
      this.results = null;
      return;
    }
    this.searching = true;
    try {
      this.results = await this.runtime.catalog.search({
        text,
        limit: 20,
        ...(this.kind !== 'all' ? { kind: this.kind } : {}),
      });
      this.searchMode = this.runtime.catalog.mode;
    } catch (err) {
      this.error = libraryProblem('search', err, navigator.onLine);
    } finally {
      this.searching = false;
    }
  }

  clearSearch(): void {
    this.query = '';
    this.results = null;
  }

  async play(item: MediaItem): Promise<void> {
    const player = this.runtime.player;
    player.unlock(); // inside the click: autoplay policies want a gesture
    const rest = this.visible.filter((i) => i.id !== item.id && i.kind === item.kind);
    await player.play(item, { upNext: rest }).catch(() => undefined);
  }
}
