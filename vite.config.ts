import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import {
  keepSmallFiles,
  NAVIGATE_FALLBACK_DENYLIST,
  PRECACHE_GLOBS,
  PRECACHE_IGNORES,
  RUNTIME_CACHING,
} from './src/pwa/service-worker-config.ts';

// The built app is served by server/ (which adds COOP/COEP/CSP); `npm run dev`
// proxies the API and model routes to a running Hearth server.
const serverUrl = process.env.HEARTH_DEV_SERVER ?? 'http://127.0.0.1:8787';

// Colours from src/ui/theme.css (light theme: --bg).
const BACKGROUND = '#fbf4ea';

export default defineConfig({
  plugins: [
    svelte(),
    VitePWA({
      strategies: 'generateSW',
      // A new version waits until the person chooses "Reload" (src/pwa/ registers it with
      // workbox-window and shows the prompt), so a conversation is never cut by an update.
      registerType: 'prompt',
      injectRegister: null,
      manifestFilename: 'manifest.webmanifest',
      // The precache globs already pick up the icons.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Hearth',
        short_name: 'Hearth',
        description: 'A friendly voice companion that runs on your own devices, offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: BACKGROUND,
        theme_color: BACKGROUND,
        // Regenerate with: npx tsx scripts/pwa-icons/main.ts
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: PRECACHE_GLOBS,
        globIgnores: PRECACHE_IGNORES,
        // keepSmallFiles decides what is too big to precache (quietly, by PRECACHE_MAX_BYTES).
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        manifestTransforms: [keepSmallFiles],
        // Vite already puts a content hash in every /assets/ name.
        dontCacheBustURLsMatching: /^assets\//,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: NAVIGATE_FALLBACK_DENYLIST,
        runtimeCaching: RUNTIME_CACHING,
        cleanupOutdatedCaches: true,
        // The first install takes over the open page at once, so the engines it loads are
        // cached; later versions wait for the prompt (no skipWaiting).
        clientsClaim: true,
        skipWaiting: false,
        sourcemap: false,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    headers: {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
    proxy: {
      '/api': serverUrl,
      '/models': serverUrl,
      '/media': serverUrl,
    },
  },
});
