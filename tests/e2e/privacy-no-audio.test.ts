// No audio of a child is stored in the browser: after a spoken turn through the whole pipeline
// (Chromium's fake microphone plays a flite WAV → VAD → contract Whisper → reply), every IndexedDB
// database and object store, every Cache Storage entry, localStorage and sessionStorage are read
// back and searched for audio: typed arrays or number arrays the size of a tenth of a second of
// 16 kHz sound, Blobs or bytes that start like RIFF/WAVE, Ogg, FLAC or MP3, audio MIME types, and
// base64 or data: URLs of them. Model files in the cache are expected; each must be a file that
// the model manifest names. The same scan first finds audio planted on purpose, so it can fail.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateContractModels } from '../../scripts/contract-models/generate.ts';
import { launchChromium } from '../helpers/browser.ts';
import { PROJECT_ROOT, FIXTURE_MODELS, startHearthServer, type RunningServer } from '../helpers/server.ts';
import { makeUtteranceWav } from '../helpers/utterance.ts';
import { openTalkPage, orbStates, waitFor } from './voice-helpers.ts';
import { readStore } from '../helpers/app-database.ts';

const CONTRACT_DIR = path.join(PROJECT_ROOT, 'tests', '.tmp', 'privacy-contract-models');

interface StoredThing {
  /** Where: "idb:<db>/<store>", "cache:<name> <url>", "localStorage:<key>". */
  where: string;
  /** Why it looks like audio. */
  why: string;
}

interface StorageScan {
  audio: StoredThing[];
  /** Every Cache Storage URL (model files among them), to check against the manifest. */
  cachedUrls: string[];
  stores: string[];
}

/**
 * Runs in the page: reads every IndexedDB store, Cache Storage entry and web storage key and
 * reports what looks like audio. Self-contained (it is serialised into the page).
 */
async function scanStorage(): Promise<StorageScan> {
  // 0.1 s of 16 kHz 16-bit mono; embeddings (384 numbers) and small settings stay below it.
  const AUDIO_BYTES = 3200;
  const AUDIO_SAMPLES = 1600;
  const audio: { where: string; why: string }[] = [];
  const cachedUrls: string[] = [];
  const stores: string[] = [];
  const blobs: { where: string; blob: Blob }[] = [];

  const magic = (bytes: Uint8Array): string | null => {
    const ascii = String.fromCharCode(...bytes.slice(0, 12));
    if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WAVE') return 'RIFF/WAVE header';
    if (ascii.startsWith('OggS')) return 'Ogg header';
    if (ascii.startsWith('fLaC')) return 'FLAC header';
    if (ascii.startsWith('ID3') || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'MP3 header';
    return null;
  };
  const inspect = (value: unknown, where: string, depth = 0): void => {
    if (value === null || value === undefined || depth > 12) return;
    if (typeof value === 'string') {
      if (/^data:audio\//i.test(value)) audio.push({ where, why: 'data:audio URL' });
      // RIFF, OggS, fLaC or ID3 encoded in base64, as a bare string or inside a data: URL.
      else if (/(?:^|base64,)(?:UklGR|T2dnUw|ZkxhQw|SUQz)/.test(value))
        audio.push({ where, why: 'base64 audio header' });
      return;
    }
    if (value instanceof Blob) {
      if (/^audio\//i.test(value.type)) audio.push({ where, why: `Blob of type ${value.type}` });
      blobs.push({ where, blob: value });
      return;
    }
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const view =
        value instanceof ArrayBuffer
          ? new Uint8Array(value)
          : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      const kind = value instanceof ArrayBuffer ? 'ArrayBuffer' : value.constructor.name;
      const header = magic(view);
      if (header) audio.push({ where, why: `${kind} with a ${header}` });
      else if (view.byteLength >= AUDIO_BYTES) audio.push({ where, why: `${kind} of ${view.byteLength} bytes` });
      return;
    }
    if (Array.isArray(value)) {
      if (value.length >= AUDIO_SAMPLES && value.every((v) => typeof v === 'number'))
        audio.push({ where, why: `array of ${value.length} numbers` });
      value.forEach((item, i) => inspect(item, `${where}[${i}]`, depth + 1));
      return;
    }
    if (typeof value === 'object')
      for (const [key, item] of Object.entries(value)) inspect(item, `${where}.${key}`, depth + 1);
  };
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });

  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await request(indexedDB.open(name));
    for (const store of Array.from(db.objectStoreNames)) {
      stores.push(`${name}/${store}`);
      const rows = await request(db.transaction(store).objectStore(store).getAll());
      rows.forEach((row, i) => inspect(row, `idb:${name}/${store}#${i}`));
    }
    db.close();
  }
  for (const cacheName of await caches.keys()) {
    const cache = await caches.open(cacheName);
    for (const req of await cache.keys()) {
      const where = `cache:${cacheName} ${req.url}`;
      cachedUrls.push(req.url);
      const response = await cache.match(req);
      if (!response) continue;
      const type = response.headers.get('content-type') ?? '';
      if (/^audio\//i.test(type)) audio.push({ where, why: `response of type ${type}` });
      const reader = response.body?.getReader();
      const first = reader ? await reader.read() : { value: undefined };
      await reader?.cancel();
      const header = first.value ? magic(first.value) : null;
      if (header) audio.push({ where, why: `response body with a ${header}` });
    }
  }
  for (const [label, storage] of [
    ['localStorage', localStorage],
    ['sessionStorage', sessionStorage],
  ] as const) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)!;
      inspect(storage.getItem(key), `${label}:${key}`);
    }
  }
  for (const { where, blob } of blobs) {
    const header = magic(new Uint8Array(await blob.slice(0, 12).arrayBuffer()));
    if (header) audio.push({ where, why: `Blob with a ${header}` });
    else if (blob.size >= AUDIO_BYTES) audio.push({ where, why: `Blob of ${blob.size} bytes` });
  }
  return { audio, cachedUrls, stores };
}

