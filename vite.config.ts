import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The built app is served by server/ (which adds COOP/COEP/CSP); `npm run dev`
// proxies the API and model routes to a running Hearth server.
const serverUrl = process.env.HEARTH_DEV_SERVER ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [svelte()],
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
