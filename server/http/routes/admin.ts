import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AdminPin, AdminPinError, isValidPin, PIN_RULE } from '../../auth/admin-pin.ts';
import { AdminSessions } from '../../auth/admin-sessions.ts';
import { AttemptLimiter, type Reservation } from '../../auth/attempt-limiter.ts';
import { FirstPinSetupCode, isLoopbackAddress } from '../../auth/first-pin-setup.ts';
import { QueueFullError } from '../../auth/hash-queue.ts';
import { bearerToken } from '../../auth/require-admin.ts';
import type { HearthDatabase } from '../../db/database.ts';
import { householdKeyMatches } from '../../livekit/household-key.ts';

const PinBody = z.object({
  pin: z.string(),
  currentPin: z.string().optional(),
  setupCode: z.string().max(64).optional(),
});
const SessionBody = z.object({ pin: z.string() });

export interface AdminRouteOptions {
  sessions?: AdminSessions;
  limiter?: AttemptLimiter;
  /** Lets scripts holding the household key set the first PIN. */
  householdKey?: string | null;
  /** The one-time code printed at start; without one, only the home box or the household key may set the first PIN. */
  setupCode?: FirstPinSetupCode | null;
  pin?: AdminPin;
}

/** The peer's own address: proxy headers are not trusted, so a LAN host cannot claim to be loopback. */
function peerAddress(request: FastifyRequest): string {
  return request.socket.remoteAddress ?? request.ip;
}

/**
 * The parent PIN: set on first run (from the home box, with the setup code `npm start` prints, or
 * with the household key), then traded for short admin sessions. Every PIN or setup-code check is
 * counted before it is hashed (AttemptLimiter), per address and for the household.
 */
export function registerAdminRoutes(app: FastifyInstance, db: HearthDatabase, options: AdminRouteOptions = {}): void {
  const sessions = options.sessions ?? new AdminSessions();
  const limiter = options.limiter ?? new AttemptLimiter(db);
  const pin = options.pin ?? new AdminPin(db);
  const setupCode = options.setupCode ?? null;
  app.decorate('adminSessions', sessions);

  /** Counts one guess first; answers 429 (and returns null) while this address or the household is locked. */
  const reserve = (request: FastifyRequest, reply: FastifyReply): Reservation | null => {
    const result = limiter.reserve({ address: peerAddress(request) });
    if (result.ok) return result.reservation;
    const retryAfterS = Math.ceil(result.retryAfterMs / 1000);
    void reply
      .code(429)
      .header('Retry-After', String(retryAfterS))
      .send({
        error: 'too_many_attempts',
        message: `Too many wrong tries. Try again in ${retryAfterS} s.`,
        retryAfterS,
      });
    return null;
  };
  const busy = (reply: FastifyReply) =>
    reply
      .code(503)
      .header('Retry-After', '1')
      .send({ error: 'busy', message: 'Too many PIN checks at once. Try again in a moment.' });

  /** May this request set the first PIN without a setup code? */
  const trustedForFirstPin = (request: FastifyRequest): boolean => {
    if (isLoopbackAddress(peerAddress(request))) return true;
    const key = options.householdKey;
    const bearer = bearerToken(request);
    return !!key && !!bearer && householdKeyMatches(key, bearer);
  };

  app.get('/api/admin/status', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const token = bearerToken(request);
    const pinSet = pin.isSet();
    return {
      pinSet,
      session: token ? sessions.validate(token) : false,
      setupCodeRequired: !pinSet && !trustedForFirstPin(request),
    };
  });

  app.post('/api/admin/pin', async (request, reply) => {
    const body = PinBody.safeParse(request.body);
    if (!body.success)
      return reply.code(400).send({
        error: 'invalid_request',
        message: 'Send { "pin": "1234" }, plus "currentPin" to change it (or "setupCode" to set the first one).',
      });
    // A malformed new PIN is refused before anything is counted or hashed.
    if (!isValidPin(body.data.pin)) return reply.code(400).send({ error: 'invalid_pin', message: PIN_RULE });
    const token = bearerToken(request);
    const hasSession = token !== null && sessions.validate(token);
    let reservation: Reservation | null = null;
    try {
      if (!pin.isSet()) {
        if (!trustedForFirstPin(request)) {
          if (body.data.setupCode === undefined) {
            return reply.code(403).send({
              error: 'setup_code_required',
              message:
                'Setting the first parent PIN from another device needs the setup code shown where Hearth was started (npm start), or the household key.',
            });
          }
          reservation = reserve(request, reply);
          if (!reservation) return reply;
          if (!setupCode?.matches(body.data.setupCode)) {
            return reply.code(403).send({
              error: 'bad_setup_code',
              message: 'That setup code is not right. Use the one printed where Hearth was started.',
            });
          }
        }
        await pin.set(body.data.pin, { replace: false });
        setupCode?.consume();
      } else if (hasSession) {
        await pin.set(body.data.pin, { replace: true });
      } else {
        if (body.data.currentPin === undefined)
          return reply.code(403).send({ error: 'pin_required', message: 'Enter the current PIN to change it.' });
        reservation = reserve(request, reply);
        if (!reservation) return reply;
        if (!(await pin.verify(body.data.currentPin)))
          return reply.code(403).send({ error: 'bad_pin', message: 'The current PIN is not right.' });
        await pin.set(body.data.pin, { replace: true });
      }
    } catch (err) {
      if (err instanceof QueueFullError) return busy(reply);
      if (!(err instanceof AdminPinError)) throw err;
      return reply.code(err.code === 'invalid_pin' ? 400 : 409).send({ error: err.code, message: err.message });
    }
    reservation?.succeeded();
    // A new PIN ends every session opened with the old one.
    sessions.revokeAll();
    return reply.code(204).send();
  });

  app.post('/api/admin/session', async (request, reply) => {
    const body = SessionBody.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'invalid_request', message: 'Send { "pin": "1234" }.' });
    if (!pin.isSet())
      return reply.code(409).send({ error: 'pin_not_set', message: 'No parent PIN yet: choose one first.' });
    const reservation = reserve(request, reply);
    if (!reservation) return reply;
    try {
      if (!(await pin.verify(body.data.pin)))
        return reply.code(401).send({ error: 'bad_pin', message: 'That PIN is not right.' });
    } catch (err) {
      if (err instanceof QueueFullError) return busy(reply);
      throw err;
    }
    reservation.succeeded();
    return sessions.issue();
  });

  app.delete('/api/admin/session', async (request, reply) => {
    const token = bearerToken(request);
    if (token) sessions.revoke(token);
    return reply.code(204).send();
  });
}
