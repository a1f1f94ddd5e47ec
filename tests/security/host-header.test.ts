import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';
import { rawRequest } from './raw-http.ts';

// Issue 12, finding 7: any Host was accepted, PIN login included, and echoed into token URLs
// (ws://evil.example): the door to DNS rebinding. Only the server's own names and addresses, and
// those added with --allowed-hosts, are answered.

describe('the Host header (finding 7)', { timeout: 400_000 }, () => {
  let server: RunningServer;
  let key: string;

  beforeAll(async () => {
    server = await startHearthServer({
      media: 'empty',
      args: ['--starter-library', 'off', '--allowed-hosts', 'hearth.home.arpa'],
    });
    key = fs.readFileSync(path.join(server.dataDir, 'secrets', 'household-key'), 'utf8').trim();
  }, 300_000);
  afterAll(async () => server?.stop(), 60_000);

  const port = () => server.port;

  it('refuses a foreign Host with 421 before any route, PIN login included', async () => {
    for (const host of [
      `evil.example:${port()}`,
      'evil.example',
      `127.0.0.1.evil.example:${port()}`,
      `localhost:${port()}@evil.example`,
    ]) {
      const health = await rawRequest(server.url, '/api/health', { host });
      expect(health.status, host).toBe(421);
      expect(health.json(), host).toMatchObject({ error: 'unknown_host' });
    }
    // No Host at all: Node's HTTP server refuses it (400) before Hearth sees it.
    expect((await rawRequest(server.url, '/api/health', { host: '' })).status).toBe(400);
    const login = await rawRequest(server.url, '/api/admin/pin', {
      host: `evil.example:${port()}`,
      body: { pin: '1234' },
    });
    expect(login.status).toBe(421);
    // Nothing happened behind it: no PIN was set.
    expect((await rawRequest(server.url, '/api/admin/status')).json()).toMatchObject({ pinSet: false });
    expect((await rawRequest(server.url, '/', { host: `evil.example:${port()}` })).status).toBe(421);
  });

  it('answers its own names and addresses, and the ones added with --allowed-hosts', async () => {
    const own = [
      `127.0.0.1:${port()}`,
      `localhost:${port()}`,
      `[::1]:${port()}`,
      `${os.hostname()}:${port()}`,
      `HEARTH.home.arpa:${port()}`,
    ];
    for (const host of own) expect((await rawRequest(server.url, '/api/health', { host })).status, host).toBe(200);
  });

  it('never puts an untrusted Host into a token URL', async () => {
    const auth = { authorization: `Bearer ${key}` };
    const evil = await rawRequest(server.url, '/api/livekit/token', {
      host: `evil.example:${port()}`,
      headers: auth,
      body: {},
    });
    expect(evil.status).toBe(421);
    expect(evil.text).not.toContain('ws://');
    const good = await rawRequest(server.url, '/api/livekit/token', {
      host: `hearth.home.arpa:${port()}`,
      headers: auth,
      body: {},
    });
    expect(good.status).toBe(200);
    expect(good.json().url).toBe(`ws://hearth.home.arpa:${port()}`);
  });
});
