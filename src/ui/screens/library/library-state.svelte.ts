// The Library screen's reactive view of the shared media runtime: items, search results, the
// player's state, this device's favourites, what is new, and the admin session for managing items.
import type { CatalogHit, MediaItem, MediaKind } from '../../../core/media/types.ts';
import { favourites } from '../../../app/media/favourites.ts';
import { mediaRuntime, type MediaPlayerState } from '../../../app/media/media-runtime.ts';
import { newItems } from '../../../app/media/whats-new.ts';
import { libraryProblem } from './library-problem.ts';

export type KindFilter = 'all' | MediaKind | 'favourites';

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
  /** Ids of this device's favourite songs and stories. */
  favouriteIds = $state<ReadonlySet<string>>(new Set());
  /** When the list was last loaded: "new" is counted from then. */
  private loadedAt = $state(Date.now());

  readonly visible = $derived.by((): MediaItem[] => {
    const list = this.results ? this.results.map((h) => h.item) : this.items;
    if (this.kind === 'all') return list;
    if (this.kind === 'favourites') return list.filter((i) => this.favouriteIds.has(i.id));
    return list.filter((i) => i.kind === this.kind);
  });

  /** Added by the household this week, newest first (of the chosen kind); empty while searching. */
  readonly fresh = $derived.by((): MediaItem[] => {
    if (this.results || this.kind === 'favourites') return [];
    const all = newItems(this.items, this.loadedAt);
    return this.kind === 'all' ? all : all.filter((i) => i.kind === this.kind);
  });

  /** Every new item's id, for its "New" badge wherever it is shown. */
  readonly freshIds = $derived(new Set(newItems(this.items, this.loadedAt).map((i) => i.id)));

  /** Subscribes to the player and the favourites and loads the catalog; returns the cleanup for onMount. */
  start(): () => void {
    const unsubscribe = this.runtime.player.subscribe((state) => (this.player = state));
    const unsubscribeFavourites = favourites().subscribe((ids) => (this.favouriteIds = ids));
    void this.reload();
    return () => {
      unsubscribe();
      unsubscribeFavourites();
    };
  }

  async toggleFavourite(item: MediaItem): Promise<void> {
    try {
      await favourites().toggle(item.id);
    } catch {
      this.error = 'Your favourite could not be saved on this device. Please try again.';
    }
  }

  async reload(): Promise<void> {
    this.loading = true;
    try {
      const listing = await this.runtime.catalog.refresh();
      this.items = listing.items;
      this.loadedAt = Date.now();
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
        ...(this.kind === 'song' || this.kind === 'story' ? { kind: this.kind } : {}),
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
