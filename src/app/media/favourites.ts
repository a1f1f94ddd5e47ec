// Favourite songs and stories, kept on this device (the settings store in IndexedDB): the Library's
// hearts. Changes are applied one after another, so quick taps on several hearts never lose one,
// and every screen of the page sees the same set.
import { hearthDb } from '../../data/db.ts';
import { MAX_FAVOURITES, SettingsRepository } from '../../data/settings-repository.ts';

type Listener = (ids: ReadonlySet<string>) => void;

export class Favourites {
  private ids: string[] = [];
  private loaded: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly settings: () => SettingsRepository = () => new SettingsRepository(hearthDb())) {}

  /** The favourite ids, loaded from this device on first use. */
  async load(): Promise<ReadonlySet<string>> {
    this.loaded ??= this.settings()
      .get('favouriteItemIds')
      .then((ids) => {
        this.ids = ids;
      })
      .catch((err: unknown) => {
        this.loaded = null; // try again next time
        throw err;
      });
    await this.loaded;
    return this.current();
  }

  current(): ReadonlySet<string> {
    return new Set(this.ids);
  }

  has(id: string): boolean {
    return this.ids.includes(id);
  }

  /** Calls `listener` with the set now (once loaded) and after every change; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    void this.load().then(
      (ids) => {
        if (this.listeners.has(listener)) listener(ids);
      },
      () => undefined,
    );
    return () => this.listeners.delete(listener);
  }

  /** Marks or unmarks an item as a favourite and keeps it on this device; resolves with the new set. */
  set(id: string, favourite: boolean): Promise<ReadonlySet<string>> {
    return this.enqueue(() => this.apply(id, favourite));
  }

  /** Flips an item's heart; resolves with whether it is a favourite now. */
  toggle(id: string): Promise<boolean> {
    return this.enqueue(async () => {
      await this.load();
      const favourite = !this.has(id);
      await this.apply(id, favourite);
      return favourite;
    });
  }

  /** Reads the set again from this device (after its settings were deleted) and tells subscribers. */
  reload(): Promise<ReadonlySet<string>> {
    return this.enqueue(async () => {
      this.loaded = null;
      const ids = await this.load();
      for (const listener of [...this.listeners]) listener(ids);
      return ids;
    });
  }

  private enqueue<T>(change: () => Promise<T>): Promise<T> {
    const result = this.queue.then(change);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async apply(id: string, favourite: boolean): Promise<ReadonlySet<string>> {
    await this.load();
    const without = this.ids.filter((i) => i !== id);
    const next = favourite ? [id, ...without].slice(0, MAX_FAVOURITES) : without;
    await this.settings().set('favouriteItemIds', next);
    this.ids = next;
    const ids = this.current();
    for (const listener of [...this.listeners]) listener(ids);
    return ids;
  }
}

let shared: Favourites | null = null;

/** The page's favourites (one set for every screen). */
export function favourites(): Favourites {
  shared ??= new Favourites();
  return shared;
}
