// The home server's install job (what the browser's setup checklist drives) against a local model
// host: per-file progress, a dropped connection resumed, cancel keeping what arrived and the next
// install resuming from it, one job at a time, imports from a USB-stick-like folder, and the
// sized choices a parent picks from.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findImportSources } from '../../../server/models/import-sources.ts';
import { InstallBusyError, ModelInstaller } from '../../../server/models/installer.ts';
import type { ModelPack } from '../../../server/models/manifest.ts';
import { setupChoices } from '../../../server/models/setup-choices.ts';
import { ModelStore } from '../../../server/models/store.ts';
import { fakeUrl, makeWorkspace, pseudoRandomBytes, sha256, urlPack, urlPathOf, writeAt, type TempWorkspace } from './helpers/fixtures.ts';
import { ModelFileServer } from './helpers/model-file-server.ts';

const FAST = { retries: 3, retryDelayMs: 5, requestTimeoutMs: 5_000, idleTimeoutMs: 10_000 };

const config = Buffer.from('{"model_type":"whisper"}\n');
const weights = pseudoRandomBytes(1_500_000, 'installer-weights');
const sttPack = urlPack('tiny-stt', [
  { path: 'config.json', bytes: config.length, sha256: sha256(config) },
  { path: 'onnx/model.onnx', bytes: weights.length, sha256: sha256(weights) },
]);
const weightsPath = urlPathOf(fakeUrl('test-org/tiny-stt', 'onnx/model.onnx'));

