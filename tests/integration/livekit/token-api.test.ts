import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { buildApp } from '../../../server/http/app.ts';
import { ModelStore } from '../../../server/models/store.ts';
import { TEST_CONSENT } from '../../helpers/toy-consent.ts';

interface Built {
  app: FastifyInstance;
  db: HearthDatabase;
  dataDir: string;
}

const roots: string[] = [];

async function build(opts: { dataDir?: string; env?: Record<string, string>; logLevel?: string } = {}): Promise<Built> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-lk-api-'));
  roots.push(root);
  const dataDir = opts.dataDir ?? path.join(root, 'data');
  const manifestPath = path.join(root, 'manifest.json');
  fs.writeFileSync(manifestPath, JSON.stringify({ version: 1, packs: [] }));
  const config = loadConfig(
    [
      '--data-dir',
      dataDir,
      '--models-dir',
      root,
      '--manifest',
      manifestPath,
      '--app-dir',
      path.join(root, 'dist'),
      '--log-level',
      opts.logLevel ?? 'silent',
      '--host',
      '127.0.0.1',
      '--allowed-hosts',
      'hearth.lan',
    ],
    opts.env ?? {},
  );
  const db = openDatabase(path.join(dataDir, 'hearth.db'));
  const models = await ModelStore.open({ manifestPath, modelsDir: root, extraDirs: [] });
  const app = await buildApp({ config, db, models, version: '0.0.0-test' });
  return { app, db, dataDir };
}

const secret = (dataDir: string, name: string) => fs.readFileSync(path.join(dataDir, 'secrets', name), 'utf8').trim();

