// The devices JSON API through the real app: parents (admin session from the PIN) and scripts
// (household key) manage toys; everyone else is refused; credentials rotate; deleted toys get no token.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPersona, PIRATE_ID } from '../../../src/core/personas/index.ts';
import { adminToken, buildTestApp, type BuiltApp } from './helpers.ts';
import { TEST_CONSENT } from '../../helpers/toy-consent.ts';

describe('devices API', () => {
  let built: BuiltApp;
  let admin: string;

  // Building the app and hashing the PIN (scrypt) take a while on a busy 2-core box.
  beforeAll(async () => {
    built = await buildTestApp();
    admin = await adminToken(built.app);
  }, 60_000);
  afterAll(async () => {
    await built?.close();
  });

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    bearer?: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> =>
    built.app.inject({
      method,
      url,
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      ...(payload ? { payload } : {}),
    });

  it('creates a toy with its MAC as id and a profile, and returns the credential once', async () => {
    const pirate = builtinPersona(PIRATE_ID)!;
    const res = await call('POST', '/api/devices', admin, {
      name: 'Bear',
      id: 'AA:BB:CC:DD:EE:FF',
      ownerName: 'Maya',
      persona: { ...pirate, id: 'custom-pirate', name: 'Pirate Pete' },
      volume: 0.6,
      limits: { dailyMinutes: 30, quietHours: { start: '19:30', end: '07:00' } },
      consent: TEST_CONSENT,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as Record<string, unknown>;
    expect(body).toMatchObject({
      id: 'aa-bb-cc-dd-ee-ff',
      name: 'Bear',
      ownerName: 'Maya',
      volume: 0.6,
      defaultPersona: false,
      online: { device: false, agent: false },
    });
    expect((body.persona as { name: string }).name).toBe('Pirate Pete');
    expect(typeof body.credential).toBe('string');

    const got = (await call('GET', '/api/devices/aa-bb-cc-dd-ee-ff', built.householdKey)).json() as Record<
      string,
      unknown
    >;
    expect(got).toMatchObject({
      id: 'aa-bb-cc-dd-ee-ff',
      limits: { dailyMinutes: 30, quietHours: { start: '19:30', end: '07:00' } },
    });
    expect(got).not.toHaveProperty('credential');
    expect(JSON.stringify((await call('GET', '/api/devices', admin)).json())).not.toContain(String(body.credential));

    // The same MAC written another way is the same toy.
    expect(
      (await call('POST', '/api/devices', admin, { name: 'Again', id: 'aabbccddeeff', consent: TEST_CONSENT }))
        .statusCode,
    ).toBe(409);
  });

  it('generates an id, lists, updates the profile and deletes (household key works like the PIN)', async () => {
    const created = (
      await call('POST', '/api/devices', built.householdKey, { name: 'Owl', consent: TEST_CONSENT })
    ).json() as {
      id: string;
      persona: { id: string };
      defaultPersona: boolean;
    };
    expect(created.id).toMatch(/^dev_[0-9a-f]{16}$/);
    expect(created.defaultPersona).toBe(true);
    expect(created.persona.id).toBe('builtin-hearth');

    const list = (await call('GET', '/api/devices', admin)).json() as { devices: { id: string }[] };
    expect(list.devices.map((d) => d.id)).toContain(created.id);

    const patched = await call('PATCH', `/api/devices/${created.id}`, admin, {
      name: 'Wise owl',
      voice: 'awb',
      language: 'en-GB',
      volume: 0.25,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Wise owl', voice: 'awb', language: 'en-GB', volume: 0.25 });

    expect((await call('DELETE', `/api/devices/${created.id}`, admin)).statusCode).toBe(204);
    expect((await call('GET', `/api/devices/${created.id}`, admin)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/devices/${created.id}`, admin)).statusCode).toBe(404);
  });

  it('refuses requests without a parent session or the household key', async () => {
    for (const [method, url] of [
      ['GET', '/api/devices'],
      ['POST', '/api/devices'],
      ['GET', '/api/devices/aa-bb-cc-dd-ee-ff'],
      ['PATCH', '/api/devices/aa-bb-cc-dd-ee-ff'],
      ['DELETE', '/api/devices/aa-bb-cc-dd-ee-ff'],
      ['POST', '/api/devices/aa-bb-cc-dd-ee-ff/credential'],
      ['GET', '/api/devices/aa-bb-cc-dd-ee-ff/memories'],
      ['DELETE', '/api/devices/aa-bb-cc-dd-ee-ff/memories'],
    ] as const) {
      expect(
        (await call(method, url, undefined, method === 'GET' || method === 'DELETE' ? undefined : { name: 'x' }))
          .statusCode,
        `${method} ${url}`,
      ).toBe(401);
      expect(
        (await call(method, url, 'not-the-key', method === 'GET' || method === 'DELETE' ? undefined : { name: 'x' }))
          .statusCode,
        `${method} ${url}`,
      ).toBe(401);
    }
    // The observer token is for a parent's browser only, not for household-key scripts.
    expect((await call('POST', '/api/devices/aa-bb-cc-dd-ee-ff/observer-token', built.householdKey)).statusCode).toBe(
      401,
    );
  });

  it('answers bad bodies with field messages and unknown ids with 404', async () => {
    const bad = await call('POST', '/api/devices', admin, { name: '', volume: 2, id: 'no spaces allowed!' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { message: string }).message).toMatch(/name: a name is needed/);
    expect((bad.json() as { message: string }).message).toMatch(/volume: .*<=1/);

    const badId = await call('POST', '/api/devices', admin, {
      name: 'Cat',
      id: 'no spaces allowed!',
      consent: TEST_CONSENT,
    });
    expect(badId.statusCode).toBe(400);
    expect((badId.json() as { message: string }).message).toMatch(/device id: a MAC address/);

    const badPersona = await call('PATCH', '/api/devices/aa-bb-cc-dd-ee-ff', admin, {
      persona: { name: 'half a persona' },
      limits: { dailyMinutes: 0, quietHours: null },
    });
    expect(badPersona.statusCode).toBe(400);
    const message = (badPersona.json() as { message: string }).message;
    expect(message).toMatch(/persona\.systemPrompt/);
    expect(message).toMatch(/limits\.dailyMinutes/);
    expect((await call('PATCH', '/api/devices/aa-bb-cc-dd-ee-ff', admin, { colour: 'red' })).statusCode).toBe(400);
    // Nothing was changed by the refused updates.
    expect((await call('GET', '/api/devices/aa-bb-cc-dd-ee-ff', admin)).json()).toMatchObject({
      ownerName: 'Maya',
      limits: { dailyMinutes: 30 },
    });

    expect((await call('PATCH', '/api/devices/nope', admin, { name: 'x' })).statusCode).toBe(404);
    expect((await call('POST', '/api/devices/nope/credential', admin)).statusCode).toBe(404);
    expect((await call('GET', '/api/devices/nope/memories', admin)).statusCode).toBe(404);
    expect((await call('POST', '/api/devices/nope/observer-token', admin)).statusCode).toBe(404);
  });

  it("keeps the persona's pause patience (how long the toy waits for a child who stops to think)", async () => {
    const hearth = builtinPersona(PIRATE_ID)!;
    const created = await call('POST', '/api/devices', admin, {
      name: 'Owl',
      persona: { ...hearth, id: 'patient-pirate', pausePatience: 'long' },
      consent: TEST_CONSENT,
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: string };
    const got = (await call('GET', `/api/devices/${id}`, admin)).json() as { persona: { pausePatience?: string } };
    expect(got.persona.pausePatience).toBe('long');
    const bad = await call('PATCH', `/api/devices/${id}`, admin, {
      persona: { ...hearth, id: 'patient-pirate', pausePatience: 'forever' },
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { message: string }).message).toMatch(/persona\.pausePatience/);
  });

  it('rotating the credential invalidates the old one; a deleted toy is refused at the token route', async () => {
    const { id, credential } = (
      await call('POST', '/api/devices', admin, { name: 'Fox', consent: TEST_CONSENT })
    ).json() as {
      id: string;
      credential: string;
    };
    const token = await call('POST', `/api/devices/${id}/token`, credential);
    expect(token.statusCode).toBe(200);
    expect(token.json()).toMatchObject({ room: `device-${id}`, identity: `device-${id}` });
    // Neither the household key nor an admin session is a device credential.
    expect((await call('POST', `/api/devices/${id}/token`, built.householdKey)).statusCode).toBe(401);
    expect((await call('POST', `/api/devices/${id}/token`, admin)).statusCode).toBe(401);

    const rotated = (await call('POST', `/api/devices/${id}/credential`, admin)).json() as { credential: string };
    expect(rotated.credential).not.toBe(credential);
    expect((await call('POST', `/api/devices/${id}/token`, credential)).statusCode).toBe(401);
    expect((await call('POST', `/api/devices/${id}/token`, rotated.credential)).statusCode).toBe(200);

    expect((await call('DELETE', `/api/devices/${id}`, built.householdKey)).statusCode).toBe(204);
    expect((await call('POST', `/api/devices/${id}/token`, rotated.credential)).statusCode).toBe(401);
  });

  it('mints a visible, listen-only observer token for a parent (the toy is told)', async () => {
    const res = await call('POST', '/api/devices/aa-bb-cc-dd-ee-ff/observer-token', admin);
    expect(res.statusCode).toBe(200);
    const { token, room, identity } = res.json() as { token: string; room: string; identity: string };
    expect(room).toBe('device-aa-bb-cc-dd-ee-ff');
    expect(identity).toMatch(/^observer-/);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
      video: Record<string, unknown>;
    };
    expect(claims.video).toMatchObject({
      room: 'device-aa-bb-cc-dd-ee-ff',
      roomJoin: true,
      canPublish: false,
      canPublishData: false,
      canSubscribe: true,
    });
    expect(claims.video.hidden).toBeUndefined();
  });

  it('lets a parent list, edit and delete a toy’s memories', async () => {
    const { id } = (await call('POST', '/api/devices', admin, { name: 'Lion', consent: TEST_CONSENT })).json() as {
      id: string;
    };
    const { DeviceMemoryStore } = await import('../../../server/devices/device-memory-store.ts');
    const store = new DeviceMemoryStore(built.db, id);
    await store.put({
      id: 'm1',
      slot: 'name',
      text: "The user's name is Maya.",
      source: 'rules',
      conversationId: 'c',
      createdAt: 1,
      updatedAt: 1,
      embedding: [0.1, 0.2],
    });
    await store.put({
      id: 'm2',
      slot: 'likes:dinosaurs',
      text: 'The user loves dinosaurs.',
      source: 'rules',
      conversationId: 'c',
      createdAt: 2,
      updatedAt: 2,
      embedding: null,
    });

    const listed = (await call('GET', `/api/devices/${id}/memories`, admin)).json() as {
      memories: Record<string, unknown>[];
    };
    expect(listed.memories.map((m) => m.id)).toEqual(['m2', 'm1']);
    expect(listed.memories[0]).not.toHaveProperty('embedding');

    const edited = await call('PATCH', `/api/devices/${id}/memories/m1`, admin, {
      text: "The user's name is Maya Rose.",
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: 'm1', text: "The user's name is Maya Rose.", source: 'parent' });
    expect((await call('PATCH', `/api/devices/${id}/memories/m1`, admin, { text: '  ' })).statusCode).toBe(400);
    expect((await call('PATCH', `/api/devices/${id}/memories/nope`, admin, { text: 'x' })).statusCode).toBe(404);

    expect((await call('DELETE', `/api/devices/${id}/memories/m2`, admin)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/devices/${id}/memories/m2`, admin)).statusCode).toBe(404);
    await store.put({
      id: 'm3',
      slot: 'pet',
      text: 'The user has a cat.',
      source: 'rules',
      conversationId: 'c',
      createdAt: 3,
      updatedAt: 3,
      embedding: null,
    });
    expect((await call('DELETE', `/api/devices/${id}/memories`, built.householdKey)).json()).toEqual({ deleted: 2 });
    expect((await call('GET', `/api/devices/${id}/memories`, admin)).json()).toEqual({ memories: [] });
  });

  it('keeps the words each toy memory came from and returns them with its dates (null for older ones)', async () => {
    const { id } = (await call('POST', '/api/devices', admin, { name: 'Owl', consent: TEST_CONSENT })).json() as {
      id: string;
    };
    const { DeviceMemoryStore } = await import('../../../server/devices/device-memory-store.ts');
    const { MemoryService } = await import('../../../src/core/memory/memory-service.ts');
    const store = new DeviceMemoryStore(built.db, id);
    // Learned before Hearth kept the words: a row with no from_words.
    built.db
      .prepare(
        `INSERT INTO device_memories (device_id, id, slot, text, source, conversation_id, created_at, updated_at)
         VALUES (?, 'old', 'pet', 'The user has a cat.', 'rules', 'c0', 1000, 1000)`,
      )
      .run(id);
    // Learned by the toy's memory service from what the child said: only the sentence that holds it.
    await new MemoryService({ store }).learnFromTurn({
      userText: 'Hello there! I love dinosaurs.',
      replyText: 'Dinosaurs are great!',
      conversationId: 'c1',
    });
    const stored = built.db
      .prepare('SELECT text, from_words FROM device_memories WHERE device_id = ? ORDER BY id')
      .all(id) as { text: string; from_words: string | null }[];
    expect(stored).toContainEqual({ text: 'The user loves dinosaurs.', from_words: 'I love dinosaurs.' });
    expect(stored).toContainEqual({ text: 'The user has a cat.', from_words: null });

    const listed = (await call('GET', `/api/devices/${id}/memories`, admin)).json() as {
      memories: { id: string; text: string; fromWords: string | null; createdAt: number; updatedAt: number }[];
    };
    const learned = listed.memories.find((m) => m.text === 'The user loves dinosaurs.');
    expect(learned).toMatchObject({ fromWords: 'I love dinosaurs.', source: 'rules', conversationId: 'c1' });
    expect(learned?.updatedAt).toBeGreaterThan(1000);
    expect(listed.memories.find((m) => m.id === 'old')).toMatchObject({
      text: 'The user has a cat.',
      fromWords: null,
      createdAt: 1000,
      updatedAt: 1000,
    });

    // A parent's edit keeps the words it came from; the ledger's export has them too.
    const edited = await call('PATCH', `/api/devices/${id}/memories/${learned?.id}`, admin, {
      text: 'The user loves dinosaurs and dragons.',
    });
    expect(edited.json()).toMatchObject({ source: 'parent', fromWords: 'I love dinosaurs.' });
    expect(
      (await call('PATCH', `/api/devices/${id}/memories/old`, admin, { text: 'The user has two cats.' })).json(),
    ).toMatchObject({ fromWords: null });

    // Words longer than a memory keeps are cut at a word (the column holds at most 200 characters).
    await store.put({
      id: 'long',
      slot: 'note:long',
      text: 'The user talks a lot.',
      source: 'tool',
      conversationId: 'c2',
      createdAt: 3,
      updatedAt: 3,
      embedding: null,
      fromWords: 'blah '.repeat(100),
    });
    const long = (await store.list()).find((m) => m.id === 'long')?.fromWords ?? '';
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith('…')).toBe(true);
  });
});
