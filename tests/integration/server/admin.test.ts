import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminSessions } from '../../../server/auth/admin-sessions.ts';
import { AttemptLimiter } from '../../../server/auth/attempt-limiter.ts';
import { requireAdmin } from '../../../server/auth/require-admin.ts';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { SettingsRepository } from '../../../server/db/settings.ts';
import { registerAdminRoutes } from '../../../server/http/routes/admin.ts';

describe('admin PIN and sessions', () => {
  let db: HearthDatabase;
  let app: FastifyInstance;
  let clock: number;

  beforeEach(async () => {
    clock = 1_000_000;
    db = openDatabase(':memory:');
    app = Fastify();
    registerAdminRoutes(app, db, {
      sessions: new AdminSessions(60_000, () => clock),
      limiter: new AttemptLimiter(db, { perAddress: 3, household: 100, baseLockMs: 30_000 }, () => clock),
    });
    app.get('/api/secret', { preHandler: requireAdmin }, async () => ({ secret: 42 }));
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    db.close();
  });

  const post = (url: string, payload: unknown, token?: string) =>
    app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const session = async (pin: string) =>
    (await post('/api/admin/session', { pin })).json() as { token: string; expiresAt: number };

  it('starts with no PIN, sets one on first run and stores only a hash', async () => {
    expect((await app.inject('/api/admin/status')).json()).toEqual({
      pinSet: false,
      session: false,
      setupCodeRequired: false,
    });
    expect((await post('/api/admin/session', { pin: '1234' })).statusCode).toBe(409);
    expect((await post('/api/admin/pin', { pin: '2468' })).statusCode).toBe(204);
    expect((await app.inject('/api/admin/status')).json()).toMatchObject({ pinSet: true });
    const stored = JSON.stringify(new SettingsRepository(db).get('admin.pin'));
    expect(stored).not.toContain('2468');
    expect(stored).toContain('scrypt');
  });

  it('rejects PINs that are not 4 to 8 digits', async () => {
    for (const pin of ['12', '123456789', 'abcd', '12 34']) {
      const res = await post('/api/admin/pin', { pin });
      expect(res.statusCode, pin).toBe(400);
      expect(res.json().error).toBe('invalid_pin');
    }
    expect((await post('/api/admin/pin', {})).statusCode).toBe(400);
  });

  it('gates admin routes behind a session opened with the PIN', async () => {
    await post('/api/admin/pin', { pin: '2468' });
    const denied = await app.inject('/api/secret');
    expect(denied.statusCode).toBe(401);
    expect(denied.json().error).toBe('admin_required');
    expect((await app.inject({ url: '/api/secret', headers: { authorization: 'Bearer forged' } })).statusCode).toBe(
      401,
    );

    const wrong = await post('/api/admin/session', { pin: '0000' });
    expect(wrong.statusCode).toBe(401);
    const { token } = await session('2468');
    const ok = await app.inject({ url: '/api/secret', headers: { authorization: `Bearer ${token}` } });
    expect(ok.json()).toEqual({ secret: 42 });
  });

  it('expires idle sessions but keeps active ones alive', async () => {
    await post('/api/admin/pin', { pin: '2468' });
    const { token } = await session('2468');
    const get = () => app.inject({ url: '/api/secret', headers: { authorization: `Bearer ${token}` } });
    clock += 50_000;
    expect((await get()).statusCode).toBe(200);
    clock += 50_000; // 100 s after issue but only 50 s idle
    expect((await get()).statusCode).toBe(200);
    clock += 61_000;
    expect((await get()).statusCode).toBe(401);
  });

  it('changing the PIN needs the current one (or a session) and ends every session', async () => {
    await post('/api/admin/pin', { pin: '2468' });
    const { token } = await session('2468');
    expect((await post('/api/admin/pin', { pin: '1357' })).statusCode).toBe(403);
    expect((await post('/api/admin/pin', { pin: '1357', currentPin: '9999' })).json().error).toBe('bad_pin');
    expect((await post('/api/admin/pin', { pin: '1357', currentPin: '2468' })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/secret', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(
      401,
    );
    const fresh = await session('1357');
    expect((await post('/api/admin/pin', { pin: '8642' }, fresh.token)).statusCode).toBe(204);
  });

  it('locks out an address after repeated wrong PINs, with a growing wait', async () => {
    await post('/api/admin/pin', { pin: '2468' });
    for (let i = 0; i < 3; i++) expect((await post('/api/admin/session', { pin: '0000' })).statusCode).toBe(401);
    const locked = await post('/api/admin/session', { pin: '2468' });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('30');
    clock += 31_000;
    expect((await post('/api/admin/session', { pin: '0000' })).statusCode).toBe(401);
    expect((await post('/api/admin/session', { pin: '2468' })).json().retryAfterS).toBe(60);
    clock += 61_000;
    expect((await post('/api/admin/session', { pin: '2468' })).statusCode).toBe(200);
  });

  it('logs out', async () => {
    await post('/api/admin/pin', { pin: '2468' });
    const { token } = await session('2468');
    await app.inject({ method: 'DELETE', url: '/api/admin/session', headers: { authorization: `Bearer ${token}` } });
    expect((await app.inject({ url: '/api/secret', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(
      401,
    );
  });
});
