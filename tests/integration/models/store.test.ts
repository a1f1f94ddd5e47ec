// ModelStore status and file resolution: cheap trust via the lock, hashing when trust is missing,
// packs used in place, npm-shipped packs, corrupt files never served.
import { readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelStore } from '../../../server/models/store.ts';
import { makeWorkspace, pseudoRandomBytes, sha256, urlPack, writeAt, type TempWorkspace } from './helpers/fixtures.ts';

const REPO_MANIFEST = fileURLToPath(new URL('../../../models/manifest.json', import.meta.url));
const FIXTURE_MODELS = fileURLToPath(new URL('../../fixtures/models', import.meta.url));

describe('ModelStore', () => {
  let ws: TempWorkspace | null = null;
  afterEach(async () => {
    await ws?.cleanup();
    ws = null;
  });

  const weights = pseudoRandomBytes(400_000, 'store-weights');

  async function storeWithFileOnDisk(): Promise<{ store: ModelStore; file: string }> {
    ws = await makeWorkspace([urlPack('tiny-stt', [{ path: 'model.onnx', sha256: sha256(weights), bytes: weights.length }])]);
    const file = join(ws.modelsDir, 'tiny-stt', 'model.onnx');
    await writeAt(file, weights);
    const store = await ModelStore.open({ manifestPath: ws.manifestPath, modelsDir: ws.modelsDir, extraDirs: [] });
    return { store, file };
  }

  it('hashes an unverified file in the background, then trusts it by size and mtime', async () => {
    const { store, file } = await storeWithFileOnDisk();
    expect((await store.roles()).find((r) => r.role === 'stt')?.status).toBe('verifying');
    await store.verifyInBackground();
    const stt = (await store.roles()).find((r) => r.role === 'stt');
    expect(stt?.status).toBe('ready');
    expect(stt?.pack?.files[0]).toEqual({ path: 'model.onnx', state: 'ready', bytes: weights.length, location: file, sha256: sha256(weights) });
  });

  it('verifies a known-hash file before serving it the first time', async () => {
    const { store, file } = await storeWithFileOnDisk();
    const resolved = await store.resolveFile('tiny-stt', 'model.onnx');
    expect(resolved?.absolutePath).toBe(file);
    expect(resolved?.sha256).toBe(sha256(weights));
    expect((await store.packs())[0]?.state).toBe('ready');
  });

  it('full verify catches a tampered file even when size and mtime were kept', async () => {
    const { store, file } = await storeWithFileOnDisk();
    const whole = new Date('2025-01-01T00:00:00Z'); // whole seconds survive utimes exactly
    await utimes(file, whole, whole);
    await store.verifyInBackground();
    const tampered = Buffer.from(weights);
    tampered[10] = (tampered[10] ?? 0) ^ 1;
    await writeFile(file, tampered);
    await utimes(file, whole, whole);
    expect((await store.packs())[0]?.state).toBe('ready'); // cheap status cannot know

    const reports = await store.verify();
    expect(reports).toEqual([
      expect.objectContaining({ packId: 'tiny-stt', path: 'model.onnx', state: 'corrupt', actualSha256: sha256(tampered), expectedSha256: sha256(weights) }),
    ]);
    const stt = (await store.roles()).find((r) => r.role === 'stt');
    expect(stt?.status).toBe('corrupt');
    expect(stt?.fix).toBe('npm run models -- download tiny-stt');
    expect(await store.resolveFile('tiny-stt', 'model.onnx')).toBeNull();
  });

  it('re-hashes a changed file and marks a mismatch corrupt', async () => {
    const { store, file } = await storeWithFileOnDisk();
    await store.verifyInBackground();
    const tampered = Buffer.from(weights);
    tampered[99] = (tampered[99] ?? 0) ^ 1;
    await writeFile(file, tampered);
    await utimes(file, new Date(), new Date(Date.now() + 5_000)); // a different mtime
    expect((await store.packs())[0]?.state).toBe('verifying');
    expect(await store.resolveFile('tiny-stt', 'model.onnx')).toBeNull(); // checked on demand, found bad
    await store.verifyInBackground();
    expect((await store.packs())[0]?.state).toBe('corrupt');
  });

  it('treats a size that differs from the known size as corrupt at once, and ignores .part files', async () => {
    ws = await makeWorkspace([
      urlPack('tiny-stt', [
        { path: 'a.bin', bytes: 100 },
        { path: 'b.bin', bytes: 100 },
      ]),
    ]);
    await writeAt(join(ws.modelsDir, 'tiny-stt', 'a.bin'), Buffer.alloc(60));
    await writeAt(join(ws.modelsDir, 'tiny-stt', 'b.bin.part'), Buffer.alloc(100));
    const store = await ModelStore.open({ manifestPath: ws.manifestPath, modelsDir: ws.modelsDir });
    const pack = (await store.packs())[0];
    expect(pack?.files.map((f) => f.state)).toEqual(['corrupt', 'missing']);
    expect(pack?.state).toBe('corrupt');
    expect(await store.resolveFile('tiny-stt', 'a.bin')).toBeNull();
    expect(await store.resolveFile('tiny-stt', 'b.bin')).toBeNull();
  });

  it('serves only files the pack lists', async () => {
    const { store } = await storeWithFileOnDisk();
    await store.verifyInBackground();
    expect(await store.resolveFile('tiny-stt', '../models.lock.json')).toBeNull();
    expect(await store.resolveFile('tiny-stt', './model.onnx')).toBeNull();
    expect(await store.resolveFile('tiny-stt', 'sub/../model.onnx')).toBeNull();
    expect(await store.resolveFile('nope', 'model.onnx')).toBeNull();
    expect(await store.resolveFile('tiny-stt', 'model.onnx')).not.toBeNull();
  });

  it('uses a pack in place from an extra dir without copying it', async () => {
    ws = await makeWorkspace([urlPack('tiny-stt', [{ path: 'onnx/model.onnx' }])]);
    const extra = join(ws.root, 'usb');
    await writeAt(join(extra, 'tiny-stt', 'onnx', 'model.onnx'), weights);
    const store = await ModelStore.open({ manifestPath: ws.manifestPath, modelsDir: ws.modelsDir, extraDirs: [extra] });
    await store.verifyInBackground();
    const resolved = await store.resolveFile('tiny-stt', 'onnx/model.onnx');
    expect(resolved?.absolutePath).toBe(join(extra, 'tiny-stt', 'onnx', 'model.onnx'));
    expect(resolved?.root).toBe(join(extra, 'tiny-stt'));
    expect(resolved?.sha256).toBe(sha256(weights)); // recorded by the background check
    expect((await readdir(ws.modelsDir)).sort()).toEqual(['models.lock.json']);
  });

  it('picks the best ready pack per role and lists the better ones still missing', async () => {
    const demo = pseudoRandomBytes(1000, 'demo');
    ws = await makeWorkspace([
      urlPack('big-chat', [{ path: 'm.gguf' }], { role: 'llm-cpu', tier: 'recommended', engine: 'llama.cpp' }),
      urlPack('tiny-demo', [{ path: 'm.gguf', sha256: sha256(demo) }], { role: 'llm-cpu', tier: 'demo', engine: 'llama.cpp' }),
    ]);
    await writeAt(join(ws.modelsDir, 'tiny-demo', 'm.gguf'), demo);
    const store = await ModelStore.open({ manifestPath: ws.manifestPath, modelsDir: ws.modelsDir });
    await store.verifyInBackground();
    const llm = (await store.roles()).find((r) => r.role === 'llm-cpu');
    expect(llm).toMatchObject({ status: 'ready', label: 'Conversation (CPU)', fix: null });
    expect(llm?.pack?.id).toBe('tiny-demo');
    expect(llm?.better.map((p) => p.id)).toEqual(['big-chat']);
    expect(llm?.better[0]?.fix).toBe('npm run models -- download big-chat');
    const vad = (await store.roles()).find((r) => r.role === 'vad');
    expect(vad).toMatchObject({ status: 'missing', pack: null, packs: [] });
  });

  it('finds the npm-shipped VAD and classic voice ready in node_modules (real manifest)', async () => {
    ws = await makeWorkspace([]);
    const store = await ModelStore.open({ manifestPath: REPO_MANIFEST, modelsDir: ws.modelsDir, extraDirs: [] });
    const roles = await store.roles();
    expect(roles.map((r) => r.role)).toEqual(['vad', 'stt', 'llm-webgpu', 'llm-cpu', 'tts', 'embeddings', 'end-of-turn']);
    const vad = roles.find((r) => r.role === 'vad');
    expect(vad?.status).toBe('ready');
    expect(vad?.pack?.id).toBe('silero-vad-v5');
    const resolved = await store.resolveFile('silero-vad-v5', 'silero_vad_v5.onnx');
    expect(resolved?.absolutePath.endsWith(['@ricky0123', 'vad-web', 'dist', 'silero_vad_v5.onnx'].join(sep))).toBe(true);
    expect(resolved?.root.endsWith(['vad-web', 'dist'].join(sep))).toBe(true);
    const tts = roles.find((r) => r.role === 'tts');
    expect(tts?.pack?.id).toBe('flite-classic');
    expect(tts?.better.map((p) => p.id)).toEqual(['piper-en-us-lessac-medium']);
    expect(roles.find((r) => r.role === 'stt')?.fix).toBe('npm run models -- download whisper-tiny-en');
  });

  it(
    'uses the real stories260K in place from tests/fixtures/models (real manifest)',
    async () => {
      ws = await makeWorkspace([]);
      const store = await ModelStore.open({ manifestPath: REPO_MANIFEST, modelsDir: ws.modelsDir, extraDirs: [FIXTURE_MODELS] });
      const resolved = await store.resolveFile('stories260K', 'stories260K.gguf');
      expect(resolved).toMatchObject({
        absolutePath: join(FIXTURE_MODELS, 'stories260K', 'stories260K.gguf'),
        bytes: 1185376,
        sha256: '270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d',
      });
      const llm = (await store.roles()).find((r) => r.role === 'llm-cpu');
      expect(llm?.pack?.id).toBe('stories260K');
      expect(llm?.better.map((p) => p.id)).toEqual(['qwen2.5-0.5b-instruct-gguf']);
      const lock = JSON.parse(await readFile(join(ws.modelsDir, 'models.lock.json'), 'utf8'));
      expect(lock.packs.stories260K['stories260K.gguf'].source).toBe('in-place');
    },
  );
});
