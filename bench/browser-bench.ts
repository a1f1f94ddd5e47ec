// The Node side every in-browser bench shares: serve the built bench page from the real Hearth
// server, open it in headless Chromium, wait for it to say "ready", run it, and print/write the
// JSON report (bench/results/<name>.json) with the page's errors and the machine's load.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/helpers/browser.ts';
import { PROJECT_ROOT, FIXTURE_MODELS, startHearthServer } from '../tests/helpers/server.ts';

export interface BrowserBench<T extends object> {
  /** Results file name, without .json. */
  name: string;
  /** The folder the bench page was built into (served with --app-dir). */
  appDir: string;
  /** The page's path on the server, e.g. /bench/voice-loop/page.html. */
  pagePath: string;
  run: (page: Page) => Promise<T>;
  /** More server flags (e.g. a manifest with the contract packs). */
  serverArgs?: string[];
  /** Read-only model folders served beside the repo's fixtures (HEARTH_MODEL_PATH). */
  modelPath?: string[];
}

const loadAverage = () => os.loadavg().map((x) => Number(x.toFixed(2)));

export async function runBrowserBench<T extends object>(bench: BrowserBench<T>): Promise<void> {
  const server = await startHearthServer({
    args: ['--app-dir', bench.appDir, ...(bench.serverArgs ?? [])],
    env: {
      HEARTH_MODEL_PATH: [...(bench.modelPath ?? []), process.env.HEARTH_MODEL_PATH ?? FIXTURE_MODELS].join(
        path.delimiter,
      ),
    },
  });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  try {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}${bench.pagePath}`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const before = loadAverage();
    const result = await bench.run(page);
    const report = {
      ...result,
      loadAverage: { before, after: loadAverage(), cpus: os.cpus().length },
      pageErrors,
      generatedAt: new Date().toISOString(),
    };
    const json = JSON.stringify(report, null, 2);
    const outFile = path.join(PROJECT_ROOT, 'bench', 'results', `${bench.name}.json`);
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, `${json}\n`);
    process.stdout.write(`${json}\n`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
