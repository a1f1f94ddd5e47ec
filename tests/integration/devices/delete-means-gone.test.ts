// Deleting means gone: a child's words that a parent deletes (a turn, a memory, all of them, the
// whole toy) or that outlive the retention period are in none of the database's files afterwards —
// not the database, not its write-ahead log, not the shared-memory index. Each case first proves
// the words are on disk, so the test fails if they never were or if they survive the delete.
import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryRecord } from '../../../src/core/memory/memory-types.ts';
import { DeviceMemoryStore, pruneExpiredDeviceMemories } from '../../../server/devices/device-memory-store.ts';
import { DeviceTurnStore } from '../../../server/devices/device-turn-store.ts';
import { buildTestApp, type BuiltApp } from './helpers.ts';
import { TEST_CONSENT } from '../../helpers/toy-consent.ts';

describe('deleting a toy’s history and memories leaves no copy on disk', () => {
  let built: BuiltApp;
  let dataDir: string;

  beforeAll(async () => {
    built = await buildTestApp();
    dataDir = path.dirname(built.db.name);
  }, 60_000);
  afterAll(async () => {
    await built?.close();
  });

  /** The parent API, with the household key (the parent's own credential for scripts; the PIN session is tested elsewhere). */
  function call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> {
    return built.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${built.householdKey}` },
      ...(payload ? { payload } : {}),
    });
  }

  /** The names of the database's files on disk that hold `phrase` (hearth.db, -wal, -shm). */
  function filesHolding(phrase: string): string[] {
    const files = fs.readdirSync(dataDir).filter((name) => /^hearth\.db(?:-wal|-shm)?$/.test(name));
    expect(files).toContain('hearth.db');
    return files.filter((name) => fs.readFileSync(path.join(dataDir, name)).includes(Buffer.from(phrase, 'utf8')));
  }

  async function newToy(name: string): Promise<string> {
    const res = await call('POST', '/api/devices', { name, consent: TEST_CONSENT });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  }

  function sayTurn(deviceId: string, userText: string, startedAt = new Date().toISOString()): string {
    return new DeviceTurnStore(built.db).add(deviceId, {
      startedAt,
      endedAt: startedAt,
      userText,
      replyText: `You said: ${userText}`,
      interrupted: false,
      guarded: null,
      personaName: 'Hearth',
    })!.id;
  }

  async function remember(deviceId: string, text: string, fromWords?: string): Promise<string> {
    const id = `mem-${Math.random().toString(36).slice(2)}`;
    const now = Date.now();
    const memory: MemoryRecord = {
      id,
      slot: 'fact',
      text,
      source: 'rules',
      conversationId: null,
      createdAt: now,
      updatedAt: now,
      embedding: null,
      ...(fromWords ? { fromWords } : {}),
    };
    await new DeviceMemoryStore(built.db, deviceId).put(memory);
    return id;
  }

  it('one turn deleted through the parent API', async () => {
    const toy = await newToy('Bear');
    const phrase = 'my secret hideout is behind the purple shed';
    const turnId = sayTurn(toy, phrase);
    sayTurn(toy, 'tell me about owls');
    expect(filesHolding(phrase)).not.toEqual([]);

    expect((await call('DELETE', `/api/devices/${toy}/turns/${turnId}`)).statusCode).toBe(204);
    expect(filesHolding(phrase)).toEqual([]);
    // The turn that was not deleted is still there.
    expect(filesHolding('tell me about owls')).not.toEqual([]);
  });

  it('one memory deleted through the parent API', async () => {
    const toy = await newToy('Owl');
    const phrase = 'Maya is scared of the dentist Dr Quillfeather';
    // The child's own words it came from go with it.
    const words = 'I hate going to Dr Quillfeather at the Elmstead clinic';
    const memoryId = await remember(toy, phrase, words);
    expect(filesHolding(phrase)).not.toEqual([]);
    expect(filesHolding(words)).not.toEqual([]);

    expect((await call('DELETE', `/api/devices/${toy}/memories/${memoryId}`)).statusCode).toBe(204);
    expect(filesHolding(phrase)).toEqual([]);
    expect(filesHolding(words)).toEqual([]);
  });

  it('all turns and all memories of a toy', async () => {
    const toy = await newToy('Fox');
    const said = 'grandma keeps the spare key under the frog statue';
    const remembered = 'Sam walks home alone past the zebra crossing';
    sayTurn(toy, said);
    await remember(toy, remembered);
    expect(filesHolding(said)).not.toEqual([]);
    expect(filesHolding(remembered)).not.toEqual([]);

    expect((await call('DELETE', `/api/devices/${toy}/turns`)).json()).toEqual({ deleted: 1 });
    expect((await call('DELETE', `/api/devices/${toy}/memories`)).json()).toEqual({ deleted: 1 });
    expect(filesHolding(said)).toEqual([]);
    expect(filesHolding(remembered)).toEqual([]);
  });

  it('the whole toy, with what it heard and remembered', async () => {
    const toy = await newToy('Rabbit');
    const said = 'our wifi password is bluebells and biscuits';
    const remembered = 'Leo goes to Larkspur Primary on Tuesdays';
    sayTurn(toy, said);
    await remember(toy, remembered);
    expect(filesHolding(said)).not.toEqual([]);
    expect(filesHolding(remembered)).not.toEqual([]);

    expect((await call('DELETE', `/api/devices/${toy}`)).statusCode).toBe(204);
    expect(filesHolding(said)).toEqual([]);
    expect(filesHolding(remembered)).toEqual([]);
  });

  it('turns older than the retention period', async () => {
    const toy = await newToy('Turtle');
    const phrase = 'the old story about the lighthouse keeper Bartholomew';
    sayTurn(toy, phrase, new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString());
    sayTurn(toy, 'a story from today');
    expect(filesHolding(phrase)).not.toEqual([]);

    // The server's default retention (a week), as its daily chore runs it.
    expect(new DeviceTurnStore(built.db).prune(7)).toBe(1);
    expect(filesHolding(phrase)).toEqual([]);
    expect(filesHolding('a story from today')).not.toEqual([]);
  });

  it('a memory past the forget date the parent gave it', async () => {
    const toy = await newToy('Hedgehog');
    const phrase = 'Maya hides her spelling book under the sofa cushions';
    const kept = 'Maya loves the moon and the stars';
    const memoryId = await remember(toy, phrase);
    const keptId = await remember(toy, kept);
    const forgetAt = Date.now() + 3_600_000;
    const set = await call('PUT', `/api/devices/${toy}/memories/${memoryId}/forget-after`, { forgetAfter: forgetAt });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ forgetAfter: forgetAt, forgotten: false });
    const listed = (await call('GET', `/api/devices/${toy}/memories`)).json<{
      memories: { id: string; forgetAfter: number | null }[];
    }>();
    expect(listed.memories.find((m) => m.id === memoryId)?.forgetAfter).toBe(forgetAt);
    expect(listed.memories.find((m) => m.id === keptId)?.forgetAfter).toBeNull();
    // Bad input is refused with what is wrong, and changes nothing.
    const bad = await call('PUT', `/api/devices/${toy}/memories/${memoryId}/forget-after`, { forgetAfter: 'soon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/forgetAfter/);
    expect(
      (await call('PUT', `/api/devices/${toy}/memories/no-such/forget-after`, { forgetAfter: null })).statusCode,
    ).toBe(404);

    // The day comes: the daily chore deletes it, and nothing of it is left on disk.
    expect(pruneExpiredDeviceMemories(built.db, forgetAt)).toBe(1);
    expect(filesHolding(phrase)).toEqual([]);
    expect(filesHolding(kept)).not.toEqual([]);
  });

  it('a forget date already past forgets the memory at once', async () => {
    const toy = await newToy('Badger');
    const phrase = 'Maya whispered the secret password pumpkin seventeen';
    const memoryId = await remember(toy, phrase);
    expect(filesHolding(phrase)).not.toEqual([]);
    const res = await call('PUT', `/api/devices/${toy}/memories/${memoryId}/forget-after`, {
      forgetAfter: Date.now() - 1000,
    });
    expect(res.json()).toMatchObject({ forgotten: true });
    expect(filesHolding(phrase)).toEqual([]);
    expect((await call('GET', `/api/devices/${toy}/memories`)).json<{ memories: unknown[] }>().memories).toEqual([]);
  });
});
