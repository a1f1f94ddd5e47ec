// Offline for the UI: the service worker's update state (src/pwa) and, on a first visit, the files
// the page and its engines already loaded, passed through the new service worker (warm-caches.ts).
export { appUpdates, type AppUpdates } from '../../pwa/app-updates.svelte.ts';
export { keepInServiceWorkerCache, keepModelList, loadedBuildFiles } from './warm-caches.ts';
