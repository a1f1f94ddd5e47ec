import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { SignalResponse } from '@livekit/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenMinter } from '../../../server/livekit/token-minter.ts';
import { startHearthServer, type RunningServer } from '../../helpers/server.ts';

// The real server with --https: Node trusts ONLY the home CA the server created (https `ca`
// replaces the system roots), exactly as a household device does after installing it.

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, options: https.RequestOptions = {}): Promise<Reply> {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    client
      .get(url, { ...options, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

/** Opens a WebSocket over TLS by hand (no client library needed) and returns the first binary frame. */
function firstWssFrame(
  url: string,
  ca: string,
): Promise<{ status: 101; frame: Buffer } | { status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, {
      ca,
      agent: false,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': crypto.randomBytes(16).toString('base64'),
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('upgrade', (_res, socket, head) => {
      let data = head;
      const tryFrame = () => {
        // Server frames are unmasked: [FIN|opcode][len] (+2 bytes when len is 126), then the payload.
        if (data.length < 2) return;
        const short = (data[1] ?? 0) & 0x7f;
        const offset = short === 126 ? 4 : 2;
        if (data.length < offset) return;
        const length = short === 126 ? data.readUInt16BE(2) : short;
        if (data.length < offset + length) return;
        socket.destroy();
        resolve({ status: 101, frame: data.subarray(offset, offset + length) });
      };
      socket.on('data', (c: Buffer) => {
        data = Buffer.concat([data, c]);
        tryFrame();
      });
      tryFrame();
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Hearth over HTTPS with its home CA', () => {
  let server: RunningServer;
  let ca: string;
  let httpsUrl: string;

  beforeAll(async () => {
    server = await startHearthServer({ https: true, media: 'empty' });
    if (!server.httpsUrl) throw new Error(`no https URL in the startup report:\n${server.output()}`);
    httpsUrl = server.httpsUrl;
    ca = fs.readFileSync(path.join(server.dataDir, 'tls', 'ca.crt'), 'utf8');
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('serves the API over TLS to a client that trusts only the home CA, with the same security headers', async () => {
    const res = await get(`${httpsUrl}/api/health`, { ca });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toMatchObject({ ok: true, name: 'hearth' });
    expect(res.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    // No HSTS: it would cover every port of the host and break the plain-HTTP one.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('is refused by a client that does not trust the home CA (the check above is real)', async () => {
    await expect(get(`${httpsUrl}/api/health`)).rejects.toThrow(
      /self[- ]signed|unable to get local issuer|unable to verify/i,
    );
  });

  it('offers the same CA certificate on plain HTTP, as PEM and as DER, and prints its fingerprint', async () => {
    const pem = await get(`${server.url}/hearth-ca.crt`);
    expect(pem.status).toBe(200);
    expect(pem.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(pem.body.toString()).toBe(ca);

    const der = await get(`${server.url}/hearth-ca.crt?format=der`);
    expect(der.headers['content-type']).toBe('application/x-x509-ca-cert');
    const fingerprint = new crypto.X509Certificate(der.body).fingerprint256;
    expect(fingerprint).toBe(new crypto.X509Certificate(ca).fingerprint256);
    expect(server.output()).toContain(fingerprint);
    expect(server.output()).toContain(`${server.url}/hearth-ca.crt`);

    expect((await get(`${httpsUrl}/hearth-ca.crt`, { ca })).body.toString()).toBe(ca);
    expect((await get(`${server.url}/hearth-ca.crt?format=p12`)).status).toBe(400);
  });

  it('carries LiveKit signalling over wss: a valid token gets the join response, a bad one a 401', async () => {
    const secret = (name: string) => fs.readFileSync(path.join(server.dataDir, 'secrets', name), 'utf8').trim();
    const { token } = await new TokenMinter(secret('livekit-api-key'), secret('livekit-api-secret')).mint({
      identity: 'tablet',
      room: 'den',
      ttlSeconds: 60,
    });

    const joined = await firstWssFrame(`${httpsUrl}/rtc?access_token=${token}&protocol=16&auto_subscribe=1`, ca);
    expect(joined.status).toBe(101);
    const first = SignalResponse.fromBinary(new Uint8Array((joined as { frame: Buffer }).frame));
    expect(first.message.case).toBe('join');

    const refused = await firstWssFrame(`${httpsUrl}/rtc?access_token=not-a-token&protocol=16`, ca);
    expect(refused.status).toBe(401);
  });

  it('keeps plain HTTP working as before', async () => {
    const res = await get(`${server.url}/api/health`);
    expect(res.status).toBe(200);
  });
});
