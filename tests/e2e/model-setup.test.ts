import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { FIXTURE_MODELS, PROJECT_ROOT } from '../helpers/server.ts';
import { ModelFileServer } from '../integration/models/helpers/model-file-server.ts';
import { tapOrbUntilListening, waitFor } from './voice-helpers.ts';

// A parent with only a browser sets Hearth up (#13 item 1): a fresh server without speech
// recognition shows the setup checklist on Talk; behind the PIN the parent picks "Small" and the
// home server downloads the pack from a local model host laid out like the public one (Whisper
// contract files at the whisper-tiny.en paths, tiny models of the same contract, hash-checked).
// The host drops one file's connection (resumed) and holds another while the page reloads: the
// progress comes back by itself. Then speech recognition is ready and Talk listens.

const PIN = '2468';
const SHOTS = path.join(PROJECT_ROOT, 'tests', '.tmp', 'screenshots', 'model-setup');
const WHISPER_URL_PREFIX = '/Xenova/whisper-tiny.en/resolve/main/';
/** The biggest file (2 MB): its connection is dropped halfway. */
const TOKENIZER = 'tokenizer.json';
const DECODER = 'onnx/decoder_model_merged_quantized.onnx';

const host = new ModelFileServer();
const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-setup-models-'));
const contractDir = path.join(PROJECT_ROOT, 'tests', '.tmp', 'model-setup-contract');

/** The contract manifest's ready packs plus whisper-tiny-en, whose files get the Whisper contract's sizes and hashes. */
async function freshServer(): Promise<{ args: string[] }> {
  const { generateContractModels } = await import('../../scripts/contract-models/generate.ts');
  const generated = generateContractModels({ outDir: contractDir });
  const manifest = JSON.parse(fs.readFileSync(generated.manifestPath, 'utf8')) as {
    packs: { id: string; role: string; files: { path: string; bytes: number | null; sha256: string | null }[] }[];
  };
  const whisper = generated.packs.find((p) => p.id === 'whisper-contract')!;
  // Every other role's best pack is here already, so "Small" is exactly the speech recognition pack.
  const kept = [
    'silero-vad-v5',
    'whisper-tiny-en',
    'stories260K',
    'piper-contract',
    'flite-classic',
    'minilm-contract',
  ];
  manifest.packs = manifest.packs.filter((p) => kept.includes(p.id));
  for (const file of manifest.packs.find((p) => p.id === 'whisper-tiny-en')!.files) {
    const made = whisper.files.find((f) => f.path === file.path)!;
    file.bytes = made.bytes;
    file.sha256 = made.sha256;
    host.add(
      `${WHISPER_URL_PREFIX}${file.path}`,
      fs.readFileSync(path.join(contractDir, 'whisper-contract', file.path)),
    );
  }
  const manifestPath = path.join(contractDir, 'manifest-setup.json');
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  await host.start();
  return {
    args: [
      '--manifest',
      manifestPath,
      '--models-dir',
      modelsDir,
      '--model-path',
      [contractDir, FIXTURE_MODELS].join(path.delimiter),
      '--model-mirror',
      host.baseUrl,
    ],
  };
}

async function checks(page: Page): Promise<Record<string, string>> {
  const rows = await page.getByTestId('setup-check').all();
  const out: Record<string, string> = {};
  for (const row of rows)
    out[((await row.textContent()) ?? '').replace(/(works|not yet)$/, '').trim()] =
      (await row.getAttribute('data-ok')) ?? '';
  return out;
}

