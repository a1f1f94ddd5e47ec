import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const HERE = import.meta.dirname;
export const LIVEKIT_PAGE_DIR = path.resolve(HERE, '..', '.tmp', 'livekit-browser-app');

/**
 * Bundles the compatibility page with the installed livekit-client (Vite, no config file: none
 * of the app's plugins). The output folder is served by the Hearth server as its app dir, so the
 * page is same-origin with the room server and runs under the real CSP. Rebuilt when a source changes.
 */
export async function buildLivekitPage(): Promise<string> {
  const sources = ['page.ts', 'index.html'].map((f) => path.join(HERE, f));
  const built = path.join(LIVEKIT_PAGE_DIR, 'index.html');
  const stale = !fs.existsSync(built) || sources.some((s) => fs.statSync(s).mtimeMs > fs.statSync(built).mtimeMs);
  if (stale) {
    await build({
      configFile: false,
      root: HERE,
      logLevel: 'warn',
      build: {
        outDir: LIVEKIT_PAGE_DIR,
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        reportCompressedSize: false,
      },
    });
  }
  return LIVEKIT_PAGE_DIR;
}
