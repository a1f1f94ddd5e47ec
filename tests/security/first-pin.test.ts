import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lanIPv4Addresses } from '../../server/lan.ts';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';
import { rawRequest } from './raw-http.ts';

// Issue 12, finding 2: before a parent chose the PIN, any host on the LAN could choose it. Now a
// request from another machine needs the one-time setup code `npm start` prints, or the
// household key; the home box itself (loopback) needs neither.

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
}, 120_000);

const lanIp = lanIPv4Addresses()[0];

/** Bound to every interface, so a request can arrive from this machine's LAN address (not loopback). */
async function startOnLan(): Promise<{ server: RunningServer; lanUrl: string }> {
  const server = await startHearthServer({ media: 'empty', args: ['--starter-library', 'off', '--host', '0.0.0.0'] });
  servers.push(server);
  return { server, lanUrl: `http://${lanIp}:${server.port}` };
}

/** The setup code is printed right after the startup report. */
async function setupCodeOf(server: RunningServer): Promise<string> {
  for (;;) {
    const m = /one-time setup code: ([A-Z2-9]{5}-[A-Z2-9]{5})/.exec(server.output());
    if (m?.[1]) return m[1];
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!lanIp)('the first parent PIN (finding 2)', { timeout: 400_000 }, () => {
  it('needs the printed setup code from another machine on the LAN', async () => {
    const { server, lanUrl } = await startOnLan();
    const code = await setupCodeOf(server);
    const fromLan = (body: object) => rawRequest(lanUrl, '/api/admin/pin', { body, localAddress: lanIp });

    expect((await rawRequest(lanUrl, '/api/admin/status', { localAddress: lanIp })).json()).toMatchObject({
      pinSet: false,
      setupCodeRequired: true,
    });
    const bare = await fromLan({ pin: '1234' });
    expect(bare.status).toBe(403);
    expect(bare.json()).toMatchObject({ error: 'setup_code_required' });
    expect(String(bare.json().message)).toMatch(/setup code/);
    const wrong = await fromLan({ pin: '1234', setupCode: 'AAAAA-AAAAA' });
    expect(wrong.status).toBe(403);
    expect(wrong.json()).toMatchObject({ error: 'bad_setup_code' });
    expect((await rawRequest(lanUrl, '/api/admin/status', { localAddress: lanIp })).json()).toMatchObject({
      pinSet: false,
    });

    expect((await fromLan({ pin: '1234', setupCode: code.toLowerCase() })).status).toBe(204);
    expect(
      (await rawRequest(lanUrl, '/api/admin/session', { body: { pin: '1234' }, localAddress: lanIp })).status,
    ).toBe(200);
  });

  it('takes the household key instead of the code, and trusts the home box itself', async () => {
    const { server, lanUrl } = await startOnLan();
    const key = fs.readFileSync(path.join(server.dataDir, 'secrets', 'household-key'), 'utf8').trim();
    const withKey = await rawRequest(lanUrl, '/api/admin/pin', {
      body: { pin: '2468' },
      localAddress: lanIp,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(withKey.status).toBe(204);

    const { server: other } = await startOnLan();
    expect((await rawRequest(other.url, '/api/admin/status')).json()).toMatchObject({
      pinSet: false,
      setupCodeRequired: false,
    });
    expect((await rawRequest(other.url, '/api/admin/pin', { body: { pin: '2468' } })).status).toBe(204);
  });
});
