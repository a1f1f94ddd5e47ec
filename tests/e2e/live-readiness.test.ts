import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { PROJECT_ROOT } from '../helpers/server.ts';
import { tapOrbUntilListening, waitFor } from './voice-helpers.ts';

async function readiness(page: Page): Promise<string | null> {
  return page
    .getByTestId('talk-readiness')
    .getAttribute('data-state', { timeout: 1_000 })
    .catch(() => null);
}

// Opened right after `npm start`, while the server still hashes its model files, the page says
// "checking…" and becomes ready by itself. How long the server's own "verifying" lasts depends on
// the machine, so a route also marks speech recognition "verifying" in the real /api/models answer
// until the server has finished (asked directly); then the real answers go through unchanged.
describe('live readiness while the server checks its model files', () => {
  const hearth = useHearthInChromium({ server: async () => contractServer() });

  it('shows checking, then turns ready without a reload', async () => {
    const { page, context, problems } = await hearth.openPage({ context: { viewport: { width: 390, height: 844 } } });
    let verifying = true;
    let rewritten = 0;
    const seenBodies: string[] = [];
    await context.route('**/api/models', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as {
        roles: { role: string; status: string; fix: string | null; packs: { state: string }[] }[];
      };
      seenBodies.push(
        body.roles
          .filter((r) => r.status !== 'ready')
          .map((r) => `${r.role}:${r.status}`)
          .join(' '),
      );
      if (verifying) {
        for (const role of body.roles.filter((r) => r.role === 'stt')) {
          role.status = 'verifying';
          role.fix = null;
          for (const pack of role.packs) pack.state = 'verifying';
        }
        rewritten++;
      }
      await route.fulfill({ response, json: body });
    });
    const seen: string[] = [];
    page.on('console', (m) => seen.push(`console ${m.type()}: ${m.text()}`));
    page.on('request', (r) => {
      if (r.url().endsWith('/api/models'))
        seen.push(`request ${verifying ? 'while verifying' : 'after'} sw=${r.serviceWorker() !== null}`);
    });
    await page.goto(hearth.server.url);
    await waitFor(async () => (await readiness(page)) === 'checking', 'Talk to say it is checking');
    expect(await page.getByTestId('talk-readiness').textContent()).toMatch(/Checking/);
    // It keeps asking while the server checks (no reload, no tap).
    await waitFor(async () => rewritten >= 2, 'the page to ask again');
    // The server itself finishes checking its files (it hashes them one at a time after start).
    await waitFor(
      async () => {
        const direct = (await (await fetch(`${hearth.server.url}/api/models`)).json()) as {
          roles: { role: string; status: string }[];
        };
        return direct.roles.every((r) => r.status !== 'verifying');
      },
      'the server to finish checking its model files',
      150_000,
      500,
    );
    verifying = false;
    // Everything loaded: with this server's tiny demo language model, the only note left is "Demo model".
    await waitFor(
      async () => (await readiness(page)) === 'demo',
      'Talk to stop checking and finish loading',
      60_000,
    ).catch(async (error: Error) => {
      throw new Error(
        `${error.message}\nTalk says: ${await page.getByTestId('talk-notice').textContent()}\n${seen.join('\n')}\nrewritten ${rewritten}\n${seenBodies.join('\n')}`,
      );
    });
    expect(await page.getByTestId('talk-readiness').textContent()).not.toMatch(/isn’t installed/);
    // Speech recognition is ready now: tapping the orb opens the microphone instead of a problem.
    await tapOrbUntilListening(page);
    expect(await page.getByTestId('talk-problem').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('says it is looking for the home server while its list of models cannot be read, and loads by itself once it can', async () => {
    const { page, context, problems } = await hearth.openPage({ context: { viewport: { width: 390, height: 844 } } });
    // The home server cannot be reached for its list of models (a server restarting, a flaky
    // network) until the test has seen the page say so and try again on its own.
    let reachable = false;
    let refused = 0;
    await context.route('**/api/models', async (route) => {
      if (reachable) return route.continue();
      refused++;
      return route.abort('connectionrefused');
    });
    await page.goto(hearth.server.url);
    await waitFor(async () => (await readiness(page)) === 'unreachable', 'Talk to say it is looking for the server');
    const said = await page.getByTestId('talk-readiness').textContent();
    expect(said).toMatch(/Looking for the home server/);
    expect(said).not.toMatch(/set up|isn’t installed|grown-up/);
    await waitFor(async () => refused >= 3, 'the page to ask again by itself', 60_000);
    reachable = true;
    await waitFor(
      async () => (await readiness(page)) === 'demo',
      'Talk to load the engines once the list comes',
      120_000,
    );
    await tapOrbUntilListening(page);
    expect(await page.getByTestId('talk-problem').count()).toBe(0);
    // The refused reads are the test's doing (the browser logs each as a failed request).
    expect(problems.filter((p) => !/api\/models|ERR_CONNECTION_REFUSED|Failed to load resource/.test(p))).toEqual([]);
    await context.close();
  }, 300_000);
});

async function contractServer(): Promise<{ args: string[] }> {
  const { generateContractModels } = await import('../../scripts/contract-models/generate.ts');
  const { FIXTURE_MODELS } = await import('../helpers/server.ts');
  const dir = path.join(PROJECT_ROOT, 'tests', '.tmp', 'parent-readiness-models');
  const generated = generateContractModels({ outDir: dir });
  return { args: ['--manifest', generated.manifestPath, '--model-path', [dir, FIXTURE_MODELS].join(path.delimiter)] };
}