describe('setting Hearth up from the browser: the home server installs the models', () => {
  const hearth = useHearthInChromium({
    server: freshServer,
    cleanup: async () => {
      await host.close();
      fs.rmSync(modelsDir, { recursive: true, force: true });
    },
  });

  it('shows what is missing, installs behind the PIN with progress that survives a reload, then listens', async () => {
    const { page, context, problems } = await hearth.openPage({ context: { viewport: { width: 390, height: 844 } } });
    const tokenizerBytes = host.files.get(`${WHISPER_URL_PREFIX}${TOKENIZER}`)!.length;
    const decoderBytes = host.files.get(`${WHISPER_URL_PREFIX}${DECODER}`)!.length;
    host.dropAfter.set(`${WHISPER_URL_PREFIX}${TOKENIZER}`, Math.floor(tokenizerBytes / 2));
    const release = host.pauseAfter(`${WHISPER_URL_PREFIX}${DECODER}`, Math.floor(decoderBytes / 2));

    await page.goto(hearth.server.url);
    const checklist = page.getByTestId('setup-checklist');
    await checklist.waitFor({ timeout: 60_000 });
    await waitFor(
      async () => (await checks(page))['Understands speech'] === 'false',
      'the checklist to say speech is missing',
    );
    expect((await checks(page))['Songs and stories']).toBe('true');
    expect(await checklist.textContent()).not.toMatch(/npm|--[a-z]/);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'checklist-390.png'), fullPage: true });

    // Behind the PIN: choose one, then pick the sized choice and install.
    await page.getByTestId('setup-open').click();
    await page.getByTestId('pin-input').fill(PIN);
    await page.getByTestId('pin-confirm').fill(PIN);
    await page.getByTestId('pin-submit').click();
    const small = page.getByTestId('setup-choice-small');
    await small.waitFor();
    expect(await small.isChecked()).toBe(true);
    expect(await page.getByTestId('setup-parent').textContent()).toMatch(/Small: about \d/);
    expect(await page.getByTestId('setup-server-memory').textContent()).toMatch(/The home server has \d/);
    await page.screenshot({ path: path.join(SHOTS, 'choices-390.png'), fullPage: true });
    await page.getByTestId('setup-install').click();

    // The tokenizer's connection drops halfway and resumes; the decoder is held halfway.
    const decoderRow = page.locator(`[data-testid="setup-file"][data-label="whisper-tiny-en/${DECODER}"]`);
    await waitFor(async () => host.pausedNow.has(`${WHISPER_URL_PREFIX}${DECODER}`), 'the decoder to be half sent');
    await waitFor(
      async () => Number(await decoderRow.getAttribute('data-bytes')) > 0,
      'the decoder row to show progress',
    );
    expect(await page.getByTestId('setup-progress').getAttribute('data-state')).toBe('running');

    // A reload mid-download: the progress comes back from the server, no PIN needed to watch it.
    await page.reload();
    await page.getByTestId('setup-progress').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('setup-progress').getAttribute('data-state')).toBe('running');
    await waitFor(
      async () =>
        (await page
          .locator(`[data-testid="setup-file"][data-label="whisper-tiny-en/${TOKENIZER}"]`)
          .getAttribute('data-state')) === 'done',
      'the resumed tokenizer to show done after the reload',
    );
    expect(await page.getByTestId('setup-progress-summary').textContent()).toMatch(/of/);
    await page.screenshot({ path: path.join(SHOTS, 'installing-390.png'), fullPage: true });
    release();

    // Installed: the checklist goes by itself and speech recognition loads without a reload.
    await checklist.waitFor({ state: 'detached', timeout: 120_000 });
    const tokenizerRequests = host.requestsFor(`${WHISPER_URL_PREFIX}${TOKENIZER}`);
    expect(tokenizerRequests.map((r) => r.status)).toEqual([200, 206]);
    const direct = (await (await fetch(`${hearth.server.url}/api/models`)).json()) as {
      roles: { role: string; status: string; pack: { id: string } | null }[];
    };
    expect(direct.roles.find((r) => r.role === 'stt')).toMatchObject({
      status: 'ready',
      pack: { id: 'whisper-tiny-en' },
    });
    await tapOrbUntilListening(page);
    expect(await page.getByTestId('talk-problem').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
