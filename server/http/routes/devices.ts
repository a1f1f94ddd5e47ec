import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { HearthDatabase } from '../../db/database.ts';
import { bearerSecret } from '../../livekit/household-key.ts';
import type { LivekitSetup } from '../../livekit/setup.ts';
import { DevicesStore } from './devices-store.ts';
import { livekitUrlFor, requireHouseholdKey, type TokenResponse } from './livekit-token.ts';

const RegisterRequest = z.object({ name: z.string().min(1).max(64) });

export const DEVICE_TOKEN_TTL_S = 3600;

/** A toy's room: one per device, so a device token can never join another household room. */
export function deviceRoom(id: string): string {
  return `device-${id}`;
}

/**
 * Minimal device registry (the full one is a later issue): `POST /api/devices` registers a toy
 * (household key required) and returns its credential once; `POST /api/devices/:id/token` trades
 * that credential for a token to the device's own room.
 */
export function registerDeviceRoutes(
  app: FastifyInstance,
  db: HearthDatabase,
  setup: LivekitSetup,
  /** Told after each device token is issued (the toy agent joins that room). */
  onDeviceToken?: (device: { deviceId: string; room: string; deviceIdentity: string }) => void,
): void {
  const devices = new DevicesStore(db);

  app.post('/api/devices', { preHandler: requireHouseholdKey(setup) }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const parsed = RegisterRequest.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: 'bad_request', message: 'name: 1 to 64 characters' });
    const { device, credential } = devices.create(parsed.data.name);
    return reply.code(201).send({ ...device, credential });
  });

  app.post<{ Params: { id: string } }>('/api/devices/:id/token', async (request, reply): Promise<TokenResponse | undefined> => {
    reply.header('Cache-Control', 'no-store');
    const { id } = request.params;
    if (!devices.verify(id, bearerSecret(request.headers.authorization))) {
      await reply.code(401).send({ error: 'unauthorized', message: 'unknown device or wrong device credential' });
      return undefined;
    }
    const room = deviceRoom(id);
    const identity = `device-${id}`;
    const name = devices.get(id)?.name;
    const { token, expiresAt } = await setup.minter.mint({ identity, name, room, ttlSeconds: DEVICE_TOKEN_TTL_S });
    onDeviceToken?.({ deviceId: id, room, deviceIdentity: identity });
    return { url: livekitUrlFor(request, setup), token, room, identity, expiresAt };
  });
}
