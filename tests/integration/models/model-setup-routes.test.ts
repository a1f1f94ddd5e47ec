// The browser setup's HTTP side: anyone may see the choices and watch the job; only a parent
// starts, cancels or imports; bad bodies get a 400 that says what to send; a second install
// while one runs gets 409 (also when two arrive at once); import only from folders the server offered.
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { registerAdminRoutes } from '../../../server/http/routes/admin.ts';
import { registerModelSetupRoutes } from '../../../server/http/routes/model-setup.ts';
import { ModelInstaller } from '../../../server/models/installer.ts';
import { ModelStore } from '../../../server/models/store.ts';
import { fakeUrl, makeWorkspace, pseudoRandomBytes, sha256, urlPack, urlPathOf, writeAt, type TempWorkspace } from './helpers/fixtures.ts';
import { ModelFileServer } from './helpers/model-file-server.ts';

const weights = pseudoRandomBytes(400_000, 'route-weights');
const weightsPath = urlPathOf(fakeUrl('test-org/tiny-stt', 'model.onnx'));

describe('model setup routes', () => {
  let app: FastifyInstance | null = null;
  let db: HearthDatabase | null = null;
  let host: ModelFileServer | null = null;
  let ws: TempWorkspace | null = null;

  afterEach(async () => {
    await app?.close();
    db?.close();
    await host?.close();
    await ws?.cleanup();
    app = db = host = ws = null;
  });

  async function setUp(): Promise<{ app: FastifyInstance; installer: ModelInstaller; host: ModelFileServer; token: string; root: string }> {
    host = new ModelFileServer();
    host.add(weightsPath, weights);
    await host.start();
    ws = await makeWorkspace([urlPack('tiny-stt', [{ path: 'model.onnx', bytes: weights.length, sha256: sha256(weights) }])]);
    const store = await ModelStore.open({ manifestPath: ws.manifestPath, modelsDir: ws.modelsDir, extraDirs: [] });
    const installer = new ModelInstaller(store, { mirror: host.baseUrl, download: { retries: 1, retryDelayMs: 5 } });
    db = openDatabase(':memory:');
    app = Fastify();
    registerAdminRoutes(app, db);
    registerModelSetupRoutes(app, { store, installer, importRoots: [join(ws.root, 'media')] });
    await app.ready();
    await app.inject({ method: 'POST', url: '/api/admin/pin', payload: { pin: '2468' } });
    const token = (await app.inject({ method: 'POST', url: '/api/admin/session', payload: { pin: '2468' } })).json<{ token: string }>().token;
    return { app, installer, host, token, root: ws.root };
  }

  it('shows the choices and the job to anyone, with no server paths', async () => {
    const { app } = await setUp();
    const setup = await app.inject({ url: '/api/models/setup' });
    expect(setup.statusCode).toBe(200);
    expect(setup.headers['cache-control']).toBe('no-store');
    const body = setup.json<{ choices: { id: string; bytes: number }[]; serverMemoryBytes: number; install: { state: string } }>();
    expect(body.choices).toMatchObject([{ id: 'small', bytes: weights.length }]);
    expect(body.serverMemoryBytes).toBeGreaterThan(0);
    expect(body.install.state).toBe('idle');
    expect(setup.body).not.toContain(ws!.root);
  });

  it('lets only a parent start, cancel or list drives', async () => {
    const { app } = await setUp();
    for (const [method, url] of [
      ['POST', '/api/models/install'],
      ['POST', '/api/models/install/cancel'],
      ['GET', '/api/models/import-sources'],
    ] as const) {
      const res = await app.inject({ method, url, payload: method === 'POST' ? { choice: 'small' } : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await app.inject({ url: '/api/models/install' })).json<{ state: string }>().state).toBe('idle');
  });

  it('answers a bad body with 400 and what to send', async () => {
    const { app, token } = await setUp();
    const auth = { authorization: `Bearer ${token}` };
    for (const payload of [{}, { choice: 'huge' }, { packs: [] }, { choice: 'small', extra: 1 }]) {
      const res = await app.inject({ method: 'POST', url: '/api/models/install', headers: auth, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json<{ message: string }>().message).toMatch(/choice/);
    }
    const unknown = await app.inject({ method: 'POST', url: '/api/models/install', headers: auth, payload: { packs: ['nope'] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ message: string }>().message).toMatch(/unknown model pack\(s\): nope/);
    const outside = await app.inject({ method: 'POST', url: '/api/models/install', headers: auth, payload: { importDir: '/etc' } });
    expect(outside.statusCode).toBe(400);
  });

  it('runs one install at a time, even when two parents press at once, and cancels it', async () => {
    const { app, token, host, installer } = await setUp();
    const release = host.pauseAfter(weightsPath, 100_000);
    const auth = { authorization: `Bearer ${token}` };
    const answers = await Promise.all(
      [0, 1, 2].map(() => app.inject({ method: 'POST', url: '/api/models/install', headers: auth, payload: { choice: 'small' } })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([202, 409, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json<{ message: string }>().message).toMatch(/already being installed/);
    const cancelled = await app.inject({ method: 'POST', url: '/api/models/install/cancel', headers: auth });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<{ state: string }>().state).toBe('cancelled');
    release();
    expect((await app.inject({ method: 'POST', url: '/api/models/install/cancel', headers: auth })).statusCode).toBe(409);
    // Installing again resumes and finishes.
    expect((await app.inject({ method: 'POST', url: '/api/models/install', headers: auth, payload: { choice: 'small' } })).statusCode).toBe(202);
    await installer.settled();
    expect((await app.inject({ url: '/api/models/install' })).json<{ state: string }>().state).toBe('done');
    const again = await app.inject({ method: 'POST', url: '/api/models/install', headers: auth, payload: { choice: 'small' } });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: string }>().error).toBe('nothing_to_install');
  });

  it('lists folders with packs on the drives and imports only from one of them', async () => {
    const { app, token, installer, root } = await setUp();
    const stick = join(root, 'media', 'usb', 'hearth-models');
    await writeAt(join(stick, 'tiny-stt', 'model.onnx'), weights);
    const auth = { authorization: `Bearer ${token}` };
    const listed = await app.inject({ url: '/api/models/import-sources', headers: auth });
    expect(listed.json()).toEqual({ sources: [{ dir: stick, packs: ['tiny-stt'] }] });
    const res = await app.inject({ method: 'POST', url: '/api/models/install', headers: auth, payload: { importDir: stick } });
    expect(res.statusCode).toBe(202);
    await installer.settled();
    expect((await app.inject({ url: '/api/models/install' })).json()).toMatchObject({ state: 'done', kind: 'import' });
  });
});
