// Builds the test harness: every tests/harness/*.html page (with its TS) into dist-harness/, which
// the e2e tests serve with the real Hearth server (`--app-dir dist-harness`) so pages get the real
// COOP/COEP/CSP headers and /models routes. Pages import real engines from src/.
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const root = path.resolve(import.meta.dirname, 'tests', 'harness');
const pages = fs.readdirSync(root).filter((f) => f.endsWith('.html'));

export default defineConfig({
  root,
  base: '/',
  plugins: [svelte()],
  logLevel: 'warn',
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist-harness'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: Object.fromEntries(pages.map((p) => [p.replace(/\.html$/, ''), path.join(root, p)])),
    },
  },
  // Engine workers import libraries that code-split (dynamic imports): ES module workers.
  worker: { format: 'es' },
});
