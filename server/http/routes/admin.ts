import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AdminPin, AdminPinError } from '../../auth/admin-pin.ts';
import { AdminSessions } from '../../auth/admin-sessions.ts';
import { AttemptLimiter } from '../../auth/attempt-limiter.ts';
import { bearerToken } from '../../auth/require-admin.ts';
import type { HearthDatabase } from '../../db/database.ts';
import { SettingsRepository } from '../../db/settings.ts';

const PinBody = z.object({ pin: z.string(), currentPin: z.string().optional() });
const SessionBody = z.object({ pin: z.string() });

/** The parent PIN: set on first run from the PWA, then traded for short admin sessions. */
export function registerAdminRoutes(app: FastifyInstance, db: HearthDatabase, sessions = new AdminSessions(), limiter = new AttemptLimiter()): void {
  const pin = new AdminPin(new SettingsRepository(db));
  app.decorate('adminSessions', sessions);

  const tooMany = (ip: string) => {
    const wait = limiter.retryAfterMs(ip);
    return wait > 0 ? { error: 'too_many_attempts', message: `Too many wrong PINs. Try again in ${Math.ceil(wait / 1000)} s.`, retryAfterS: Math.ceil(wait / 1000) } : null;
  };

  app.get('/api/admin/status', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const token = bearerToken(request);
    return { pinSet: pin.isSet(), session: token ? sessions.validate(token) : false };
  });

  app.post('/api/admin/pin', async (request, reply) => {
    const body = PinBody.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'invalid_request', message: 'Send { "pin": "1234" }, plus "currentPin" to change it.' });
    const blocked = tooMany(request.ip);
    if (blocked) return reply.code(429).header('Retry-After', String(blocked.retryAfterS)).send(blocked);
    const token = bearerToken(request);
    try {
      await pin.set(body.data.pin, { currentPin: body.data.currentPin, authorized: token !== null && sessions.validate(token) });
    } catch (err) {
      if (!(err instanceof AdminPinError)) throw err;
      if (err.code === 'bad_pin') limiter.recordFailure(request.ip);
      return reply.code(err.code === 'invalid_pin' ? 400 : 403).send({ error: err.code, message: err.message });
    }
    // A new PIN ends every session opened with the old one.
    sessions.revokeAll();
    return reply.code(204).send();
  });

  app.post('/api/admin/session', async (request, reply) => {
    const body = SessionBody.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'invalid_request', message: 'Send { "pin": "1234" }.' });
    if (!pin.isSet()) return reply.code(409).send({ error: 'pin_not_set', message: 'No parent PIN yet: choose one first.' });
    const blocked = tooMany(request.ip);
    if (blocked) return reply.code(429).header('Retry-After', String(blocked.retryAfterS)).send(blocked);
    if (!(await pin.verify(body.data.pin))) {
      limiter.recordFailure(request.ip);
      return reply.code(401).send({ error: 'bad_pin', message: 'That PIN is not right.' });
    }
    limiter.recordSuccess(request.ip);
    return sessions.issue();
  });

  app.delete('/api/admin/session', async (request, reply) => {
    const token = bearerToken(request);
    if (token) sessions.revoke(token);
    return reply.code(204).send();
  });
}
