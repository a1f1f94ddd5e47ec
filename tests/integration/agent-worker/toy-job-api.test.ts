// The toy job API (#18): a worker reads its assigned toy's settings with the job's room token and
// nothing else; every other credential is refused with a 4xx that says why.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TOY_JOB_API_PATH,
  TOY_JOB_MEMORIES_PATH,
  TOY_JOB_TOKEN_PATH,
  TOY_JOB_TURNS_PATH,
  TOY_JOB_USAGE_PATH,
} from '../../../server/agent-worker/job-token-auth.ts';
import {
  fetchToyJobInfo,
  registerToyJobApi,
  toyJobReports,
  type WorkerTurn,
} from '../../../server/agent-worker/toy-job-api.ts';
import { jobApiCaller } from '../../../server/agent-worker/job-api-client.ts';
import type { MemoryRecord } from '../../../src/core/memory/memory-types.ts';
import { CHILD_COMPANION_ID } from '../../../src/core/personas/index.ts';
import { startHearthServer } from '../../helpers/server.ts';
import { signJobToken, toyProfile } from './job-fixtures.ts';

const KEY = 'HKjobapi';
const SECRET = 'job-api-test-secret-long-enough-for-hs256-0123456789';

const profile = (id: string) => toyProfile(id);

const jobToken = (room: string, secret = SECRET, key = KEY) => signJobToken(key, secret, room);

