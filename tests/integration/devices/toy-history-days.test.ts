// How long each toy's conversation history is kept, chosen per toy by the parent (historyDays on
// the device profile, migration v8): pruning honours each toy's days and the server default for
// the rest, a toy set to 0 keeps nothing at all, and the toy history route reports the toy's days.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { DeviceRepository } from '../../../server/devices/device-repository.ts';
import { DeviceTurnStore, type NewDeviceTurn } from '../../../server/devices/device-turn-store.ts';
import { buildTestApp, type BuiltApp } from './helpers.ts';
import { TEST_CONSENT } from '../../helpers/toy-consent.ts';

const DAY_MS = 24 * 3600 * 1000;
const NOW = new Date('2026-06-10T12:00:00.000Z');
const daysAgo = (days: number, userText: string): NewDeviceTurn => {
  const at = new Date(NOW.getTime() - days * DAY_MS).toISOString();
  return {
    startedAt: at,
    endedAt: at,
    userText,
    replyText: 'ok',
    interrupted: false,
    guarded: null,
    personaName: 'Hearth',
  };
};

describe('per-toy history days in the store', () => {
  let db: HearthDatabase;
  let devices: DeviceRepository;
  let turns: DeviceTurnStore;

  beforeEach(() => {
    db = openDatabase(':memory:');
    devices = new DeviceRepository(db);
    devices.create({ name: 'Bear', id: 'bear' });
    devices.create({ name: 'Owl', id: 'owl', historyDays: 2 });
    devices.create({ name: 'Fox', id: 'fox', historyDays: 30 });
    turns = new DeviceTurnStore(db);
  });
  afterEach(() => db.close());

  const said = (id: string) => turns.list(id, { limit: 100 }).turns.map((t) => t.userText);

  it('prunes each toy by its own days, and the rest by the server default', () => {
    for (const id of ['bear', 'owl', 'fox'])
      for (const days of [1, 3, 8, 40]) turns.add(id, daysAgo(days, `${id} ${days}`));
    expect(devices.get('bear')?.historyDays).toBeNull();
    expect(turns.prune(7, NOW)).toBe(2 + 3 + 1);
    expect(said('bear')).toEqual(['bear 1', 'bear 3']);
    expect(said('owl')).toEqual(['owl 1']);
    expect(said('fox')).toEqual(['fox 1', 'fox 3', 'fox 8']);
  });

  it('keeps nothing for a toy set to 0, from its next turn, and deletes what it kept', () => {
    turns.add('owl', daysAgo(1, 'before'));
    devices.updateProfile('owl', { historyDays: 0 });
    expect(turns.add('owl', daysAgo(0, 'after'))).toBeNull();
    expect(turns.add('bear', daysAgo(0, 'bear keeps'))).not.toBeNull();
    expect(turns.prune(7, NOW)).toBe(1);
    expect(said('owl')).toEqual([]);
    expect(said('bear')).toEqual(['bear keeps']);
  });
});

describe('per-toy history days through the devices API', () => {
  let built: BuiltApp;
  let bear: string;

  beforeAll(async () => {
    built = await buildTestApp();
    bear = (await call('POST', '/api/devices', { name: 'Bear', consent: TEST_CONSENT })).json<{ id: string }>().id;
  }, 60_000);
  afterAll(async () => {
    await built?.close();
  });

  /** The parent API, with the household key (the parent's credential for scripts). */
  function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<LightMyRequestResponse> {
    return built.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${built.householdKey}` },
      ...(payload ? { payload } : {}),
    });
  }
  const keepDays = async () => (await call('GET', `/api/devices/${bear}/turns`)).json<{ keepDays: number }>().keepDays;

  it('follows the server default until the parent chooses, and reports the choice', async () => {
    expect((await call('GET', `/api/devices/${bear}`)).json()).toMatchObject({ historyDays: null });
    expect(await keepDays()).toBe(7);

    const set = await call('PATCH', `/api/devices/${bear}`, { historyDays: 2 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ historyDays: 2 });
    expect(await keepDays()).toBe(2);

    expect((await call('PATCH', `/api/devices/${bear}`, { historyDays: null })).json()).toMatchObject({
      historyDays: null,
    });
    expect(await keepDays()).toBe(7);
  });

  it('refuses days that are not a whole number from 0 to 3650 with a clear 400', async () => {
    for (const historyDays of [-1, 3651, 2.5, 'a week']) {
      const res = await call('PATCH', `/api/devices/${bear}`, { historyDays });
      expect(res.statusCode, String(historyDays)).toBe(400);
      expect(res.json<{ message: string }>().message, String(historyDays)).toMatch(
        /historyDays: a whole number of days from 0 to 3650, or null for the server default/,
      );
    }
  });
});
