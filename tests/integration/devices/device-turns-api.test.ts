// A toy's conversation history through the real app: parents (admin session) and scripts (household
// key) read it a page at a time and delete one turn or all; everyone else is refused; bad queries get
// a clear 400, unknown toys a 404.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceTurnStore, type DeviceTurn, type NewDeviceTurn } from '../../../server/devices/device-turn-store.ts';
import { adminToken, buildTestApp, type BuiltApp } from './helpers.ts';
import { TEST_CONSENT } from '../../helpers/toy-consent.ts';

const turnAt = (minute: number): NewDeviceTurn => ({
  startedAt: `2026-06-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
  endedAt: `2026-06-01T10:${String(minute).padStart(2, '0')}:05.000Z`,
  userText: `question ${minute}`,
  replyText: `answer ${minute}`,
  interrupted: false,
  guarded: null,
  personaName: 'Hearth',
});

describe('toy conversation history API', () => {
  let built: BuiltApp;
  let admin: string;
  let bear: string;
  let owl: string;

  beforeAll(async () => {
    built = await buildTestApp();
    admin = await adminToken(built.app);
    bear = (await call('POST', '/api/devices', admin, { name: 'Bear', consent: TEST_CONSENT })).json<{ id: string }>()
      .id;
    owl = (await call('POST', '/api/devices', admin, { name: 'Owl', consent: TEST_CONSENT })).json<{ id: string }>().id;
    const store = new DeviceTurnStore(built.db);
    for (let minute = 0; minute < 5; minute++) store.add(bear, turnAt(minute));
    store.add(owl, turnAt(9));
  }, 60_000);
  afterAll(async () => {
    await built?.close();
  });

  function call(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    bearer?: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> {
    return built.app.inject({
      method,
      url,
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      ...(payload ? { payload } : {}),
    });
  }

  it('refuses requests without a parent session or the household key', async () => {
    for (const [method, url] of [
      ['GET', `/api/devices/${bear}/turns`],
      ['DELETE', `/api/devices/${bear}/turns/turn-x`],
      ['DELETE', `/api/devices/${bear}/turns`],
    ] as const) {
      expect((await call(method, url)).statusCode, `${method} ${url}`).toBe(401);
      expect((await call(method, url, 'not-the-key')).statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await call('GET', `/api/devices/${bear}/turns`)).json()).toMatchObject({ error: 'unauthorized' });
  });

  it('answers 404 for an unknown toy and 400 with a clear message for a bad query', async () => {
    for (const [method, url] of [
      ['GET', '/api/devices/nobody/turns'],
      ['DELETE', '/api/devices/nobody/turns/turn-x'],
      ['DELETE', '/api/devices/nobody/turns'],
    ] as const) {
      const res = await call(method, url, admin);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json()).toEqual({ error: 'not_found', message: 'no device with id nobody' });
    }
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'limit=2.5']) {
      const res = await call('GET', `/api/devices/${bear}/turns?${query}`, admin);
      expect(res.statusCode, query).toBe(400);
      expect(res.json(), query).toEqual({ error: 'bad_request', message: 'limit: a whole number from 1 to 100' });
    }
    const badCursor = await call('GET', `/api/devices/${bear}/turns?before=yesterday`, admin);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json<{ message: string }>().message).toMatch(/^before: an ISO time/);
  });

  it('lists newest first a page at a time, following `next`, for the household key too', async () => {
    const first = await call('GET', `/api/devices/${bear}/turns?limit=2`, built.householdKey);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    const page1 = first.json<{ turns: DeviceTurn[]; next: string | null }>();
    expect(page1.turns.map((t) => t.userText)).toEqual(['question 4', 'question 3']);
    expect(page1.turns[0]).toMatchObject({
      deviceId: bear,
      replyText: 'answer 4',
      interrupted: false,
      guarded: null,
      personaName: 'Hearth',
      endedAt: '2026-06-01T10:04:05.000Z',
    });
    expect(page1.next).toBe('2026-06-01T10:03:00.000Z');
    // How long the server keeps turns, so the Toys screen can tell parents (the default).
    expect(first.json<{ keepDays: number }>().keepDays).toBe(7);

    const page2 = (
      await call('GET', `/api/devices/${bear}/turns?limit=2&before=${encodeURIComponent(page1.next!)}`, admin)
    ).json<{ turns: DeviceTurn[]; next: string | null }>();
    expect(page2.turns.map((t) => t.userText)).toEqual(['question 2', 'question 1']);
    const page3 = (
      await call('GET', `/api/devices/${bear}/turns?limit=2&before=${encodeURIComponent(page2.next!)}`, admin)
    ).json<{ turns: DeviceTurn[]; next: string | null }>();
    expect(page3).toMatchObject({ turns: [{ userText: 'question 0' }], next: null });

    // Twenty a page unless asked otherwise.
    expect((await call('GET', `/api/devices/${bear}/turns`, admin)).json<{ turns: DeviceTurn[] }>().turns).toHaveLength(
      5,
    );
  });

  it('deletes one turn (of that toy only), then all of a toy', async () => {
    const list = async (id: string) =>
      (await call('GET', `/api/devices/${id}/turns`, admin)).json<{ turns: DeviceTurn[] }>().turns;
    const [newest] = await list(bear);
    const [owlTurn] = await list(owl);
    expect((await call('DELETE', `/api/devices/${bear}/turns/${owlTurn!.id}`, admin)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/devices/${bear}/turns/${newest!.id}`, admin)).statusCode).toBe(204);
    const again = await call('DELETE', `/api/devices/${bear}/turns/${newest!.id}`, admin);
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual({ error: 'not_found', message: `no turn with id ${newest!.id}` });
    expect((await list(bear)).map((t) => t.userText)).toEqual(['question 3', 'question 2', 'question 1', 'question 0']);

    const cleared = await call('DELETE', `/api/devices/${bear}/turns`, built.householdKey);
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toEqual({ deleted: 4 });
    expect(await list(bear)).toEqual([]);
    expect((await list(owl)).map((t) => t.id)).toEqual([owlTurn!.id]);
  });
});