describe('toy job API for agent workers', () => {
  let app: FastifyInstance;
  let base: string;
  const usage: [string, number][] = [];
  const kept: [string, WorkerTurn][] = [];
  /** Each toy's memories as the server keeps them. */
  const memories = new Map<string, Map<string, MemoryRecord>>();
  /** Token renewals the server answered (asked over HTTP by the worker's reports). */
  const renewals: string[] = [];

  beforeAll(async () => {
    app = Fastify({ logger: false });
    const toys = new Map([
      ['toy1', profile('toy1')],
      ['quiet', { ...profile('quiet'), memoryEnabled: false }],
    ]);
    registerToyJobApi(app, {
      apiKey: KEY,
      apiSecret: SECRET,
      profile: (id) => toys.get(id),
      usedToday: (id) => (id === 'toy1' ? 125_000 : 0),
      addUsage: (id, ms) => usage.push([id, ms]),
      keepTurn: (id, turn) => {
        kept.push([id, turn]);
        return true;
      },
      sessionConfig: { preemptiveGeneration: true },
      memories: (id) => ({
        list: () => Promise.resolve([...(memories.get(id)?.values() ?? [])]),
        put: (record) => {
          if (!memories.has(id)) memories.set(id, new Map());
          memories.get(id)!.set(record.id, record);
          return Promise.resolve();
        },
        delete: (memoryId) => Promise.resolve(void memories.get(id)?.delete(memoryId)),
      }),
    });
    app.addHook('onRequest', async (request) => {
      if (request.url === TOY_JOB_TOKEN_PATH) renewals.push(request.url);
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(() => app.close());

  it("gives a worker its job's toy: persona (owner and notes in the prompt), limits, talking time, volume, turn-taking", async () => {
    const info = await fetchToyJobInfo(base, await jobToken('device-toy1'));
    expect(info.deviceId).toBe('toy1');
    expect(info.persona.systemPrompt).toContain('You are Bramble, the toy of a child called Ada.');
    expect(info.persona.systemPrompt).toContain('loves foxes');
    expect(info.personaRecord.id).toBe(CHILD_COMPANION_ID);
    expect(info.limits).toEqual({ dailyMinutes: 20, quietHours: null });
    expect(info.usedTodayMs).toBe(125_000);
    expect(info.volume).toBe(0.6);
    expect(info.childAge).toBeNull();
    expect(info.sessionConfig).toEqual({ preemptiveGeneration: true });
  });

  it("takes back the job's talking time and finished turns, for that toy only", async () => {
    const reports = toyJobReports(jobApiCaller(base, await jobToken('device-toy1')));
    await reports.usage(4200);
    const turn: WorkerTurn = {
      startedAt: '2026-12-03T10:00:00.000Z',
      endedAt: '2026-12-03T10:00:04.000Z',
      userText: 'Tell me about foxes.',
      replyText: 'Foxes have bushy tails.',
      interrupted: false,
      guarded: null,
      personaName: 'Bramble',
    };
    await reports.turn(turn);
    expect(usage).toEqual([['toy1', 4200]]);
    expect(kept).toEqual([['toy1', turn]]);
    // Another toy's job token cannot write for it: its toy is gone.
    await expect(toyJobReports(jobApiCaller(base, await jobToken('device-gone'))).usage(1000)).rejects.toThrow(
      /HTTP 404/,
    );
    expect(usage).toHaveLength(1);
  });

  it('refuses bad write-backs with a 4xx that says why, and stores nothing', async () => {
    const token = await jobToken('device-toy1');
    const post = async (url: string, payload: string) => {
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload,
      });
      return { status: res.statusCode, error: (res.json() as { error?: string }).error ?? '' };
    };
    const before = [usage.length, kept.length];
    for (const body of ['{"ms":0}', '{"ms":900001}', '{"ms":1.5}', '{"ms":"10"}', '{"ms":10,"day":"x"}', 'not json'])
      expect((await post(TOY_JOB_USAGE_PATH, body)).status, body).toBe(400);
    const turn = {
      startedAt: '2026-12-03T10:00:04.000Z',
      endedAt: '2026-12-03T10:00:00.000Z',
      userText: 'hi',
      replyText: 'hello',
      interrupted: false,
      guarded: null,
      personaName: 'Bramble',
    };
    expect(await post(TOY_JOB_TURNS_PATH, JSON.stringify(turn))).toMatchObject({
      status: 400,
      error: expect.stringMatching(/end before it starts/),
    });
    expect((await post(TOY_JOB_TURNS_PATH, JSON.stringify({ ...turn, startedAt: 'yesterday' }))).status).toBe(400);
    expect((await post(TOY_JOB_TURNS_PATH, JSON.stringify({ ...turn, memoriesUsed: ['x'] }))).status).toBe(400);
    const long = { ...turn, endedAt: '2026-12-03T10:00:05.000Z', replyText: 'x'.repeat(70_000) };
    expect((await post(TOY_JOB_TURNS_PATH, JSON.stringify(long))).status).toBe(413);
    // Without a job token nothing is written either.
    const anonymous = await app.inject({ method: 'POST', url: TOY_JOB_USAGE_PATH, payload: { ms: 10 } });
    expect(anonymous.statusCode).toBe(401);
    expect([usage.length, kept.length]).toEqual(before);
  });

  it("renews a job's token before it runs out, so a long conversation keeps handing back its talking time", async () => {
    // A job token with 5 minutes left: the next report renews it first.
    const at = new AccessToken(KEY, SECRET, { identity: 'hearth-agent', name: 'Hearth', ttl: 300 });
    at.kind = 'agent';
    at.addGrant({ roomJoin: true, agent: true, room: 'device-toy1', canPublish: true, canSubscribe: true });
    const old = await at.toJwt();
    renewals.length = 0;
    const reports = toyJobReports(jobApiCaller(base, old));
    const before = usage.length;
    await Promise.all([reports.usage(1000), reports.usage(2000)]);
    expect(renewals).toHaveLength(1); // one renewal for both reports
    expect(usage.slice(before)).toEqual(
      expect.arrayContaining([
        ['toy1', 1000],
        ['toy1', 2000],
      ]),
    );
    await reports.usage(500);
    expect(renewals).toHaveLength(1); // the renewed token has an hour left

    // The renewed token is the same job's: same room and grants, an hour more, and it remembers
    // when the job began.
    const renewed = await app.inject({
      method: 'POST',
      url: TOY_JOB_TOKEN_PATH,
      headers: { authorization: `Bearer ${old}` },
    });
    expect(renewed.statusCode).toBe(200);
    const token = (renewed.json() as { token: string }).token;
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
      exp: number;
      kind: string;
      video: { room: string; agent: boolean };
      attributes: Record<string, string>;
    };
    expect(claims.kind).toBe('agent');
    expect(claims.video).toMatchObject({ room: 'device-toy1', agent: true });
    expect(claims.exp * 1000 - Date.now()).toBeGreaterThan(50 * 60_000);
    const since = Number(claims.attributes['hearth.jobSince']);
    expect(Math.abs(since - Date.now())).toBeLessThan(60_000);
    expect((await fetchToyJobInfo(base, token)).deviceId).toBe('toy1');

    // A job older than 12 hours is not renewed: a leaked token cannot be kept alive for good.
    const stale = new AccessToken(KEY, SECRET, {
      identity: 'hearth-agent',
      ttl: 3600,
      attributes: { 'hearth.jobSince': String(Date.now() - 13 * 3600_000) },
    });
    stale.kind = 'agent';
    stale.addGrant({ roomJoin: true, agent: true, room: 'device-toy1' });
    const refused = await app.inject({
      method: 'POST',
      url: TOY_JOB_TOKEN_PATH,
      headers: { authorization: `Bearer ${await stale.toJwt()}` },
    });
    expect(refused.statusCode).toBe(403);
    expect((refused.json() as { error: string }).error).toMatch(/older than 12 hours/);
    // Nor is anything that is not a job token.
    const worker = new AccessToken(KEY, SECRET);
    worker.addGrant({ agent: true });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: TOY_JOB_TOKEN_PATH,
          headers: { authorization: `Bearer ${await worker.toJwt()}` },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("reads, writes and forgets its toy's memories on the server, only when the parent lets the toy remember", async () => {
    const reports = toyJobReports(jobApiCaller(base, await jobToken('device-toy1')));
    expect(await reports.memories.list()).toEqual([]);
    const record: MemoryRecord = {
      id: 'memory-1',
      slot: 'name',
      text: 'The child is called Ada.',
      source: 'rules',
      conversationId: 'conversation-1',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      embedding: null,
      fromWords: 'My name is Ada.',
    };
    await reports.memories.put(record);
    expect(memories.get('toy1')?.get('memory-1')).toEqual(record);
    expect(await reports.memories.list()).toEqual([record]);
    await reports.memories.delete('memory-1');
    expect(memories.get('toy1')?.size).toBe(0);
    // Bad records are refused with the reason, and nothing is stored.
    const token = await jobToken('device-toy1');
    const put = (id: string, body: unknown) =>
      app.inject({
        method: 'PUT',
        url: `${TOY_JOB_MEMORIES_PATH}/${id}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
    expect((await put('memory-2', { ...record, id: 'memory-2', text: '' })).statusCode).toBe(400);
    expect((await put('memory-2', { ...record, id: 'memory-2', source: 'worker' })).statusCode).toBe(400);
    expect((await put('memory-2', { ...record, id: 'memory-3' })).statusCode).toBe(400);
    expect((await put('memory-2', { ...record, id: 'memory-2', extra: 1 })).statusCode).toBe(400);
    expect(memories.get('toy1')?.size).toBe(0);
    // A toy whose parent switched memory off: nothing is read or written.
    const quiet = toyJobReports(jobApiCaller(base, await jobToken('device-quiet')));
    await expect(quiet.memories.list()).rejects.toThrow(/HTTP 403.*switched off/);
    await expect(quiet.memories.put(record)).rejects.toThrow(/HTTP 403/);
    expect(memories.has('quiet')).toBe(false);
    expect((await fetchToyJobInfo(base, await jobToken('device-quiet'))).memoryEnabled).toBe(false);
    expect((await fetchToyJobInfo(base, await jobToken('device-toy1'))).memoryEnabled).toBe(true);
  });

  it('refuses every other credential with the reason', async () => {
    const get = async (token?: string) => {
      const res = await app.inject({
        method: 'GET',
        url: TOY_JOB_API_PATH,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return { status: res.statusCode, error: (res.json() as { error: string }).error };
    };
    expect(await get()).toMatchObject({ status: 401, error: expect.stringMatching(/Bearer/) });
    expect(await get(await jobToken('device-toy1', 'another-secret-another-secret-0123456789'))).toMatchObject({
      status: 401,
      error: expect.stringMatching(/invalid job token/),
    });
    // A worker's registration token (agent grant only) and a toy's own join token are not job tokens.
    const worker = new AccessToken(KEY, SECRET);
    worker.addGrant({ agent: true });
    expect((await get(await worker.toJwt())).status).toBe(403);
    const toy = new AccessToken(KEY, SECRET, { identity: 'device-toy1' });
    toy.addGrant({ roomJoin: true, room: 'device-toy1' });
    expect((await get(await toy.toJwt())).status).toBe(403);
    expect(await get(await jobToken('living-room'))).toMatchObject({
      status: 403,
      error: expect.stringMatching(/not a toy's room/),
    });
    expect(await get(await jobToken('device-gone'))).toMatchObject({
      status: 404,
      error: expect.stringMatching(/no toy gone/),
    });
  });
});

describe('toy job API on the real Hearth server', () => {
  it('is served without the parent PIN, checks job tokens against the household LiveKit key, and names a missing toy', async () => {
    const server = await startHearthServer({ media: 'empty' });
    try {
      const secret = (name: string) => readFileSync(path.join(server.dataDir, 'secrets', name), 'utf8').trim();
      const token = await jobToken('device-nosuchtoy', secret('livekit-api-secret'), secret('livekit-api-key'));
      const res = await fetch(new URL(TOY_JOB_API_PATH, server.url), { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: string }).error).toMatch(/no toy nosuchtoy/);
      const forged = await fetch(new URL(TOY_JOB_API_PATH, server.url), {
        headers: { authorization: `Bearer ${await jobToken('device-nosuchtoy')}` },
      });
      expect(forged.status).toBe(401);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
