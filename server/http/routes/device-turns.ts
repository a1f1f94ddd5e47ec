import type { FastifyInstance, FastifyReply } from 'fastify';
import type { HearthDatabase } from '../../db/database.ts';
import { DeviceRepository } from '../../devices/device-repository.ts';
import { fieldErrors, TurnsQuery } from '../../devices/device-schemas.ts';
import { DeviceTurnStore } from '../../devices/device-turn-store.ts';
import type { LivekitSetup } from '../../livekit/setup.ts';
import type { DeviceTurnListing } from '../../../src/core/devices/device-turn.ts';
import { requireAdminOrHouseholdKey } from './devices.ts';

type IdParams = { Params: { id: string } };
type TurnParams = { Params: { id: string; turnId: string } };

/**
 * Each toy's conversation history, for parents (admin session) and scripts (household key), with
 * the same guard as the rest of /api/devices: a page of turns newest first, delete one, delete all.
 */
export function registerDeviceTurnRoutes(
  app: FastifyInstance,
  db: HearthDatabase,
  setup: LivekitSetup,
  keepDays: number,
): void {
  const devices = new DeviceRepository(db);
  const turns = new DeviceTurnStore(db);
  const guard = { preHandler: requireAdminOrHouseholdKey(setup) };
  const deviceNotFound = (reply: FastifyReply, id: string) =>
    reply.code(404).send({ error: 'not_found', message: `no device with id ${id}` });

  app.get<IdParams>(
    '/api/devices/:id/turns',
    guard,
    async (request, reply): Promise<DeviceTurnListing | FastifyReply> => {
      const device = devices.get(request.params.id);
      if (!device) return deviceNotFound(reply, request.params.id);
      const query = TurnsQuery.safeParse(request.query ?? {});
      if (!query.success) return reply.code(400).send({ error: 'bad_request', message: fieldErrors(query.error) });
      // The parent's choice for this toy, else the server's default.
      return {
        ...turns.list(request.params.id, { before: query.data.before ?? null, limit: query.data.limit }),
        keepDays: device.historyDays ?? keepDays,
      };
    },
  );

  app.delete<TurnParams>('/api/devices/:id/turns/:turnId', guard, async (request, reply) => {
    if (!devices.get(request.params.id)) return deviceNotFound(reply, request.params.id);
    if (!turns.delete(request.params.id, request.params.turnId))
      return reply.code(404).send({ error: 'not_found', message: `no turn with id ${request.params.turnId}` });
    return reply.code(204).send();
  });

  app.delete<IdParams>('/api/devices/:id/turns', guard, async (request, reply) => {
    if (!devices.get(request.params.id)) return deviceNotFound(reply, request.params.id);
    return { deleted: turns.clear(request.params.id) };
  });
}
