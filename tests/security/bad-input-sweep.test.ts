import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../server/config.ts';
import { openDatabase, type HearthDatabase } from '../../server/db/database.ts';
import { buildApp } from '../../server/http/app.ts';
import { loadLivekitCredentials } from '../../server/livekit/credentials.ts';
import { ModelStore } from '../../server/models/store.ts';
import { TEST_PIN, toneWav } from './catalog-client.ts';
import { TEST_CONSENT } from '../helpers/toy-consent.ts';

// Issue 12, "Also": a bad-input sweep over every route the server has. The routes come from the
// server's own Fastify route table, so a route added later is swept too. Every path parameter gets
// traversal and junk, every body-taking route gets malformed, mistyped and oversized bodies, every
// GET gets junk queries, /media gets bad Range headers, and /rtc gets forged, expired and
// malformed JWTs. Nothing may answer 5xx, and what was stored before the sweep must still be there.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-sweep-data-'));
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-sweep-media-'));
const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-sweep-app-')); // no built app: the route table is the API's
let app: FastifyInstance;
let db: HearthDatabase;
let base: string;

interface Outcome {
  probe: string;
  status: number;
  clear: boolean;
}
const outcomes: Outcome[] = [];

interface Probe {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

function send(probe: Probe): Promise<{ status: number; text: string; type: string }> {
  return new Promise((resolve, reject) => {
    const body = probe.body === undefined ? undefined : Buffer.from(probe.body);
    const headers = { ...probe.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    const req = http.request(`${base}${probe.path}`, { method: probe.method, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          type: String(res.headers['content-type'] ?? ''),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A refusal is clear when it says what is wrong: a JSON message (or error code; LiveKit's Twirp API
 * answers Twirp's `{code, msg}`), or a plain-text reason.
 */
function isClear(status: number, text: string, type: string): boolean {
  if (status < 400) return true;
  if (type.includes('json')) {
    try {
      const body = JSON.parse(text) as { message?: unknown; error?: unknown; code?: unknown; msg?: unknown };
      return (
        (typeof body.message === 'string' && body.message.trim().length > 3) ||
        (typeof body.error === 'string' && body.error.length > 3) ||
        (typeof body.code === 'string' && typeof body.msg === 'string' && body.msg.trim().length > 3)
      );
    } catch {
      return false;
    }
  }
  return text.trim().length > 3;
}

async function probe(p: Probe): Promise<void> {
  const label = `${p.method} ${p.path.slice(0, 120)}${p.headers?.range ? ` Range: ${p.headers.range}` : ''}${p.body !== undefined ? ` body ${String(p.body).slice(0, 40)}` : ''}`;
  let result;
  try {
    result = await send(p);
  } catch (err) {
    outcomes.push({ probe: `${label} -> connection error ${String(err)}`, status: 599, clear: false });
    return;
  }
  outcomes.push({ probe: label, status: result.status, clear: isClear(result.status, result.text, result.type) });
}

/** The route table as Fastify prints it, turned back into (method, path) pairs. */
function routesOf(server: FastifyInstance): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = [];
  const parents: string[] = [];
  for (const line of server.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (.+?) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const url = (parents[depth - 1] ?? '') + m[2]!;
    parents[depth] = url;
    parents.length = depth + 1;
    for (const method of m[3]!.split(', ')) routes.push({ method, url: url.startsWith('/') ? url : `/${url}` });
  }
  return routes;
}

const BAD_SEGMENTS = [
  '..',
  '..%2F..%2Fhearth.db',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....%2F%2F....%2F%2Fetc',
  '%00',
  'song.wav%00.txt',
  'x'.repeat(4000),
  '%E0%A4%A',
  '%ff%fe',
  '%F0%9F%98%80',
  '0123456789abcdef',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
  '%20',
];
const WILDCARD_PATHS = [
  '/../../etc/passwd',
  '/..%2f..%2fetc%2fpasswd',
  '/%2e%2e/%2e%2e/hearth.db',
  `/${'a/'.repeat(500)}`,
  '/index.html%00.js',
  '/%ff',
];
const JUNK_QUERIES = [
  '?q=' + 'z'.repeat(5000),
  '?limit=abc&age=-5&kind=movie',
  '?q[]=1&q=2&limit[]=3',
  '?__proto__[x]=1&constructor[prototype][y]=2',
  '?%E0%A4%A=1',
  '?age=1e309&limit=99999999999999999999',
  '?language=' + '../'.repeat(50),
];
const deep = '['.repeat(5000) + ']'.repeat(5000);
const BODIES: { type: string; body: string | Buffer }[] = [
  { type: 'application/json', body: '{' },
  { type: 'application/json', body: '[]' },
  { type: 'application/json', body: '"text"' },
  { type: 'application/json', body: '123' },
  { type: 'application/json', body: 'null' },
  { type: 'application/json', body: '{"__proto__":{"admin":true}}' },
  { type: 'application/json', body: '{"constructor":{"prototype":{"admin":true}}}' },
  { type: 'application/json', body: deep },
  { type: 'application/json', body: JSON.stringify({ x: 'a'.repeat(2 * 1024 * 1024) }) },
  {
    type: 'application/json',
    body: '{"pin":123,"currentPin":[],"name":[],"title":{},"tags":"x","ageMin":"ten","kind":5,"id":"../../x","room":{},"identity":7,"volume":"loud"}',
  },
  { type: 'application/json', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
  { type: 'text/plain', body: 'hello' },
  { type: 'application/x-www-form-urlencoded', body: 'pin=1&name=x' },
  {
    type: 'multipart/form-data; boundary=zz',
    body: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\n\r\nabc',
  },
  { type: 'application/json', body: '' },
];
const BAD_RANGES = [
  'bytes=abc',
  'bytes=999999999-',
  'bytes=5-1',
  'bytes=-0',
  Array.from({ length: 300 }, (_, i) => `${i}-${i}`)
    .join(',')
    .replace(/^/, 'bytes='),
  'items=0-1',
  'bytes=--1',
  'bytes=0-18446744073709551616',
  'bytes=',
  'bytes=1-2,garbage',
];

let adminToken = '';
let householdKey = '';
let plantedItem: { id: string; bytes: Buffer };
let plantedDeviceIds: string[] = [];

async function json(
  method: string,
  url: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function freshAdminToken(): Promise<string> {
  return String((await json('POST', '/api/admin/session', { pin: TEST_PIN })).body.token);
}

beforeAll(async () => {
  const config = loadConfig([
    '--data-dir',
    dataDir,
    '--media-dir',
    mediaDir,
    '--app-dir',
    appDir,
    '--starter-library',
    'off',
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--log-level',
    'fatal',
  ]);
  db = openDatabase(path.join(dataDir, 'hearth.db'));
  const models = await ModelStore.open({
    manifestPath: config.manifestPath,
    modelsDir: config.modelsDir,
    extraDirs: config.modelPath,
  });
  app = await buildApp({ config, db, models, version: 'sweep' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  householdKey = fs.readFileSync(path.join(dataDir, 'secrets', 'household-key'), 'utf8').trim();

  expect((await json('POST', '/api/admin/pin', { pin: TEST_PIN })).status).toBe(204);
  adminToken = await freshAdminToken();
  // What must survive the sweep: a song and a toy.
  const data = toneWav(440, 0.3);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), 'keep-me.wav');
  const up = await fetch(`${base}/api/catalog/items`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
    body: form,
  });
  expect(up.status).toBe(201);
  plantedItem = { id: ((await up.json()) as { item: { id: string } }).item.id, bytes: data };
  const device = await json('POST', '/api/devices', { name: 'Keep Bear', consent: TEST_CONSENT }, adminToken);
  expect(device.status).toBe(201);
  plantedDeviceIds = [String(device.body.id)];
}, 300_000);

afterAll(async () => {
  await app?.close();
  db?.close();
  for (const dir of [dataDir, mediaDir, appDir]) fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);

async function jwtProbes(): Promise<void> {
  const config = loadConfig(['--data-dir', dataDir]);
  const { apiKey, apiSecret } = loadLivekitCredentials(config);
  const grant = { video: { roomJoin: true, room: 'household' }, sub: 'sweeper' };
  const now = Math.floor(Date.now() / 1000);
  const sign = (secret: string, claims: Record<string, unknown>) =>
    new SignJWT({ ...grant, ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
  const tokens: Record<string, string> = {
    forged: await sign('not-the-secret', { iss: apiKey, exp: now + 600, nbf: now - 10 }),
    expired: await sign(apiSecret!, { iss: apiKey, exp: now - 3600, nbf: now - 7200 }),
    'not yet valid': await sign(apiSecret!, { iss: apiKey, exp: now + 7200, nbf: now + 3600 }),
    'other issuer': await sign(apiSecret!, { iss: 'someone-else', exp: now + 600 }),
    'alg none': `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...grant, iss: apiKey, exp: now + 600 })).toString('base64url')}.`,
    malformed: 'abc.def.ghi',
    'not base64': '%%%.%%%.%%%',
    empty: '',
    huge: 'a'.repeat(20_000),
  };
  for (const [name, token] of Object.entries(tokens)) {
    await probe({ method: 'GET', path: `/rtc/validate?access_token=${encodeURIComponent(token)}` });
    // The WebSocket upgrade itself: refused before any room is joined.
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/rtc?access_token=${encodeURIComponent(token)}`);
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('open', () => {
        resolve(101);
        ws.close();
      });
      ws.on('error', () => resolve(598));
    });
    outcomes.push({
      probe: `WS /rtc with a ${name} JWT`,
      status: status === 101 ? 200 : status,
      clear: status >= 400 && status < 500,
    });
    if (status === 101) outcomes.push({ probe: `WS /rtc joined with a ${name} JWT`, status: 200, clear: false });
  }
}

describe('bad-input sweep over every route', { timeout: 600_000 }, () => {
  it('answers every malformed request with a clear 4xx, never a 5xx, and loses nothing', async () => {
    const routes = routesOf(app);
    expect(routes.length).toBeGreaterThan(20);
    const credentials: Record<string, Record<string, string>> = {
      anonymous: {},
      admin: { authorization: `Bearer ${adminToken}` },
      household: { authorization: `Bearer ${householdKey}` },
    };
    for (const route of routes) {
      if (route.method === 'HEAD') continue; // Fastify answers HEAD with the GET handler
      const paths =
        route.url.includes(':') || route.url.includes('*') ? expandPath(route.url, route.method) : [route.url];
      for (const [who, auth] of Object.entries(credentials)) {
        if (who === 'admin') auth.authorization = `Bearer ${adminToken}`;
        for (const [i, p] of paths.entries()) {
          if (route.method === 'GET') {
            for (const q of i === 0 ? ['', ...JUNK_QUERIES] : [''])
              await probe({ method: 'GET', path: p + q, headers: auth });
          } else {
            // Every bad body on one path; every bad path with a broken body and with none.
            for (const { type, body } of i === 0 ? BODIES : BODIES.slice(0, 1))
              await probe({ method: route.method, path: p, headers: { ...auth, 'content-type': type }, body });
            await probe({ method: route.method, path: p, headers: auth }); // no body at all
          }
        }
        // A probe may have ended the admin session (DELETE /api/admin/session): open a new one.
        if ((await json('GET', '/api/admin/status', undefined, adminToken)).body.session !== true)
          adminToken = await freshAdminToken();
      }
    }
    for (const range of BAD_RANGES)
      await probe({ method: 'GET', path: `/media/${plantedItem.id}`, headers: { range } });
    await jwtProbes();

    // Lost: anything stored before the sweep that is gone or changed after it.
    let lost = 0;
    const served = await fetch(`${base}/media/${plantedItem.id}`);
    if (served.status !== 200 || !Buffer.from(await served.arrayBuffer()).equals(plantedItem.bytes)) lost++;
    adminToken = await freshAdminToken();
    if (!adminToken || adminToken === 'undefined') lost++; // the PIN still opens a session
    const devices = (await json('GET', '/api/devices', undefined, adminToken)).body.devices as
      { id: string }[] | undefined;
    for (const id of plantedDeviceIds) if (!devices?.some((d) => d.id === id)) lost++;

    const serverErrors = outcomes.filter((o) => o.status >= 500);
    const refused = outcomes.filter((o) => o.status >= 400 && o.status < 500 && o.clear);
    const unclear = outcomes.filter((o) => o.status >= 400 && o.status < 500 && !o.clear);
    console.log(
      `security: ${outcomes.length} tried, ${refused.length} refused with a clear error, ${lost} lost, ${serverErrors.length} server errors`,
    );
    expect(serverErrors.map((o) => `${o.status} ${o.probe}`)).toEqual([]);
    expect(unclear.map((o) => `${o.status} ${o.probe}`)).toEqual([]);
    expect(outcomes.filter((o) => o.probe.startsWith('WS /rtc joined'))).toEqual([]);
    expect(lost).toBe(0);
  });
});

/** A stored thing's id for `:id` where the route has one (so bodies reach the handler), else a harmless word. */
function plausible(url: string, param: string): string {
  if (param !== ':id') return 'a';
  if (url.startsWith('/api/devices/')) return plantedDeviceIds[0] ?? 'a';
  if (url.startsWith('/api/catalog/items/') || url.startsWith('/media/')) return plantedItem.id;
  return 'a';
}

/**
 * The route with plausible parameters first (bodies reach the handler; never for DELETE, which
 * would remove what the sweep checks for loss), then every parameter (or the wildcard) replaced,
 * one at a time, by each bad segment.
 */
function expandPath(url: string, method: string): string[] {
  if (url.endsWith('*')) return WILDCARD_PATHS.map((p) => url.slice(0, -1).replace(/\/$/, '') + p);
  const segments = url.split('/');
  const params = segments.filter((s) => s.startsWith(':'));
  const out: string[] =
    method === 'DELETE' ? [] : [segments.map((s) => (s.startsWith(':') ? plausible(url, s) : s)).join('/')];
  for (const param of params) {
    for (const bad of BAD_SEGMENTS)
      out.push(segments.map((s) => (s === param ? bad : s.startsWith(':') ? plausible(url, s) : s)).join('/'));
  }
  return out;
}
