// Downloads against a local model host: verified placement, resume after a dropped connection,
// rejection of corrupt content, index files that name more files, HF-style redirects.
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadPack } from '../../../server/models/download-packs.ts';
import { ModelStore } from '../../../server/models/store.ts';
import { fakeUrl, makeWorkspace, pseudoRandomBytes, sha256, urlPack, urlPathOf, type TempWorkspace } from './helpers/fixtures.ts';
import { ModelFileServer } from './helpers/model-file-server.ts';

const FAST = { retries: 3, retryDelayMs: 5, requestTimeoutMs: 5_000, idleTimeoutMs: 5_000 };

describe('model downloads', () => {
  let server: ModelFileServer;
  let ws: TempWorkspace | null = null;
  const config = Buffer.from('{"model_type":"whisper"}\n');
  const weights = pseudoRandomBytes(1_500_000, 'weights');

  beforeEach(async () => {
    server = new ModelFileServer();
    server.add(urlPathOf(fakeUrl('test-org/tiny-stt', 'config.json')), config);
    server.add(urlPathOf(fakeUrl('test-org/tiny-stt', 'onnx/model.onnx')), weights);
    await server.start();
  });

  afterEach(async () => {
    await server.close();
    await ws?.cleanup();
    ws = null;
  });

  async function openStore(pack = urlPack('tiny-stt', [{ path: 'config.json' }, { path: 'onnx/model.onnx' }])): Promise<ModelStore> {
    ws = await makeWorkspace([pack]);
    return ModelStore.open({ manifestPath: ws.manifestPath, modelsDir: ws.modelsDir, extraDirs: [] });
  }

  it('downloads a pack, records the lock entry and reports it ready', async () => {
    const store = await openStore();
    expect((await store.roles()).find((r) => r.role === 'stt')?.status).toBe('missing');

    await downloadPack(store.context, 'tiny-stt', { mirror: server.baseUrl, ...FAST });

    const target = join(ws!.modelsDir, 'tiny-stt', 'onnx', 'model.onnx');
    expect(sha256(await readFile(target))).toBe(sha256(weights));
    const lock = JSON.parse(await readFile(join(ws!.modelsDir, 'models.lock.json'), 'utf8'));
    const entry = lock.packs['tiny-stt']['onnx/model.onnx'];
    expect(entry).toMatchObject({ state: 'ok', sha256: sha256(weights), bytes: weights.length, location: target });
    expect(entry.source).toBe(fakeUrl('test-org/tiny-stt', 'onnx/model.onnx')); // the public URL, not the mirror
    const stt = (await store.roles()).find((r) => r.role === 'stt');
    expect(stt?.status).toBe('ready');
    expect(stt?.pack?.id).toBe('tiny-stt');
    expect(stt?.pack?.bytes).toBe(config.length + weights.length);
    const resolved = await store.resolveFile('tiny-stt', 'onnx/model.onnx');
    expect(resolved).toMatchObject({ absolutePath: target, root: join(ws!.modelsDir, 'tiny-stt'), bytes: weights.length, sha256: sha256(weights) });
  });

  it('resumes after the connection drops mid-file', async () => {
    const path = urlPathOf(fakeUrl('test-org/tiny-stt', 'onnx/model.onnx'));
    server.dropAfter.set(path, 600_000);
    const store = await openStore();

    await downloadPack(store.context, 'tiny-stt', { mirror: server.baseUrl, ...FAST });

    const requests = server.requestsFor(path);
    expect(requests.length).toBe(2);
    expect(requests[0]?.range).toBeNull();
    const resumedAt = Number(requests[1]?.range?.match(/^bytes=(\d+)-$/)?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(requests[1]?.ifRange).toBe(`"${sha256(weights)}"`);
    expect(requests[1]?.status).toBe(206);
    const target = join(ws!.modelsDir, 'tiny-stt', 'onnx', 'model.onnx');
    expect(sha256(await readFile(target))).toBe(sha256(weights));
    expect(existsSync(`${target}.part`)).toBe(false);
  });

  it('gives up on a stalled transfer after the idle timeout and resumes', async () => {
    const path = urlPathOf(fakeUrl('test-org/tiny-stt', 'onnx/model.onnx'));
    server.stallAfter.set(path, 400_000);
    const store = await openStore();

    await downloadPack(store.context, 'tiny-stt', { mirror: server.baseUrl, ...FAST, idleTimeoutMs: 300 });

    const requests = server.requestsFor(path);
    expect(requests.length).toBe(2);
    expect(Number(requests[1]?.range?.match(/^bytes=(\d+)-$/)?.[1])).toBeGreaterThan(0);
    expect(sha256(await readFile(join(ws!.modelsDir, 'tiny-stt', 'onnx', 'model.onnx')))).toBe(sha256(weights));
  });

  it('rejects content whose hash does not match, leaving nothing in place', async () => {
    const path = urlPathOf(fakeUrl('test-org/tiny-stt', 'onnx/model.onnx'));
    const tampered = Buffer.from(weights);
    tampered[1234] = (tampered[1234] ?? 0) ^ 0xff;
    server.files.set(path, tampered);
    server.etags.set(path, `"${sha256(weights)}"`); // the host vouches for the real file
    const store = await openStore();

    const err = await downloadPack(store.context, 'tiny-stt', { mirror: server.baseUrl, ...FAST }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    const message = (err as Error).message;
    expect(message).toContain('tiny-stt/onnx/model.onnx');
    expect(message).toContain(sha256(weights));
    expect(message).toContain(sha256(tampered));

    const dir = join(ws!.modelsDir, 'tiny-stt', 'onnx');
    expect(await readdir(dir)).toEqual([]); // no file, no .part, no temp
    const pack = (await store.packs())[0];
    expect(pack?.state).not.toBe('ready');
    expect(await store.resolveFile('tiny-stt', 'onnx/model.onnx')).toBeNull();
  });

  it('checks the manifest hash even when the host offers none', async () => {
    const path = urlPathOf(fakeUrl('test-org/tiny-stt', 'onnx/model.onnx'));
    server.etags.set(path, '"not-a-hash"');
    const wrong = sha256(Buffer.from('something else'));
    const store = await openStore(urlPack('tiny-stt', [{ path: 'onnx/model.onnx', sha256: wrong }]));

    await expect(downloadPack(store.context, 'tiny-stt', { mirror: server.baseUrl, ...FAST })).rejects.toThrow(
      `expected ${wrong}, got ${sha256(weights)}`,
    );
    expect(existsSync(join(ws!.modelsDir, 'tiny-stt', 'onnx', 'model.onnx'))).toBe(false);
  });

  it('fails clearly on 404 without retrying forever', async () => {
    const store = await openStore(urlPack('tiny-stt', [{ path: 'missing.bin' }]));
    await expect(downloadPack(store.context, 'tiny-stt', { mirror: server.baseUrl, ...FAST })).rejects.toThrow(/tiny-stt\/missing.bin: HTTP 404/);
    expect(server.requests.length).toBe(1);
  });

  it('reads the sha256 from X-Linked-Etag across a redirect', async () => {
    server.lfsRedirect = true;
    const path = urlPathOf(fakeUrl('test-org/tiny-stt', 'onnx/model.onnx'));
    server.files.set(path, Buffer.from('corrupted body'));
    server.etags.set(path, `"${sha256(weights)}"`);
    const store = await openStore(urlPack('tiny-stt', [{ path: 'onnx/model.onnx' }]));
    await expect(downloadPack(store.context, 'tiny-stt', { mirror: server.baseUrl, ...FAST })).rejects.toThrow(/sha256 mismatch/);
    expect(server.requests.map((r) => r.status)).toEqual([302, 200]);
  });

  it('follows an ndarray-cache index to the shards it names', async () => {
    const shard0 = pseudoRandomBytes(300_000, 'shard0');
    const shard1 = pseudoRandomBytes(200_000, 'shard1');
    const index = JSON.stringify({
      metadata: {},
      records: [
        { dataPath: 'params_shard_0.bin', format: 'raw-shard', nbytes: shard0.length, records: [] },
        { dataPath: 'params_shard_1.bin', format: 'raw-shard', nbytes: shard1.length, records: [] },
      ],
    });
    for (const [name, body] of [
      ['ndarray-cache.json', Buffer.from(index)],
      ['params_shard_0.bin', shard0],
      ['params_shard_1.bin', shard1],
    ] as const) {
      server.add(urlPathOf(fakeUrl('test-org/tiny-mlc', name)), body);
    }
    const store = await openStore(
      urlPack('tiny-mlc', [{ path: 'ndarray-cache.json', listsFiles: 'ndarray-cache' }], { role: 'llm-webgpu', engine: 'webllm' }),
    );

    await downloadPack(store.context, 'tiny-mlc', { mirror: server.baseUrl, ...FAST });

    const pack = (await store.packs())[0];
    expect(pack?.files.map((f) => f.path)).toEqual(['ndarray-cache.json', 'params_shard_0.bin', 'params_shard_1.bin']);
    expect(pack?.state).toBe('ready');
    expect(await store.resolveFile('tiny-mlc', 'params_shard_1.bin')).toMatchObject({ bytes: shard1.length, sha256: sha256(shard1) });
  });

  it('skips files that are already verified', async () => {
    const store = await openStore();
    await downloadPack(store.context, 'tiny-stt', { mirror: server.baseUrl, ...FAST });
    const before = server.requests.length;
    await downloadPack(store.context, 'tiny-stt', { mirror: server.baseUrl, ...FAST });
    expect(server.requests.length).toBe(before);
  });
});
