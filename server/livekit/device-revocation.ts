import type { FastifyInstance } from 'fastify';
import type { HearthDatabase } from '../db/database.ts';
import { deviceIdOfRoom, deviceInOwnRoom } from '../devices/device-room.ts';
import { DeviceRepository } from '../devices/device-repository.ts';
import { hearthJoinCheck, type JoinCheck } from './revocation.ts';
import type { RoomServer } from './room-server.ts';

/** The join check over the toy registry in the database and this household's key. */
export function deviceJoinCheck(db: HearthDatabase, householdKey: string): JoinCheck {
  const devices = new DeviceRepository(db);
  return hearthJoinCheck({
    deviceOfRoom: deviceIdOfRoom,
    deviceCredentialHash: (id) => devices.credentialHash(id),
    deviceOfIdentity: (room, identity) => deviceInOwnRoom(room, identity)?.deviceId ?? null,
    householdKey,
  });
}

const REGISTRY_CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * After any successful change to the toy registry (a toy deleted, its credential replaced), the
 * embedded room server drops at once whoever the check no longer admits: a revoked token's
 * holder does not get to stay until it expires.
 */
export function removeRevokedAfterDeviceChanges(app: FastifyInstance, roomServer: RoomServer, check: JoinCheck): void {
  app.addHook('onResponse', async (request, reply) => {
    if (!REGISTRY_CHANGES.has(request.method) || reply.statusCode >= 300 || !request.url.startsWith('/api/devices'))
      return;
    const removed = await roomServer.removeRefused(check);
    if (removed > 0) request.log.warn({ removed }, 'revoked participants removed from their rooms');
  });
}