async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('model installer', () => {
  let server: ModelFileServer | null = null;
  let ws: TempWorkspace | null = null;

  afterEach(async () => {
    await server?.close();
    await ws?.cleanup();
    server = null;
    ws = null;
  });

  async function setUp(packs: ModelPack[] = [sttPack]): Promise<{ store: ModelStore; installer: ModelInstaller; host: ModelFileServer }> {
    const host = new ModelFileServer();
    host.add(urlPathOf(fakeUrl('test-org/tiny-stt', 'config.json')), config);
    host.add(weightsPath, weights);
    await host.start();
    server = host;
    ws = await makeWorkspace(packs);
    const store = await ModelStore.open({ manifestPath: ws.manifestPath, modelsDir: ws.modelsDir, extraDirs: [] });
    return { store, installer: new ModelInstaller(store, { mirror: host.baseUrl, download: FAST }), host };
  }

  it('downloads with per-file progress, resumes a dropped connection and ends ready', async () => {
    const { store, installer, host } = await setUp();
    host.dropAfter.set(weightsPath, 700_000);
    const started = installer.startDownload(['tiny-stt']);
    expect(started.state).toBe('running');
    expect(started.files.map((f) => [f.label, f.bytesTotal])).toEqual([
      ['tiny-stt/config.json', config.length],
      ['tiny-stt/onnx/model.onnx', weights.length],
    ]);
    expect(started.bytesTotal).toBe(config.length + weights.length);
    await installer.settled();
    const done = installer.status();
    expect(done).toMatchObject({ state: 'done', error: null, bytesDone: config.length + weights.length });
    expect(done.files.every((f) => f.state === 'done')).toBe(true);
    const requests = host.requestsFor(weightsPath);
    expect(requests.map((r) => r.status)).toEqual([200, 206]);
    expect((await store.roles()).find((r) => r.role === 'stt')?.status).toBe('ready');
  });

  it("shows a file's approximate size from the manifest until the host tells the exact one", async () => {
    const unpinned = urlPack('tiny-stt', [
      { path: 'config.json', approxBytes: 30 },
      { path: 'onnx/model.onnx', approxBytes: 1_400_000 },
    ]);
    const { installer } = await setUp([unpinned]);
    const started = installer.startDownload(['tiny-stt']);
    expect(started.files.map((f) => f.bytesTotal)).toEqual([30, 1_400_000]);
    expect(started.bytesTotal).toBe(1_400_030);
    await installer.settled();
    const done = installer.status();
    expect(done.state).toBe('done');
    expect(done.files.map((f) => f.bytesTotal)).toEqual([config.length, weights.length]);
    expect(done.bytesTotal).toBe(config.length + weights.length);
  });

  it('cancel keeps what arrived; installing again resumes from it', async () => {
    const { store, installer, host } = await setUp();
    const release = host.pauseAfter(weightsPath, 500_000);
    installer.startDownload(['tiny-stt']);
    await until('the first half to arrive', () => installer.status().files[1]!.bytesDone >= 500_000);
    const midway = installer.status();
    expect(midway.state).toBe('running');
    expect(midway.files[1]).toMatchObject({ state: 'working', bytesDone: 500_000, bytesTotal: weights.length });
    expect(installer.cancel()).toBe(true);
    await installer.settled();
    release();
    expect(installer.status().state).toBe('cancelled');
    const part = join(ws!.modelsDir, 'tiny-stt', 'onnx', 'model.onnx.part');
    expect((await readFile(part)).length).toBe(500_000);
    expect(installer.cancel()).toBe(false);

    installer.startDownload(['tiny-stt']);
    await installer.settled();
    expect(installer.status()).toMatchObject({ state: 'done', error: null });
    expect(host.requestsFor(weightsPath).at(-1)).toMatchObject({ range: 'bytes=500000-', status: 206 });
    expect(existsSync(part)).toBe(false);
    expect((await store.roles()).find((r) => r.role === 'stt')?.status).toBe('ready');
  });

  it('runs one installation at a time', async () => {
    const { installer, host } = await setUp();
    const release = host.pauseAfter(weightsPath, 100_000);
    installer.startDownload(['tiny-stt']);
    expect(() => installer.startDownload(['tiny-stt'])).toThrow(InstallBusyError);
    expect(() => installer.startImport('/nowhere')).toThrow(InstallBusyError);
    release();
    await installer.settled();
    expect(installer.status().state).toBe('done');
  });

  it('says what failed when the host has a different file', async () => {
    const { installer, host } = await setUp();
    host.add(weightsPath, pseudoRandomBytes(weights.length, 'someone-else'));
    installer.startDownload(['tiny-stt']);
    await installer.settled();
    const failed = installer.status();
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/tiny-stt\/onnx\/model\.onnx/);
    expect(failed.files.find((f) => f.label.endsWith('model.onnx'))?.state).toBe('failed');
  });

  it('imports from a folder on a drive, and rejects a damaged file without using it', async () => {
    const { store, installer } = await setUp();
    const stick = join(ws!.root, 'media', 'parent', 'HEARTH-USB', 'models');
    await writeAt(join(stick, 'tiny-stt', 'config.json'), config);
    await writeAt(join(stick, 'tiny-stt', 'onnx', 'model.onnx'), weights);
    await mkdir(join(ws!.root, 'media', 'parent', 'Photos', 'tiny-stt-holiday'), { recursive: true });
    const sources = await findImportSources([join(ws!.root, 'media')], new Set(['tiny-stt']));
    expect(sources).toEqual([{ dir: stick, packs: ['tiny-stt'] }]);

    installer.startImport(stick);
    await installer.settled();
    expect(installer.status()).toMatchObject({ state: 'done', kind: 'import', packs: ['tiny-stt'] });
    expect((await store.roles()).find((r) => r.role === 'stt')?.status).toBe('ready');

    await writeFile(join(stick, 'tiny-stt', 'onnx', 'model.onnx'), pseudoRandomBytes(weights.length, 'damaged'));
    installer.startImport(stick);
    await installer.settled();
    expect(installer.status().state).toBe('failed');
    expect(installer.status().error).toMatch(/did not match/);
    expect((await store.roles()).find((r) => r.role === 'stt')?.status).toBe('ready'); // the good copy stays
  });

  it('offers Small and Better in plain words with sizes, leaving out what is ready', async () => {
    const packs = [
      sttPack,
      urlPack('tiny-voice', [{ path: 'voice.onnx', approxBytes: 60_000_000 }], { role: 'tts', engine: 'piper' }),
      urlPack('tiny-chat-cpu', [{ path: 'chat.gguf', approxBytes: 490_000_000 }], { role: 'llm-cpu', engine: 'llama-cpp' }),
      urlPack('tiny-chat-gpu', [{ path: 'chat.wasm', approxBytes: 300_000_000 }], { role: 'llm-webgpu', engine: 'webllm' }),
      urlPack('tiny-embed', [{ path: 'model.onnx' }], { role: 'embeddings', engine: 'transformersjs-feature-extraction' }),
    ];
    const { store, installer } = await setUp(packs);
    const choices = setupChoices(await store.roles(), store.context.manifest);
    expect(choices.map((c) => [c.id, c.title, c.needsGpu, c.packs.map((p) => p.id)])).toEqual([
      ['small', 'Small', false, ['tiny-stt', 'tiny-chat-cpu', 'tiny-voice']],
      ['better', 'Better', true, ['tiny-stt', 'tiny-chat-gpu', 'tiny-chat-cpu', 'tiny-voice', 'tiny-embed']],
    ]);
    expect(choices[0]!.bytes).toBe(config.length + weights.length + 490_000_000 + 60_000_000);
    expect(choices[1]!.bytes).toBeNull(); // the embedder's size is not known
    installer.startDownload(['tiny-stt']);
    await installer.settled();
    const after = setupChoices(await store.roles(), store.context.manifest);
    expect(after[0]!.packs.map((p) => p.id)).toEqual(['tiny-chat-cpu', 'tiny-voice']);
  });
});

describe("the shipped manifest's setup choices", () => {
  it('gives every recommended file a size, and a fresh install offers Small (about 0.6 GB) and Better', async () => {
    const { loadManifest } = await import('../../../server/models/manifest.ts');
    const { defaultManifestPath } = await import('../../../server/models/config.ts');
    const manifest = await loadManifest(defaultManifestPath({}));
    const unsized = manifest.packs
      .filter((p) => p.tier === 'recommended')
      .flatMap((p) => p.files.filter((f) => f.bytes === null && !f.approxBytes).map((f) => `${p.id}/${f.path}`));
    expect(unsized).toEqual([]);
    const empty = await makeWorkspace(manifest.packs);
    try {
      const store = await ModelStore.open({ manifestPath: empty.manifestPath, modelsDir: empty.modelsDir, extraDirs: [] });
      const choices = setupChoices(await store.roles(), store.context.manifest);
      expect(choices.map((c) => c.id)).toEqual(['small', 'better']);
      const small = choices[0]!;
      expect(small.packs.map((p) => p.role).sort()).toEqual(['llm-cpu', 'stt', 'tts']);
      expect(small.bytes).toBeGreaterThan(0.5e9);
      expect(small.bytes).toBeLessThan(0.7e9);
      expect(choices[1]!.needsGpu).toBe(true);
    } finally {
      await empty.cleanup();
    }
  });
});
