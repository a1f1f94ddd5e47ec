import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';
import { rawRequest } from './raw-http.ts';
import { TEST_CONSENT } from '../helpers/toy-consent.ts';

// Issue 12, findings 10 and 11: /api/models showed absolute server paths to anyone, the household
// key minted tokens for toys' rooms and the agent's identity, and messages misled ("a name is
// needed" for a 65-character name, "not valid JSON" for a __proto__ key).

describe('what the server says, and to whom (findings 10, 11)', { timeout: 400_000 }, () => {
  let server: RunningServer;
  let key: string;

  beforeAll(async () => {
    server = await startHearthServer({ media: 'empty', args: ['--starter-library', 'off'] });
    key = fs.readFileSync(path.join(server.dataDir, 'secrets', 'household-key'), 'utf8').trim();
  }, 300_000);
  afterAll(async () => server?.stop(), 60_000);

  const withKey = () => ({ authorization: `Bearer ${key}` });

  it('/api/models names no server path without a parent session', async () => {
    const anonymous = await rawRequest(server.url, '/api/models');
    expect(anonymous.status).toBe(200);
    // The fixture model packs are on this machine: the listing knows where, but does not say.
    expect(anonymous.text).toContain('"location":null');
    expect(anonymous.text).not.toContain(path.sep === '/' ? '"location":"/' : ':\\\\');
    expect(anonymous.text).not.toContain(process.cwd());

    expect((await rawRequest(server.url, '/api/admin/pin', { body: { pin: '1234' } })).status).toBe(204);
    const { token } = (await rawRequest(server.url, '/api/admin/session', { body: { pin: '1234' } })).json() as {
      token: string;
    };
    const parent = await rawRequest(server.url, '/api/models', { headers: { authorization: `Bearer ${token}` } });
    expect(parent.text).toMatch(/"location":"\//);
  });

  it('lets the household key mint only what the PWA needs', async () => {
    const mint = (body: object) => rawRequest(server.url, '/api/livekit/token', { body, headers: withKey() });
    expect((await mint({ room: 'hearth' })).status).toBe(200);
    for (const body of [
      { room: 'device-abc123' },
      { identity: 'hearth-agent' },
      { identity: 'device-abc123' },
      { identity: 'observer-x' },
    ]) {
      const res = await mint(body);
      expect(res.status, JSON.stringify(body)).toBe(403);
      expect(String(res.json().message), JSON.stringify(body)).toMatch(/toy's room|reserved/);
    }
  });

  it('says what is wrong: a name too long, a __proto__ key, broken JSON', async () => {
    const longName = await rawRequest(server.url, '/api/devices', {
      body: { name: 'x'.repeat(65) },
      headers: withKey(),
    });
    expect(longName.status).toBe(400);
    expect(longName.json().message).toBe('name: a name can be at most 64 characters');

    const proto = await rawRequest(server.url, '/api/devices', {
      body: '{"name":"Bear","__proto__":{"admin":true}}',
      headers: withKey(),
    });
    expect(proto.status).toBe(400);
    expect(proto.json()).toMatchObject({
      error: 'forbidden_key',
      message: 'the key "__proto__" is not allowed in a request body',
    });

    const broken = await rawRequest(server.url, '/api/admin/session', { body: '{"pin": "12' });
    expect(broken.status).toBe(400);
    expect(broken.json()).toMatchObject({ error: 'invalid_json' });
    expect(String(broken.json().message)).toMatch(/^the body is not valid JSON/);
  });

  it('answers a server error with a request id, not the internal error text', async () => {
    // A dependable internal failure: the devices table moved away underneath the running server
    // (as a damaged or half-restored database would look), then a write that needs it.
    const db = new Database(path.join(server.dataDir, 'hearth.db'));
    db.exec('ALTER TABLE devices RENAME TO devices_moved_away');
    try {
      const res = await rawRequest(server.url, '/api/devices', {
        body: { name: 'Fox', consent: TEST_CONSENT },
        headers: withKey(),
      });
      expect(res.status).toBe(500);
      const body = res.json();
      expect(body.error).toBe('internal_error');
      expect(String(body.message)).toMatch(/request req-/);
      expect(res.text).not.toMatch(/SQLITE|no such table|devices|\.ts|\/tmp\//i);
      // The detail is in the server's own log, under the same request id; the log line may reach
      // the pipe after the answer does, so wait for it rather than read the output once.
      await vi.waitFor(() => expect(server.output()).toContain(String(body.requestId)), {
        timeout: 20_000,
        interval: 50,
      });
      expect(server.output()).toMatch(/no such table/);
    } finally {
      db.exec('ALTER TABLE devices_moved_away RENAME TO devices');
      db.close();
    }
  });
});