/** Plants audio the scan must find: a WAV Blob, raw samples and a base64 WAV, in their own database. */
function plantAudio(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('planted-audio');
        open.onupgradeneeded = () => open.result.createObjectStore('clips');
        open.onsuccess = () => {
          const header = new Uint8Array([82, 73, 70, 70, 36, 0, 0, 0, 87, 65, 86, 69]);
          const tx = open.result.transaction('clips', 'readwrite');
          const clips = tx.objectStore('clips');
          clips.put(new Blob([header, new Uint8Array(64)], { type: 'application/octet-stream' }), 'wav-blob');
          clips.put({ samples: new Float32Array(16_000) }, 'float-samples');
          clips.put({ text: `data:application/octet-stream;base64,${btoa(String.fromCharCode(...header))}` }, 'base64');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

function deleteDatabase(page: Page, name: string): Promise<void> {
  return page.evaluate(
    (db) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(db);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
    name,
  );
}

describe('no audio of a child is stored in the browser', () => {
  let server: RunningServer;
  let manifestFiles: Set<string>;

  beforeAll(async () => {
    const generated = generateContractModels({ outDir: CONTRACT_DIR });
    const manifest = JSON.parse(fs.readFileSync(generated.manifestPath, 'utf8')) as {
      packs: { id: string; files: { path: string }[] }[];
    };
    manifestFiles = new Set(manifest.packs.flatMap((p) => p.files.map((f) => `${p.id}/${f.path}`)));
    server = await startHearthServer({
      args: ['--manifest', generated.manifestPath, '--model-path', [CONTRACT_DIR, FIXTURE_MODELS].join(path.delimiter)],
    });
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
  }, 120_000);

  it('after a spoken turn, no IndexedDB store, cache entry or web storage holds audio', async () => {
    const browser = await launchChromium({ fakeAudioCapture: makeUtteranceWav('Tell me a story.') });
    try {
      const { context, page, recorder } = await openTalkPage(browser);
      await page.goto(server.url);

      // The scan can fail: audio planted on purpose is found, each kind of it.
      await plantAudio(page);
      const planted = await page.evaluate(scanStorage);
      expect(planted.audio.map((a) => a.where.replace(/#\d+.*/, '')).sort()).toEqual([
        'idb:planted-audio/clips',
        'idb:planted-audio/clips',
        'idb:planted-audio/clips',
      ]);
      expect(planted.audio.map((a) => a.why).sort()).toEqual([
        'Blob with a RIFF/WAVE header',
        'Float32Array of 64000 bytes',
        'base64 audio header',
      ]);
      await deleteDatabase(page, 'planted-audio');

      // A spoken turn: the microphone's sound goes through voice detection and speech recognition.
      // (A bound on a hang, not a speed check: under load the engines take minutes to load.)
      await page.locator('[data-testid="screen-talk"][data-engines-loading="false"]').waitFor({ timeout: 360_000 });
      await page.getByTestId('talk-orb').click();
      await waitFor(async () => (await orbStates(page)).includes('listening'), 'the orb to listen', 180_000, 50).catch(
        async (error: Error) => {
          throw new Error(
            `${error.message}\norb: ${(await orbStates(page)).join(' → ')}\nnotice: ${await page.getByTestId('talk-notice').textContent()}`,
          );
        },
      );
      await page.getByTestId('talk-line-you').filter({ hasText: 'Tell me a story.' }).waitFor({ timeout: 120_000 });
      // The turn is saved (its words, in IndexedDB) once its reply is done.
      await waitFor(
        async () => (await readStore(page, 'turns')).some((t) => t['userText'] === 'Tell me a story.'),
        'the turn to be saved',
        120_000,
        100,
      );

      const scan = await page.evaluate(scanStorage);
      expect(scan.stores).toEqual(expect.arrayContaining(['hearth/turns', 'hearth/memories', 'hearth/conversations']));
      expect(scan.audio).toEqual([]);
      // Model files are expected in the cache, and each is one the manifest names.
      const modelFiles = scan.cachedUrls
        .map((url) => /^\/models\/([^/]+)\/(.+)$/.exec(new URL(url).pathname))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => `${decodeURIComponent(m[1]!)}/${m[2]!.split('/').map(decodeURIComponent).join('/')}`);
      for (const file of modelFiles) expect(manifestFiles, `cached ${file}`).toContain(file);
      expect(recorder.offOrigin(server.url)).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  }, 600_000);
});
