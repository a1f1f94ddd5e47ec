// What the generated service worker caches, and how (read by vite.config.ts at build time).
// The app shell is precached; everything else is cached at run time by the routes below.
// Route matchers are serialized into sw.js with Function#toString, so each must be
// self-contained: no references to anything outside its own body.

import type { ManifestTransform, RuntimeCaching } from 'workbox-build';
import { API_CACHE, ASSETS_CACHE, CATALOG_INDEX_CACHE, MODELS_CACHE } from '../core/cache-names.ts';

/**
 * Build files up to this size are precached (the app shell: JS, CSS, HTML, worklets, small WASM).
 * Larger ones (onnxruntime's 14 MB WASM builds and its 27 MB WebGPU one, wllama's 9 MB, WebLLM's chunks) are cached the
 * first time the engine that needs them loads, so a first visit does not download 60 MB of
 * engines it may never use.
 */
export const PRECACHE_MAX_BYTES = 2 * 1024 * 1024;

// vite-plugin-pwa adds manifest.webmanifest itself.
export const PRECACHE_GLOBS = ['**/*.{js,mjs,css,html,wasm,svg,png}'];
export const PRECACHE_IGNORES = ['**/*.map'];

/** Keeps the precache to small files, silently (workbox would warn about each large file). */
export const keepSmallFiles: ManifestTransform = async (entries) => ({
  manifest: entries.filter((entry) => entry.size <= PRECACHE_MAX_BYTES),
  warnings: [],
});

/** Navigations to server routes are never answered with the app shell. */
export const NAVIGATE_FALLBACK_DENYLIST = [
  /^\/(api|models|media|rtc)(\/|$)/,
  /^\/sw\.js$/,
  /^\/workbox-/,
  /^\/hearth-ca\.crt(\?|$)/,
];

export const RUNTIME_CACHING: RuntimeCaching[] = [
  {
    // Model files never change at a URL (pack ids are versioned). Range requests are answered
    // from a cached full file; partial (206) or failed answers are never stored.
    // The download manager (src/models-cache) asks with cache "no-store": it verifies and stores
    // files itself, so its requests go straight to the server and an unverified copy is never kept.
    urlPattern: ({ url, sameOrigin, request }) =>
      sameOrigin && url.pathname.startsWith('/models/') && request.cache !== 'no-store',
    method: 'GET',
    handler: 'CacheFirst',
    options: {
      cacheName: MODELS_CACHE,
      cacheableResponse: { statuses: [200] },
      rangeRequests: true,
    },
  },
  {
    // Which model packs exist: fresh when the server answers within 3 s, else the last answer,
    // so the voice starts with the server stopped.
    urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/api/models',
    method: 'GET',
    handler: 'NetworkFirst',
    options: {
      cacheName: API_CACHE,
      networkTimeoutSeconds: 3,
      cacheableResponse: { statuses: [200] },
    },
  },
  {
    // The library's search index: each file of each version has its own URL (the server answers
    // 404 for a superseded one), so a cached file is always right. A version is one file, or two
    // per shard of 10k items (Voy index + vectors): 64 entries keep the last few versions even of
    // a 100k-item library.
    urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/api/catalog/index/'),
    method: 'GET',
    handler: 'CacheFirst',
    options: {
      cacheName: CATALOG_INDEX_CACHE,
      cacheableResponse: { statuses: [200] },
      expiration: { maxEntries: 64, purgeOnQuotaError: true },
    },
  },
  {
    // Hashed build files too big for the precache. A hash never changes, so CacheFirst; old
    // versions age out after updates.
    urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
    method: 'GET',
    handler: 'CacheFirst',
    options: {
      cacheName: ASSETS_CACHE,
      cacheableResponse: { statuses: [200] },
      expiration: { maxEntries: 24, purgeOnQuotaError: true },
    },
  },
];
