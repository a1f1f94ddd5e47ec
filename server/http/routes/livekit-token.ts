import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bearerSecret, householdKeyMatches } from '../../livekit/household-key.ts';
import type { LivekitSetup } from '../../livekit/setup.ts';
import { randomSecret } from '../../livekit/secret-files.ts';

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
      return reply.code(401).send({ error: 'unauthorized', message: 'the household key is required (Authorization: Bearer <key>)' });
    }
  };
}

/**
 * `POST /api/livekit/token`: a join token for the PWA. Only holders of the household key get
 * one, so a stranger on the LAN cannot join the home's rooms.
 */
export function registerLivekitTokenRoute(app: FastifyInstance, setup: LivekitSetup): void {
  app.post('/api/livekit/token', { preHandler: requireHouseholdKey(setup) }, async (request, reply): Promise<TokenResponse | undefined> => {
    reply.header('Cache-Control', 'no-store');
    const parsed = TokenRequest.safeParse(request.body ?? {});
    if (!parsed.success) {
      await reply.code(400).send({ error: 'bad_request', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return undefined;
    }
    const { room, name } = parsed.data;
    const identity = parsed.data.identity ?? `web-${randomSecret(6)}`;
    const { token, expiresAt } = await setup.minter.mint({ identity, name, room, ttlSeconds: PWA_TOKEN_TTL_S });
    return { url: livekitUrlFor(request, setup), token, room, identity, expiresAt };
  });
}
