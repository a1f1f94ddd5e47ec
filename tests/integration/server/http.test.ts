import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { buildApp } from '../../../server/http/app.ts';
import { ModelStore } from '../../../server/models/store.ts';

// A real app over a temp folder: one tiny "built app", one small downloaded model pack, and one
// pack that is listed but missing, so every route answers from real files.
describe('Hearth HTTP server', () => {
  let root: string;
  let app: FastifyInstance;
  let db: HearthDatabase;
  const modelBytes = crypto.randomBytes(300_000);
  const modelSha = crypto.createHash('sha256').update(modelBytes).digest('hex');

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-http-'));
    const appDir = path.join(root, 'dist');
    fs.mkdirSync(path.join(appDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(appDir, 'index.html'), '<!doctype html><title>Hearth</title><div id="app"></div>');
    fs.writeFileSync(path.join(appDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(appDir, 'assets', 'engine-abc123.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));

    const modelsDir = path.join(root, 'models');
    fs.mkdirSync(path.join(modelsDir, 'tiny-stt'), { recursive: true });
    fs.writeFileSync(path.join(modelsDir, 'tiny-stt', 'model.onnx'), modelBytes);
    const manifest = {
      version: 1,
      packs: [
        {
          id: 'tiny-stt',
          role: 'stt',
          title: 'Tiny STT',
          engine: 'whisper-transformersjs',
          tier: 'recommended',
          license: 'MIT',
          description: '',
          files: [
            {
              path: 'model.onnx',
              bytes: modelBytes.length,
              sha256: modelSha,
              source: { kind: 'url', url: 'https://example.invalid/tiny/model.onnx' },
            },
          ],
        },
        {
          id: 'tiny-embed',
          role: 'embeddings',
          title: 'Tiny embeddings',
          engine: 'transformersjs-feature-extraction',
          tier: 'recommended',
          license: 'MIT',
          description: '',
          files: [
            {
              path: 'onnx/model.onnx',
              bytes: 10,
              sha256: null,
              source: { kind: 'url', url: 'https://example.invalid/embed/model.onnx' },
            },
          ],
        },
      ],
    };
    const manifestPath = path.join(modelsDir, 'manifest.json');
    fs.writeFileSync(manifestPath, JSON.stringify(manifest));

    const config = loadConfig(
      [
        '--app-dir',
        appDir,
        '--models-dir',
        modelsDir,
        '--manifest',
        manifestPath,
        '--data-dir',
        path.join(root, 'data'),
        '--log-level',
        'silent',
      ],
      {},
    );
    db = openDatabase(path.join(config.dataDir, 'hearth.db'));
    const models = await ModelStore.open({ manifestPath, modelsDir, extraDirs: [] });
    await models.verifyInBackground();
    app = await buildApp({ config, db, models, version: '9.9.9' });
  });

  afterAll(async () => {
    await app?.close();
    db?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers /api/health', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, name: 'hearth', version: '9.9.9' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('puts COOP, COEP and a same-origin CSP on every response', async () => {
    for (const url of ['/', '/api/health', '/assets/index-abc123.js', '/models/tiny-stt/model.onnx', '/nope']) {
      const res = await app.inject(url);
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(res.headers['cross-origin-embedder-policy'], url).toBe('require-corp');
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("connect-src 'self'");
      expect(csp, url).not.toMatch(/https?:|\*/);
    }
  });

  it('serves the app shell with revalidation and fingerprinted assets for a year', async () => {
    const index = await app.inject('/');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<title>Hearth</title>');
    expect(index.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject('/assets/index-abc123.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    const wasm = await app.inject('/assets/engine-abc123.wasm');
    expect(wasm.headers['content-type']).toBe('application/wasm');
  });

  it('falls back to index.html for page routes but not for API or model paths', async () => {
    const page = await app.inject({ url: '/settings', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Hearth</title>');
    const api = await app.inject({ url: '/api/nope', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
  });

  it('lists every model role as ready or missing with the command that fixes it', async () => {
    const res = await app.inject('/api/models');
    const { roles } = res.json() as {
      roles: { role: string; status: string; fix: string | null; pack: { id: string } | null }[];
    };
    expect(roles.map((r) => r.role).sort()).toEqual([
      'embeddings',
      'end-of-turn',
      'llm-cpu',
      'llm-webgpu',
      'stt',
      'tts',
      'vad',
    ]);
    const stt = roles.find((r) => r.role === 'stt');
    expect(stt).toMatchObject({ status: 'ready', pack: { id: 'tiny-stt' } });
    const embeddings = roles.find((r) => r.role === 'embeddings');
    expect(embeddings?.status).toBe('missing');
    expect(embeddings?.fix).toContain('npm run models -- download tiny-embed');
  });

  it('serves model files whole and by HTTP Range with long-lived caching', async () => {
    const whole = await app.inject('/models/tiny-stt/model.onnx');
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(modelBytes)).toBe(true);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const part = await app.inject({ url: '/models/tiny-stt/model.onnx', headers: { range: 'bytes=1000-1999' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${modelBytes.length}`);
    expect(part.rawPayload.equals(modelBytes.subarray(1000, 2000))).toBe(true);

    const tail = await app.inject({
      url: '/models/tiny-stt/model.onnx',
      headers: { range: `bytes=${modelBytes.length - 10}-` },
    });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.length).toBe(10);

    const bad = await app.inject({
      url: '/models/tiny-stt/model.onnx',
      headers: { range: `bytes=${modelBytes.length + 5}-` },
    });
    expect(bad.statusCode).toBe(416);
  });

  it('refuses model files that are missing, unlisted or outside the pack', async () => {
    for (const url of [
      '/models/tiny-embed/onnx/model.onnx',
      '/models/tiny-stt/other.bin',
      '/models/tiny-stt/..%2F..%2Fdata%2Fhearth.db',
      '/models/nope/model.onnx',
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
    }
  });

  it('never serves a model file that was damaged after it was verified', async () => {
    const file = path.join(root, 'models', 'tiny-stt', 'model.onnx');
    const damaged = Buffer.from(modelBytes);
    damaged[10] = (damaged[10] ?? 0) ^ 0xff;
    fs.writeFileSync(file, damaged);
    // Same size, new mtime: the store must not trust the old lock entry.
    const res = await app.inject('/models/tiny-stt/model.onnx');
    expect(res.statusCode).toBe(404);
    fs.writeFileSync(file, modelBytes);
  });
});
