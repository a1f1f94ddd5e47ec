// Every screen but Talk loads when it is first opened: a first paint (and a kiosk's reload) parses,
// compiles and caches only the code that Talk needs.
import type { Component } from 'svelte';
import { yieldToMain } from '../../app/yield-to-main.ts';
import type { RouteId } from '../router.ts';

export type LazyScreenId = Exclude<RouteId, 'talk'>;

/** A loaded screen: Settings takes whether the server is online, the others take nothing. */
export type LoadedScreen =
  | { id: 'settings'; component: Component<{ serverOnline: boolean }> }
  | { id: Exclude<LazyScreenId, 'settings'>; component: Component<Record<string, never>> };

type ScreenLoader = () => Promise<LoadedScreen>;

const SCREEN_LOADERS: Record<LazyScreenId, ScreenLoader> = {
  library: async () => ({ id: 'library', component: (await import('./library/LibraryScreen.svelte')).default }),
  memory: async () => ({ id: 'memory', component: (await import('./memory/MemoryScreen.svelte')).default }),
  personas: async () => ({ id: 'personas', component: (await import('./personas/PersonasScreen.svelte')).default }),
  settings: async () => ({ id: 'settings', component: (await import('./settings/SettingsScreen.svelte')).default }),
};

/**
 * One load per screen, shared by every caller; a failed load (the box went away mid-download) is
 * forgotten so the next call tries again.
 */
export function screenCache(loaders: Record<LazyScreenId, ScreenLoader>): (id: LazyScreenId) => Promise<LoadedScreen> {
  const loads = new Map<LazyScreenId, Promise<LoadedScreen>>();
  return (id) => {
    const known = loads.get(id);
    if (known) return known;
    const load = loaders[id]().catch((error: unknown) => {
      loads.delete(id);
      throw error;
    });
    loads.set(id, load);
    return load;
  };
}

export const loadScreen = screenCache(SCREEN_LOADERS);

/**
 * Loads every screen's code in the background, one screen per task, so a screen opened later does
 * not need the network (the box may be unreachable by then). A failure is left to the screen to
 * report if it is opened. bench and tests see the `hearth:screens:loaded` mark.
 */
export async function prefetchScreens(load: (id: LazyScreenId) => Promise<LoadedScreen> = loadScreen): Promise<void> {
  for (const id of Object.keys(SCREEN_LOADERS) as LazyScreenId[]) {
    await yieldToMain();
    await load(id).catch(() => undefined);
  }
  performance.mark('hearth:screens:loaded');
}
