// The media library as the core sees it: what an item is, how to search the catalog and how to
// drive a player. Browser and server implement these; tools only ever see the interfaces.

export type MediaKind = 'song' | 'story';
/** 'audio' plays a file; 'text' is a story Hearth reads aloud with its own voice. */
export type MediaFormat = 'audio' | 'text';

export interface MediaItem {
  id: string;
  kind: MediaKind;
  format: MediaFormat;
  title: string;
  description: string;
  tags: string[];
  /** BCP 47 primary tag, e.g. "en"; null when unknown (matches any language filter). */
  language: string | null;
  /** Suitable ages, inclusive; null ends are open. */
  ageMin: number | null;
  ageMax: number | null;
  durationSec: number | null;
  mime: string;
  /** Same-origin path of the file (`/media/<id>`), or of the text for text stories. */
  url: string;
  /** Same-origin path of the cover picture from the file's tags; null or absent when it has none. */
  coverUrl?: string | null;
  /** When the household added it (ISO 8601); null or absent for the starter library or when unknown. */
  addedAt?: string | null;
}

/** Inclusive range of ages in years. */
export interface AgeRange {
  min: number;
  max: number;
}

/** Who is listening: filters what play_song and tell_story pick. */
export interface MediaAudience {
  age?: number;
  ages?: AgeRange;
  language?: string;
}

export interface CatalogQuery {
  /** Free text: a title ("twinkle twinkle") or a topic ("a story about a brave turtle"). Empty = anything. */
  text: string;
  kind?: MediaKind;
  language?: string;
  /** The listener's age: items whose range excludes it are left out. */
  age?: number;
  /** The listeners' age range (a persona's audience): items made only for ages outside it are left out. */
  ages?: AgeRange;
  limit?: number;
}

export interface CatalogHit {
  item: MediaItem;
  /** Higher is better; only comparable within one result list. */
  score: number;
  /** Which ranking found it. */
  via: 'semantic' | 'lexical' | 'both';
}

/** Finds items; semantic when an embedding model is available, lexical otherwise. */
export interface Catalog {
  search(query: CatalogQuery, options?: { signal?: AbortSignal }): Promise<CatalogHit[]>;
}

export type PlayerStatus = 'idle' | 'loading' | 'playing' | 'paused';

/** Plays one item at a time, with a queue of what comes next. */
export interface MediaPlayer {
  readonly status: PlayerStatus;
  readonly current: MediaItem | null;
  /** 0..1, the listener's chosen level (ducking is applied on top and does not change it). */
  readonly volume: number;
  /** Starts `item` (stopping anything playing); `upNext` is what next() plays afterwards. Resolves once it starts. */
  play(item: MediaItem, options?: { upNext?: MediaItem[] }): Promise<void>;
  stop(): void;
  /** False when there was nothing to pause/resume. */
  pause(): boolean;
  resume(): boolean;
  /** Plays the next queued item; null when the queue is empty (playback stops). */
  next(): Promise<MediaItem | null>;
  setVolume(level: number): void;
}
