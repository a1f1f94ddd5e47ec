import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bearerSecret, householdKeyMatches } from '../../livekit/household-key.ts';
import type { LivekitSetup } from '../../livekit/setup.ts';
import { randomSecret } from '../../livekit/secret-files.ts';
import { householdRevocationTag } from '../../livekit/revocation.ts';
import { AGENT_IDENTITY } from '../../agent/protocol.ts';
import { deviceIdOfRoom } from '../../devices/device-room.ts';

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

const TokenRequest = z.object({
  room: z.string().regex(NAME).default('hearth'),
  identity: z.string().regex(NAME).optional(),
  name: z.string().max(64).optional(),
});

export interface TokenResponse {
  url: string;
  token: string;
  room: string;
  identity: string;
  expiresAt: string;
}

export const PWA_TOKEN_TTL_S = 6 * 3600;

/** The URL clients connect to: LIVEKIT_URL, or this very server (same origin, so the CSP allows it). */
export function livekitUrlFor(request: FastifyRequest, setup: LivekitSetup): string {
  if (setup.credentials.url) return setup.credentials.url;
  return `${request.protocol === 'https' ? 'wss' : 'ws'}://${request.host}`;
}

/** Sends 401 unless the request carries the household key. */
export function requireHouseholdKey(setup: LivekitSetup) {
  return async (request: FastifyRequest, reply: import('fastify').FastifyReply) => {
    if (!householdKeyMatches(setup.householdKey, bearerSecret(request.headers.authorization))) {
      return reply
        .code(401)
        .send({ error: 'unauthorized', message: 'the household key is required (Authorization: Bearer <key>)' });
    }
  };
}

/** Why the household key may not mint this room/identity, or null when it may. */
export function householdKeyScopeProblem(room: string, identity: string): string | null {
  if (deviceIdOfRoom(room) !== null)
    return `room "${room}" is a toy's room: its token comes from the toy's own credential (POST /api/devices/:id/token)`;
  if (identity === AGENT_IDENTITY || /^(device|observer)-/.test(identity))
    return `identity "${identity}" is reserved for the home server, toys and parents' observers`;
  return null;
}

/**
 * `POST /api/livekit/token`: a join token for the PWA. Only holders of the household key get
 * one, so a stranger on the LAN cannot join the home's rooms.
 */
export function registerLivekitTokenRoute(app: FastifyInstance, setup: LivekitSetup): void {
  app.post(
    '/api/livekit/token',
    { preHandler: requireHouseholdKey(setup) },
    async (request, reply): Promise<TokenResponse | undefined> => {
      reply.header('Cache-Control', 'no-store');
      const parsed = TokenRequest.safeParse(request.body ?? {});
      if (!parsed.success) {
        await reply.code(400).send({
          error: 'bad_request',
          message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        });
        return undefined;
      }
      const { room, name } = parsed.data;
      const identity = parsed.data.identity ?? `web-${randomSecret(6)}`;
      // The household key is what every browser holds: it opens the household's own rooms only,
      // never a toy's room (a device credential or a parent's session does that) nor a server identity.
      const refused = householdKeyScopeProblem(room, identity);
      if (refused) {
        await reply.code(403).send({ error: 'forbidden', message: refused });
        return undefined;
      }
      const { token, expiresAt } = await setup.minter.mint({
        identity,
        name,
        room,
        ttlSeconds: PWA_TOKEN_TTL_S,
        revocationTag: householdRevocationTag(setup.householdKey),
      });
      return { url: livekitUrlFor(request, setup), token, room, identity, expiresAt };
    },
  );
}
