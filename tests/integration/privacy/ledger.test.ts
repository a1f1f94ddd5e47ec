// The parent's data ledger for toys through the real app: the counts match what each toy keeps,
// an export is JSON of exactly that kind, "delete all" leaves 0 and the words in none of the
// database's files, kinds that go only with the toy are refused with a reason, and only a parent
// (PIN session) or the household key gets in.
import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryRecord } from '../../../src/core/memory/memory-types.ts';
import type { LedgerEntry, ServerLedger } from '../../../src/core/privacy/data-ledger.ts';
import { DeviceMemoryStore } from '../../../server/devices/device-memory-store.ts';
import { DeviceRepository } from '../../../server/devices/device-repository.ts';
import { DeviceTurnStore } from '../../../server/devices/device-turn-store.ts';
import { DeviceUsage } from '../../../server/devices/device-usage.ts';
import { adminToken, buildTestApp, type BuiltApp } from '../devices/helpers.ts';

const DAY = 24 * 60 * 60 * 1000;
const CONSENT_VERSION = '2026-12-02';

describe('the data ledger for toys', () => {
  let built: BuiltApp;
  let admin: string;
  let bear: string;
  let owl: string;
  let dataDir: string;

  beforeAll(async () => {
    built = await buildTestApp();
    dataDir = path.dirname(built.db.name);
    admin = await adminToken(built.app);
    const devices = new DeviceRepository(built.db);
    bear = devices.create({ name: 'Bear' }).device.id;
    owl = devices.create({ name: 'Owl' }).device.id;
    devices.updateProfile(owl, { historyDays: 2 });
    // The consent row as the pairing flow stores it (migration 9's table).
    built.db
      .prepare(
        'INSERT INTO device_consents (device_id, child_age, text_version, given_by, given_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(bear, 6, CONSENT_VERSION, 'parent-pin', new Date().toISOString());
    const turns = new DeviceTurnStore(built.db);
    for (const [i, words] of [
      'my hideout is behind the purple shed',
      'tell me about owls',
      'sing the moon song',
    ].entries())
      turns.add(bear, turn(i, words));
    turns.add(owl, turn(0, 'owl question'));
    const memories = new DeviceMemoryStore(built.db, bear);
    await memories.put(memory('m1', 'Maya is scared of the dentist Dr Quillfeather'));
    await memories.put(memory('m2', 'Maya loves kites'));
    const usage = new DeviceUsage(built.db, bear);
    usage.add(new Date(), 60_000);
    usage.add(new Date(Date.now() - DAY), 120_000);
  }, 60_000);
  afterAll(async () => {
    await built?.close();
  }, 60_000);

  function call(method: 'GET' | 'DELETE', url: string, bearer: string | null = admin): Promise<LightMyRequestResponse> {
    return built.app.inject({ method, url, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  }

  async function ledger(): Promise<ServerLedger> {
    const res = await call('GET', '/api/privacy/ledger');
    expect(res.statusCode).toBe(200);
    return res.json<ServerLedger>();
  }

  function entry(l: ServerLedger, toy: string, kind: string): LedgerEntry {
    const found = l.toys.find((t) => t.id === toy)?.entries.find((e) => e.kind === kind);
    if (!found) throw new Error(`no ${kind} entry for ${toy}`);
    return found;
  }

  /** The names of the database's files on disk that hold `phrase` (hearth.db, -wal, -shm). */
  function filesHolding(phrase: string): string[] {
    const files = fs.readdirSync(dataDir).filter((name) => /^hearth\.db(?:-wal|-shm)?$/.test(name));
    expect(files).toContain('hearth.db');
    return files.filter((name) => fs.readFileSync(path.join(dataDir, name)).includes(Buffer.from(phrase, 'utf8')));
  }

  it('lists every kind for every toy with where, how long and the right counts; no audio stored', async () => {
    const l = await ledger();
    expect(l.audioStored).toBe(false);
    expect(l.toys.map((t) => t.name)).toEqual(['Bear', 'Owl']);
    expect(l.toys[0]!.entries.map((e) => e.kind)).toEqual([
      'history',
      'memories',
      'usage',
      'consent',
      'profile',
      'credential',
    ]);
    expect(entry(l, bear, 'history')).toMatchObject({
      count: 3,
      where: 'home-server',
      keptFor: '7 days',
      deletable: true,
    });
    expect(entry(l, owl, 'history')).toMatchObject({ count: 1, keptFor: '2 days' });
    expect(entry(l, bear, 'memories')).toMatchObject({ count: 2, deletable: true });
    expect(entry(l, owl, 'memories').count).toBe(0);
    expect(entry(l, bear, 'usage')).toMatchObject({ count: 2, unit: 'days' });
    expect(entry(l, bear, 'consent')).toMatchObject({ count: 1, deletable: false });
    expect(entry(l, owl, 'consent').count).toBe(0);
    expect(entry(l, bear, 'credential')).toMatchObject({ count: 1, deletable: false });
  });

  it('exports exactly one kind as JSON', async () => {
    const history = await call('GET', `/api/privacy/toys/${bear}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.headers['content-type']).toMatch(/^application\/json/);
    expect(history.headers['content-disposition']).toMatch(new RegExp(`attachment; filename="hearth-${bear}-history-`));
    expect(history.headers['cache-control']).toBe('no-store');
    const body = history.json<{ kind: string; count: number; items: { userText: string; deviceId: string }[] }>();
    expect(body.kind).toBe('history');
    expect(body.count).toBe(3);
    expect(body.items.map((t) => t.userText).sort()).toEqual([
      'my hideout is behind the purple shed',
      'sing the moon song',
      'tell me about owls',
    ]);
    expect(new Set(body.items.map((t) => t.deviceId))).toEqual(new Set([bear]));
    // Nothing of the other kinds: no memory text, no usage.
    expect(history.body).not.toContain('Quillfeather');

    const memories = (await call('GET', `/api/privacy/toys/${bear}/memories`)).json<{
      items: Record<string, unknown>[];
    }>();
    expect(memories.items.map((m) => m['text']).sort()).toEqual([
      'Maya is scared of the dentist Dr Quillfeather',
      'Maya loves kites',
    ]);
    expect(memories.items.every((m) => !('embedding' in m))).toBe(true);

    const usage = (await call('GET', `/api/privacy/toys/${bear}/usage`)).json<{
      items: { day: string; usedMs: number }[];
    }>();
    expect(usage.items.map((u) => u.usedMs).sort((a, b) => a - b)).toEqual([60_000, 120_000]);

    const consent = (await call('GET', `/api/privacy/toys/${bear}/consent`)).json<{ items: unknown[] }>();
    expect(consent.items).toMatchObject([{ childAge: 6, textVersion: CONSENT_VERSION, givenBy: 'parent-pin' }]);

    const credential = await call('GET', `/api/privacy/toys/${bear}/credential`);
    const hash = new DeviceRepository(built.db).credentialHash(bear)!;
    expect(credential.body).not.toContain(hash);
  });

  it('"delete all" of one kind leaves 0 of it, the words in no database file, and the other kinds untouched', async () => {
    expect(filesHolding('my hideout is behind the purple shed')).not.toEqual([]);
    expect(filesHolding('Dr Quillfeather')).not.toEqual([]);

    const history = await call('DELETE', `/api/privacy/toys/${bear}/history`);
    expect(history.json()).toEqual({ kind: 'history', deleted: 3 });
    expect(filesHolding('my hideout is behind the purple shed')).toEqual([]);
    let l = await ledger();
    expect(entry(l, bear, 'history').count).toBe(0);
    expect(entry(l, owl, 'history').count).toBe(1);
    expect(entry(l, bear, 'memories').count).toBe(2);

    expect((await call('DELETE', `/api/privacy/toys/${bear}/memories`)).json()).toEqual({
      kind: 'memories',
      deleted: 2,
    });
    expect(filesHolding('Dr Quillfeather')).toEqual([]);
    expect((await call('DELETE', `/api/privacy/toys/${bear}/usage`)).json()).toEqual({ kind: 'usage', deleted: 2 });
    l = await ledger();
    expect(entry(l, bear, 'memories').count).toBe(0);
    expect(entry(l, bear, 'usage').count).toBe(0);
    expect(entry(l, bear, 'consent').count).toBe(1);
    expect((await call('GET', `/api/privacy/toys/${bear}/history`)).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('consent, profile and credential go only with the toy: 409 with what to do', async () => {
    for (const kind of ['consent', 'profile', 'credential']) {
      const res = await call('DELETE', `/api/privacy/toys/${bear}/${kind}`);
      expect(res.statusCode).toBe(409);
      expect(res.json<{ message: string }>().message).toMatch(/delete the toy/);
    }
  });

  it('bad input gets a clear 4xx', async () => {
    const kind = await call('GET', `/api/privacy/toys/${bear}/voiceprints`);
    expect(kind.statusCode).toBe(400);
    expect(kind.json<{ message: string }>().message).toMatch(/voiceprints.*history, memories, usage/);
    const toy = await call('DELETE', '/api/privacy/toys/no-such-toy/history');
    expect(toy.statusCode).toBe(404);
    expect(toy.json<{ message: string }>().message).toMatch(/no device with id no-such-toy/);
  });

  it('only a parent or the household key', async () => {
    expect((await call('GET', '/api/privacy/ledger', built.householdKey)).statusCode).toBe(200);
    for (const bearer of [null, 'not-a-session']) {
      expect((await call('GET', '/api/privacy/ledger', bearer)).statusCode).toBe(401);
      expect((await call('GET', `/api/privacy/toys/${owl}/history`, bearer)).statusCode).toBe(401);
      expect((await call('DELETE', `/api/privacy/toys/${owl}/history`, bearer)).statusCode).toBe(401);
    }
    expect(entry(await ledger(), owl, 'history').count).toBe(1);
  });
});

function turn(i: number, userText: string) {
  const at = new Date(Date.now() - (10 - i) * 60_000).toISOString();
  return {
    startedAt: at,
    endedAt: at,
    userText,
    replyText: `You said: ${userText}`,
    interrupted: false,
    guarded: null,
    personaName: 'Hearth',
    memoriesUsed: [],
  };
}

function memory(id: string, text: string): MemoryRecord {
  return {
    id,
    slot: `note:${id}`,
    text,
    source: 'rules',
    conversationId: null,
    createdAt: 1,
    updatedAt: 2,
    embedding: null,
  };
}
