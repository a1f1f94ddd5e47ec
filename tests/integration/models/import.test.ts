// Importing packs from a folder (USB stick, mirror copy): verified copies, rejected bad files,
// existing good copies kept, and --link using files in place.
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFromFolder } from '../../../server/models/import.ts';
import { ModelStore } from '../../../server/models/store.ts';
import { makeWorkspace, pseudoRandomBytes, sha256, urlPack, writeAt, type TempWorkspace } from './helpers/fixtures.ts';

describe('importing model packs from a folder', () => {
  let ws: TempWorkspace | null = null;
  afterEach(async () => {
    await ws?.cleanup();
    ws = null;
  });

  const config = Buffer.from('{"model_type":"bert"}');
  const weights = pseudoRandomBytes(250_000, 'import-weights');
  const badWeights = pseudoRandomBytes(250_000, 'import-bad');
  const voice = pseudoRandomBytes(300_000, 'voice');

  async function setup(): Promise<ModelStore> {
    ws = await makeWorkspace([
      urlPack('tiny-embed', [{ path: 'config.json' }, { path: 'onnx/model.onnx' }], { role: 'embeddings' }),
      urlPack('tiny-voice', [{ path: 'voice.onnx', sha256: sha256(voice), bytes: voice.length }], { role: 'tts', engine: 'piper' }),
    ]);
    return ModelStore.open({ manifestPath: ws.manifestPath, modelsDir: ws.modelsDir, extraDirs: [] });
  }

  it('imports good files, rejects a bad one and keeps the existing good copy', async () => {
    const store = await setup();
    const usb = join(ws!.root, 'usb');
    await writeAt(join(usb, 'tiny-embed', 'config.json'), config);
    await writeAt(join(usb, 'tiny-embed', 'onnx', 'model.onnx'), weights);
    await writeAt(join(usb, 'tiny-voice', 'voice.onnx'), badWeights); // manifest hash says otherwise

    const first = await importFromFolder(store.context, { dir: usb });
    expect(first.map((r) => [r.packId, r.path, r.outcome])).toEqual([
      ['tiny-embed', 'config.json', 'imported'],
      ['tiny-embed', 'onnx/model.onnx', 'imported'],
      ['tiny-voice', 'voice.onnx', 'rejected'],
    ]);
    expect(first[2]?.message).toContain(`expected ${sha256(voice)}, got ${sha256(badWeights)}`);
    expect(await readdir(join(ws!.modelsDir, 'tiny-voice'))).toEqual([]); // no copy, no temp file
    const target = join(ws!.modelsDir, 'tiny-embed', 'onnx', 'model.onnx');
    expect(sha256(await readFile(target))).toBe(sha256(weights));
    expect((await store.roles()).find((r) => r.role === 'embeddings')?.status).toBe('ready');

    // A second stick carries a damaged copy: the hash recorded at the first import rejects it.
    const usb2 = join(ws!.root, 'usb2');
    await writeAt(join(usb2, 'tiny-embed', 'onnx', 'model.onnx'), badWeights);
    const second = await importFromFolder(store.context, { dir: usb2 });
    expect(second.map((r) => r.outcome)).toEqual(['rejected']);
    expect(second[0]?.message).toContain(`expected ${sha256(weights)}, got ${sha256(badWeights)}`);
    expect(sha256(await readFile(target))).toBe(sha256(weights));
    expect((await store.resolveFile('tiny-embed', 'onnx/model.onnx'))?.absolutePath).toBe(target);
    expect((await readdir(join(ws!.modelsDir, 'tiny-embed', 'onnx'))).sort()).toEqual(['model.onnx']); // no temp left

    // The same good files again: nothing to do.
    const again = await importFromFolder(store.context, { dir: usb });
    expect(again.slice(0, 2).map((r) => r.outcome)).toEqual(['already-present', 'already-present']);
  });

  it('imports a single pack folder with --pack', async () => {
    const store = await setup();
    const folder = join(ws!.root, 'voice-folder');
    await writeAt(join(folder, 'voice.onnx'), voice);
    const results = await importFromFolder(store.context, { dir: folder, packId: 'tiny-voice' });
    expect(results.map((r) => r.outcome)).toEqual(['imported']);
    expect((await store.roles()).find((r) => r.role === 'tts')?.pack?.id).toBe('tiny-voice');
  });

  it('with --link uses the files in place instead of copying', async () => {
    const store = await setup();
    const mount = join(ws!.root, 'mount');
    await writeAt(join(mount, 'tiny-voice', 'voice.onnx'), voice);
    const results = await importFromFolder(store.context, { dir: mount, link: true });
    expect(results.map((r) => r.outcome)).toEqual(['linked']);
    expect(existsSync(join(ws!.modelsDir, 'tiny-voice'))).toBe(false);
    const resolved = await store.resolveFile('tiny-voice', 'voice.onnx');
    expect(resolved?.absolutePath).toBe(join(mount, 'tiny-voice', 'voice.onnx'));
    const lock = JSON.parse(await readFile(join(ws!.modelsDir, 'models.lock.json'), 'utf8'));
    expect(lock.packs['tiny-voice']['voice.onnx']).toMatchObject({ state: 'ok', sha256: sha256(voice), source: `link:${join(mount, 'tiny-voice')}` });
  });
});
