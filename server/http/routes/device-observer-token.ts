import type { FastifyInstance } from 'fastify';
import { requireAdmin } from '../../auth/require-admin.ts';
import type { HearthDatabase } from '../../db/database.ts';
import { DeviceRepository } from '../../devices/device-repository.ts';
import type { LivekitSetup } from '../../livekit/setup.ts';
import { randomSecret } from '../../livekit/secret-files.ts';
import { OBSERVER_IDENTITY_PREFIX } from '../../agent/protocol.ts';
import { deviceRef } from './devices.ts';
import { livekitUrlFor, type TokenResponse } from './livekit-token.ts';

export const OBSERVER_TOKEN_TTL_S = 3600;

/**
 * `POST /api/devices/:id/observer-token` (parent's admin session): a token for the toy's room that
 * can only listen in (no publishing, no data) so a parent's browser can show the live transcript.
 * Not hidden: the agent sees the parent arrive and tells the child (monitoring the child can see).
 */
export function registerDeviceObserverTokenRoute(app: FastifyInstance, db: HearthDatabase, setup: LivekitSetup): void {
  const devices = new DeviceRepository(db);
  app.post<{ Params: { id: string } }>(
    '/api/devices/:id/observer-token',
    { preHandler: requireAdmin },
    async (request, reply): Promise<TokenResponse | undefined> => {
      reply.header('Cache-Control', 'no-store');
      const device = devices.get(request.params.id);
      if (!device) {
        await reply.code(404).send({ error: 'not_found', message: `no device with id ${request.params.id}` });
        return undefined;
      }
      const { room } = deviceRef(device.id);
      const identity = `${OBSERVER_IDENTITY_PREFIX}${randomSecret(6)}`;
      const { token, expiresAt } = await setup.minter.mint({
        identity,
        name: 'Parent',
        room,
        ttlSeconds: OBSERVER_TOKEN_TTL_S,
        canPublish: false,
        canPublishData: false,
        canSubscribe: true,
      });
      return { url: livekitUrlFor(request, setup), token, room, identity, expiresAt };
    },
  );
}
