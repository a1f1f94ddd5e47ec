// A Dexie liveQuery as Svelte state: the lists on the Memory screen update by themselves when the
// conversation learns something, on this tab or another.

import { liveQuery } from 'dexie';

export class LiveQuery<T> {
  value = $state<T>() as T;
  error = $state<string | null>(null);
  loaded = $state(false);

  constructor(initial: T) {
    this.value = initial;
  }

  /** Starts following `query`; returns the stop function (for $effect). */
  follow(query: () => Promise<T>): () => void {
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        this.value = value;
        this.loaded = true;
        this.error = null;
      },
      error: (error: unknown) => {
        this.error = error instanceof Error ? error.message : String(error);
      },
    });
    return () => subscription.unsubscribe();
  }
}

export function formatWhen(ms: number): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(ms);
}
