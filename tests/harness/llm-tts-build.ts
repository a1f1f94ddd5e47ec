// Builds harness pages with Vite (production build, as the app ships) into a folder the real
// Hearth server can serve with --app-dir. Page URLs keep their path from the project root.

import path from 'node:path';
import { build, type PluginOption } from 'vite';
import { PROJECT_ROOT } from '../helpers/server.ts';

/** `plugins`: e.g. Svelte, for a page that mounts the app's own components. */
export async function buildHarnessPages(
  pages: Record<string, string>,
  outDir: string,
  plugins: PluginOption[] = [],
): Promise<string> {
  const absOut = path.resolve(PROJECT_ROOT, outDir);
  await build({
    configFile: false,
    root: PROJECT_ROOT,
    logLevel: 'warn',
    plugins,
    build: {
      outDir: absOut,
      emptyOutDir: true,
      copyPublicDir: false,
      target: 'es2022',
      sourcemap: false,
      // flite.wasm is served from /models; wllama.wasm (8.7 MB) is emitted as a file.
      assetsInlineLimit: 0,
      rollupOptions: {
        input: Object.fromEntries(
          Object.entries(pages).map(([name, file]) => [name, path.resolve(PROJECT_ROOT, file)]),
        ),
      },
    },
    worker: { format: 'es' },
  });
  return absOut;
}
