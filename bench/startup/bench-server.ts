// What both startup benches start: the real Hearth server with the contract Whisper, stories260K
// and the classic voice (as the tests use), and headless Chromium on a persistent profile.
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { generateContractModels } from '../../scripts/contract-models/generate.ts';
import { CHROMIUM_PATH, chromiumArgs } from '../../tests/helpers/browser.ts';
import { FIXTURE_MODELS, startHearthServer, type RunningServer } from '../../tests/helpers/server.ts';

/** The server serving `appDir`, its model packs generated under `tmp`. */
export function startBenchServer(appDir: string, tmp: string): Promise<RunningServer> {
  const models = generateContractModels({ outDir: path.join(tmp, 'packs') });
  return startHearthServer({
    args: [
      '--app-dir',
      appDir,
      '--manifest',
      models.manifestPath,
      '--model-path',
      [models.outDir, FIXTURE_MODELS].join(path.delimiter),
      '--models-dir',
      path.join(tmp, 'models'),
    ],
  });
}

/** Headless Chromium keeping its caches, service worker and storage in `profile` between launches. */
export function launchBenchBrowser(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(),
    viewport: { width: 1280, height: 900 },
  });
}
