// Consent first (issue 14): a toy is registered for a child only with the parent's stated age and
// acceptance of the current words; the server refuses without it (a 400 that says what to give),
// stores who/when/age/version with the toy, shows it on the toy, and forgets it with the toy.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOY_CONSENT_POINTS, TOY_CONSENT_VERSION } from '../../../src/core/devices/toy-consent.ts';
import { adminToken, buildTestApp, type BuiltApp } from '../devices/helpers.ts';
import { TEST_CONSENT } from '../../helpers/toy-consent.ts';

describe('consent before a toy is registered for a child', () => {
  let built: BuiltApp;
  let admin: string;

  beforeAll(async () => {
    built = await buildTestApp();
    admin = await adminToken(built.app);
  }, 120_000);
  afterAll(async () => {
    await built?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, bearer?: string, payload?: unknown) =>
    built.app.inject({
      method,
      url,
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const message = (res: LightMyRequestResponse) => String(res.json<{ message: unknown }>().message);
  const count = () => (built.db.prepare('SELECT COUNT(*) AS n FROM devices').get() as { n: number }).n;

  it('shows the words anyone can read, with their version', async () => {
    const res = await call('GET', '/api/toys/consent');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ version: TOY_CONSENT_VERSION, points: [...TOY_CONSENT_POINTS] });
    expect(TOY_CONSENT_POINTS.join(' ')).toMatch(/7 days/);
    expect(TOY_CONSENT_POINTS.join(' ')).toMatch(/No recording of the child’s voice/);
  });

  it('refuses a registration without consent, or with a wrong age, no acceptance or old words, and adds nothing', async () => {
    const before = count();
    const missing = await call('POST', '/api/devices', admin, { name: 'Bear' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: 'consent_required' });
    expect(message(missing)).toMatch(/child's age/);
    expect(message(missing)).toContain(TOY_CONSENT_VERSION);

    const tooOld = await call('POST', '/api/devices', admin, {
      name: 'Bear',
      consent: { ...TEST_CONSENT, childAge: 25 },
    });
    expect(tooOld.statusCode).toBe(400);
    expect(message(tooOld)).toMatch(/consent\.childAge: the child's age in whole years, from 0 to 17/);
    const halfAge = await call('POST', '/api/devices', admin, {
      name: 'Bear',
      consent: { ...TEST_CONSENT, childAge: 6.5 },
    });
    expect(message(halfAge)).toMatch(/consent\.childAge/);
    const notAccepted = await call('POST', '/api/devices', admin, {
      name: 'Bear',
      consent: { ...TEST_CONSENT, accepted: false },
    });
    expect(notAccepted.statusCode).toBe(400);
    expect(message(notAccepted)).toMatch(/consent\.accepted: the parent must accept/);
    const oldWords = await call('POST', '/api/devices', admin, {
      name: 'Bear',
      consent: { ...TEST_CONSENT, textVersion: '2020-01-01' },
    });
    expect(oldWords.statusCode).toBe(400);
    expect(message(oldWords)).toMatch(/the words were updated/);
    expect(count()).toBe(before);
  });

  it('stores who, when, the age and the version with the toy, and shows it', async () => {
    const startedAt = Date.now();
    const byParent = await call('POST', '/api/devices', admin, { name: 'Bear', consent: TEST_CONSENT });
    expect(byParent.statusCode).toBe(201);
    const bear = byParent.json<{ id: string; consent: Record<string, unknown> }>();
    expect(bear.consent).toMatchObject({ childAge: 6, textVersion: TOY_CONSENT_VERSION, givenBy: 'parent-pin' });
    expect(Date.parse(String(bear.consent.givenAt))).toBeGreaterThanOrEqual(startedAt - 1000);

    const byScript = await call('POST', '/api/devices', built.householdKey, {
      name: 'Owl',
      consent: { ...TEST_CONSENT, childAge: 11 },
    });
    const owl = byScript.json<{ id: string }>();
    const listed = (await call('GET', '/api/devices', admin)).json<{
      devices: { id: string; consent: Record<string, unknown> | null }[];
    }>().devices;
    expect(listed.find((d) => d.id === owl.id)?.consent).toMatchObject({ childAge: 11, givenBy: 'household-key' });
    expect((await call('GET', `/api/devices/${bear.id}`, admin)).json()).toMatchObject({ consent: { childAge: 6 } });

    // In the database, word for word what was shown on the toy.
    expect(
      built.db
        .prepare('SELECT child_age, text_version, given_by FROM device_consents WHERE device_id = ?')
        .get(bear.id),
    ).toEqual({
      child_age: 6,
      text_version: TOY_CONSENT_VERSION,
      given_by: 'parent-pin',
    });
  });

  it('a toy added before consent was asked shows none until the parent gives it; a birthday updates it', async () => {
    built.db.prepare("INSERT INTO devices (id, name, credential_hash) VALUES ('old-toy', 'Old toy', 'x')").run();
    expect((await call('GET', '/api/devices/old-toy', admin)).json()).toMatchObject({ consent: null });
    expect((await call('POST', '/api/devices/old-toy/consent', admin, { childAge: 4 })).statusCode).toBe(400);
    expect((await call('POST', '/api/devices/old-toy/consent', undefined, TEST_CONSENT)).statusCode).toBe(401);
    expect((await call('POST', '/api/devices/no-such-toy/consent', admin, TEST_CONSENT)).statusCode).toBe(404);
    const given = await call('POST', '/api/devices/old-toy/consent', admin, { ...TEST_CONSENT, childAge: 4 });
    expect(given.statusCode).toBe(200);
    expect((await call('GET', '/api/devices/old-toy', admin)).json()).toMatchObject({
      consent: { childAge: 4, givenBy: 'parent-pin' },
    });
    await call('POST', '/api/devices/old-toy/consent', admin, { ...TEST_CONSENT, childAge: 5 });
    expect((await call('GET', '/api/devices/old-toy', admin)).json()).toMatchObject({ consent: { childAge: 5 } });
    // Not a profile field: a PATCH cannot change it.
    expect((await call('PATCH', '/api/devices/old-toy', admin, { consent: TEST_CONSENT })).statusCode).toBe(400);

    // Deleting the toy deletes its consent.
    expect((await call('DELETE', '/api/devices/old-toy', admin)).statusCode).toBe(204);
    expect(built.db.prepare("SELECT COUNT(*) AS n FROM device_consents WHERE device_id = 'old-toy'").get()).toEqual({
      n: 0,
    });
  });
});