describe('LiveKit token API and secrets', () => {
  let built: Built;
  let key: string;
  const open: Built[] = [];

  beforeAll(async () => {
    built = await build();
    key = secret(built.dataDir, 'household-key');
  });
  afterEach(async () => {
    for (const b of open.splice(0)) {
      await b.app.close();
      b.db.close();
    }
  });
  afterAll(async () => {
    await built?.app.close();
    built?.db.close();
    for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
  });

  const mintPwa = (authorization: string | undefined, body: object = {}) =>
    built.app.inject({
      method: 'POST',
      url: '/api/livekit/token',
      headers: { host: 'hearth.lan:8787', ...(authorization ? { authorization } : {}) },
      payload: body,
    });

  it('generates the household key and the LiveKit key pair on first run, private to the owner, and keeps them', async () => {
    for (const name of ['household-key', 'livekit-api-key', 'livekit-api-secret']) {
      const stat = fs.statSync(path.join(built.dataDir, 'secrets', name));
      expect(stat.mode & 0o777, name).toBe(0o600);
    }
    expect(key).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
    expect(secret(built.dataDir, 'livekit-api-secret').length).toBeGreaterThanOrEqual(40);
    // A restart on the same data dir keeps them; another household gets its own.
    const again = await build({ dataDir: built.dataDir });
    open.push(again);
    expect(secret(again.dataDir, 'household-key')).toBe(key);
    const other = await build();
    open.push(other);
    expect(secret(other.dataDir, 'household-key')).not.toBe(key);
    expect(secret(other.dataDir, 'livekit-api-secret')).not.toBe(secret(built.dataDir, 'livekit-api-secret'));
  });

  it('refuses to mint a PWA token without the household key, or with a wrong one', async () => {
    expect((await mintPwa(undefined)).statusCode).toBe(401);
    expect((await mintPwa('Bearer AAAAA-AAAAA-AAAAA-AAAAA')).statusCode).toBe(401);
    expect((await mintPwa(`Basic ${key}`)).statusCode).toBe(401);
  });

  it('mints a PWA token for the embedded server with the household key (dashes and case do not matter)', async () => {
    const res = await mintPwa(`Bearer ${key.toLowerCase().replaceAll('-', '')}`, {
      room: 'living-room',
      identity: 'tablet-1',
      name: 'Tablet',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json<{ url: string; token: string; room: string; identity: string }>();
    expect(body).toMatchObject({ url: 'ws://hearth.lan:8787', room: 'living-room', identity: 'tablet-1' });
    const claims = await new TokenVerifier(
      secret(built.dataDir, 'livekit-api-key'),
      secret(built.dataDir, 'livekit-api-secret'),
    ).verify(body.token);
    expect(claims.sub).toBe('tablet-1');
    expect(claims.video).toMatchObject({
      room: 'living-room',
      roomJoin: true,
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
    });
  });

  it('rejects a malformed token request', async () => {
    expect((await mintPwa(`Bearer ${key}`, { room: '../../etc' })).statusCode).toBe(400);
  });

  it('registers a device (household key) and gives it tokens for its own room only with its credential', async () => {
    const denied = await built.app.inject({ method: 'POST', url: '/api/devices', payload: { name: 'Bear' } });
    expect(denied.statusCode).toBe(401);
    const reg = await built.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: { authorization: `Bearer ${key}` },
      payload: { name: 'Bear', consent: TEST_CONSENT },
    });
    expect(reg.statusCode).toBe(201);
    const { id, credential } = reg.json<{ id: string; credential: string }>();
    // Only a hash is stored.
    const row = built.db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as Record<string, string>;
    expect(JSON.stringify(row)).not.toContain(credential);

    const token = await built.app.inject({
      method: 'POST',
      url: `/api/devices/${id}/token`,
      headers: { authorization: `Bearer ${credential}` },
    });
    expect(token.statusCode).toBe(200);
    const body = token.json<{ token: string; room: string; identity: string }>();
    expect(body.room).toBe(`device-${id}`);
    const claims = await new TokenVerifier(
      secret(built.dataDir, 'livekit-api-key'),
      secret(built.dataDir, 'livekit-api-secret'),
    ).verify(body.token);
    expect(claims.video?.room).toBe(`device-${id}`);
    expect(claims.sub).toBe(`device-${id}`);
  });

  it("refuses device tokens for a wrong credential, another device's credential, an unknown device, or the household key", async () => {
    const register = async (name: string) =>
      (
        await built.app.inject({
          method: 'POST',
          url: '/api/devices',
          headers: { authorization: `Bearer ${key}` },
          payload: { name, consent: TEST_CONSENT },
        })
      ).json<{ id: string; credential: string }>();
    const a = await register('A');
    const b = await register('B');
    const ask = (id: string, cred?: string) =>
      built.app.inject({
        method: 'POST',
        url: `/api/devices/${id}/token`,
        headers: cred ? { authorization: `Bearer ${cred}` } : {},
      });
    expect((await ask(a.id)).statusCode).toBe(401);
    expect((await ask(a.id, 'wrong')).statusCode).toBe(401);
    expect((await ask(a.id, b.credential)).statusCode).toBe(401);
    expect((await ask('dev_nope', a.credential)).statusCode).toBe(401);
    expect((await ask(a.id, key)).statusCode).toBe(401);
  });

  it('never writes tokens, secrets or the household key to the log, even at trace level', async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      lines.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    let tokenSeen: string;
    let tracer: Built | undefined;
    try {
      tracer = await build({ logLevel: 'trace' });
      open.push(tracer);
      const hk = secret(tracer.dataDir, 'household-key');
      const res = await tracer.app.inject({
        method: 'POST',
        url: '/api/livekit/token',
        headers: { authorization: `Bearer ${hk}` },
        payload: { room: 'r' },
      });
      tokenSeen = res.json<{ token: string }>().token;
      await tracer.app.inject({ method: 'GET', url: `/rtc/validate?access_token=${tokenSeen}` });
      await tracer.app.inject({ method: 'GET', url: `/rtc/validate?access_token=${tokenSeen.slice(0, -4)}AAAA` });
    } finally {
      process.stdout.write = write;
    }
    const log = lines.join('');
    expect(log).toContain('/rtc/validate');
    expect(log).toContain('access_token=<redacted>');
    expect(log).not.toContain(tokenSeen.split('.')[2]);
    expect(log).not.toContain(secret(tracer.dataDir, 'household-key'));
    expect(log).not.toContain(secret(tracer.dataDir, 'livekit-api-secret'));
  });

  it('with LIVEKIT_URL: no embedded room server, tokens signed for the configured server', async () => {
    const ext = await build({
      env: {
        LIVEKIT_URL: 'wss://livekit.home.lan',
        LIVEKIT_API_KEY: 'APIconfigured',
        LIVEKIT_API_SECRET: 'configured-secret-configured-secret-1234',
      },
    });
    open.push(ext);
    expect((await ext.app.inject('/rtc/validate')).statusCode).toBe(404);
    expect(fs.existsSync(path.join(ext.dataDir, 'secrets', 'livekit-api-secret'))).toBe(false);
    const hk = secret(ext.dataDir, 'household-key');
    const res = await ext.app.inject({
      method: 'POST',
      url: '/api/livekit/token',
      headers: { authorization: `Bearer ${hk}` },
      payload: { room: 'kitchen', identity: 'web' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ url: string; token: string }>();
    expect(body.url).toBe('wss://livekit.home.lan');
    const claims = await new TokenVerifier('APIconfigured', 'configured-secret-configured-secret-1234').verify(
      body.token,
    );
    expect(claims.video?.room).toBe('kitchen');
  });
});
