import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../../auth/require-admin.ts';
import type { HearthDatabase } from '../../db/database.ts';
import { DeviceIdError } from '../../devices/device-id.ts';
import { DeviceMemoryStore } from '../../devices/device-memory-store.ts';
import { DeviceExistsError, DeviceRepository, type DeviceProfile } from '../../devices/device-repository.ts';
import {
  CreateDeviceBody,
  fieldErrors,
  MemoryEditBody,
  UpdateProfileBody,
  MemoryForgetAfterBody,
} from '../../devices/device-schemas.ts';
import { bearerSecret, householdKeyMatches } from '../../livekit/household-key.ts';
import type { LivekitSetup } from '../../livekit/setup.ts';
import { MemoryService } from '../../../src/core/memory/memory-service.ts';
import type { MemoryRecord } from '../../../src/core/memory/memory-types.ts';
import { deviceRef, type DeviceRoomRef } from '../../devices/device-room.ts';
import { livekitUrlFor, type TokenResponse } from './livekit-token.ts';
import { revocationTag } from '../../livekit/revocation.ts';
import { registerToyConsentRoutes, requireConsent } from './toy-consent.ts';
import { UnusedToys } from '../../devices/unused-toys.ts';

export { deviceIdentity, deviceRef, deviceRoom } from '../../devices/device-room.ts';

export const DEVICE_TOKEN_TTL_S = 3600;

/** Is the toy in its room, is the agent? `device` is null when it cannot be known (external LiveKit). */
export interface DevicePresence {
  device: boolean | null;
  agent: boolean;
}

export interface DeviceRouteHooks {
  /** A device fetched its token (the toy agent joins that room). */
  onDeviceToken?: (device: DeviceRoomRef) => void;
  /** A device was deleted (its agent leaves). */
  onDeviceDeleted?: (deviceId: string) => void | Promise<void>;
  presence?: (device: DeviceRoomRef) => DevicePresence;
  /** More fields for the device JSON (how the toy talks to Hearth: server/toys/xiaozhi/toy-view.ts); they win over `online`. */
  describe?: (device: DeviceProfile) => Record<string, unknown>;
  /** `PATCH {transport}`: switches how the toy talks to Hearth; returns why it cannot, or null when done. */
  setTransport?: (deviceId: string, transport: string) => string | null;
}

/** A parent's admin session (from the PIN) or the household key (scripts). */
export function requireAdminOrHouseholdKey(setup: LivekitSetup) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request);
    if (
      token &&
      (request.server.adminSessions.validate(token) ||
        householdKeyMatches(setup.householdKey, bearerSecret(request.headers.authorization)))
    )
      return;
    return reply.code(401).send({
      error: 'unauthorized',
      message: 'This needs the parent PIN (admin session) or the household key (Authorization: Bearer <key>).',
    });
  };
}

type IdParams = { Params: { id: string } };
type MemoryParams = { Params: { id: string; memoryId: string } };

/**
 * The toy registry: profiles (persona, voice, language, volume, limits), credentials and each toy's
 * memories, for parents (admin session) and scripts (household key). `POST /api/devices/:id/token`
 * trades a device credential for a token to the device's own room; nothing else does.
 */
export function registerDeviceRoutes(
  app: FastifyInstance,
  db: HearthDatabase,
  setup: LivekitSetup,
  hooks: DeviceRouteHooks = {},
): void {
  const devices = new DeviceRepository(db);
  const unused = new UnusedToys(db);
  const guard = { preHandler: requireAdminOrHouseholdKey(setup) };
  const view = (device: DeviceProfile) => ({
    ...device,
    // When it was last used, and when its data goes if it is not used again (the parent's notice).
    unusedDeletion: unused.deletion(device.id),
    online: hooks.presence?.(deviceRef(device.id)) ?? { device: null, agent: false },
    ...hooks.describe?.(device),
  });
  const notFound = (reply: FastifyReply, id: string) =>
    reply.code(404).send({ error: 'not_found', message: `no device with id ${id}` });
  const badRequest = (reply: FastifyReply, message: string) => reply.code(400).send({ error: 'bad_request', message });

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/devices')) reply.header('Cache-Control', 'no-store');
  });

  app.get('/api/devices', guard, async () => ({ devices: devices.list().map(view) }));
  registerToyConsentRoutes(app, db, guard);

  app.post('/api/devices', guard, async (request, reply) => {
    const parsed = CreateDeviceBody.safeParse(request.body ?? {});
    if (!parsed.success) return badRequest(reply, fieldErrors(parsed.error));
    const { consent: given, ...profile } = parsed.data;
    const consent = await requireConsent(request, reply, given);
    if (!consent) return reply;
    try {
      const { device, credential } = devices.create(profile, consent);
      return reply.code(201).send({ ...view(device), credential });
    } catch (error) {
      if (error instanceof DeviceIdError) return badRequest(reply, error.message);
      if (error instanceof DeviceExistsError) return reply.code(409).send({ error: 'exists', message: error.message });
      throw error;
    }
  });

  app.get<IdParams>('/api/devices/:id', guard, async (request, reply) => {
    const device = devices.get(request.params.id);
    return device ? view(device) : notFound(reply, request.params.id);
  });

  app.patch<IdParams>('/api/devices/:id', guard, async (request, reply) => {
    // `transport` is not part of the profile: it goes to the toy transports (when the server has them).
    const { transport, ...body } = (
      typeof request.body === 'object' && request.body !== null ? request.body : {}
    ) as Record<string, unknown>;
    if (transport !== undefined && !hooks.setTransport)
      return badRequest(reply, 'transport: this server cannot switch transports');
    const parsed = UpdateProfileBody.safeParse(body);
    if (!parsed.success) return badRequest(reply, fieldErrors(parsed.error));
    if (!devices.get(request.params.id)) return notFound(reply, request.params.id);
    if (transport !== undefined) {
      const problem = hooks.setTransport?.(request.params.id, String(transport));
      if (problem) return badRequest(reply, `transport: ${problem}`);
    }
    const device = devices.updateProfile(request.params.id, parsed.data);
    return device ? view(device) : notFound(reply, request.params.id);
  });

  app.post<IdParams>('/api/devices/:id/credential', guard, async (request, reply) => {
    const credential = devices.rotateCredential(request.params.id);
    return credential ? { id: request.params.id, credential } : notFound(reply, request.params.id);
  });

  app.delete<IdParams>('/api/devices/:id', guard, async (request, reply) => {
    if (!devices.delete(request.params.id)) return notFound(reply, request.params.id);
    await hooks.onDeviceDeleted?.(request.params.id);
    return reply.code(204).send();
  });

  // --- the toy's memories -------------------------------------------------------------------

  const memoriesOf = (id: string) => (devices.get(id) ? new DeviceMemoryStore(db, id) : null);
  // Without the embedding; with the child's words it came from (null when not kept: older memories,
  // a parent's own) and its dates, for the parent's list.
  const memoryView = ({ embedding: _embedding, ...memory }: MemoryRecord) => ({
    ...memory,
    fromWords: memory.fromWords ?? null,
  });

  app.get<IdParams>('/api/devices/:id/memories', guard, async (request, reply) => {
    const store = memoriesOf(request.params.id);
    if (!store) return notFound(reply, request.params.id);
    const forgetDates = store.forgetDates();
    return {
      memories: store
        .listSync()
        .map((memory) => ({ ...memoryView(memory), forgetAfter: forgetDates.get(memory.id) ?? null })),
    };
  });

  // When a memory is forgotten (a moment already past forgets it now), or null to keep it.
  app.put<MemoryParams>('/api/devices/:id/memories/:memoryId/forget-after', guard, async (request, reply) => {
    const store = memoriesOf(request.params.id);
    if (!store) return notFound(reply, request.params.id);
    const parsed = MemoryForgetAfterBody.safeParse(request.body ?? {});
    if (!parsed.success) return badRequest(reply, fieldErrors(parsed.error));
    if (
      !store.getSync(request.params.memoryId) ||
      !store.setForgetAfter(request.params.memoryId, parsed.data.forgetAfter)
    )
      return reply.code(404).send({ error: 'not_found', message: `no memory with id ${request.params.memoryId}` });
    return {
      id: request.params.memoryId,
      forgetAfter: parsed.data.forgetAfter,
      forgotten: !store.getSync(request.params.memoryId),
    };
  });

  app.patch<MemoryParams>('/api/devices/:id/memories/:memoryId', guard, async (request, reply) => {
    const store = memoriesOf(request.params.id);
    if (!store) return notFound(reply, request.params.id);
    const parsed = MemoryEditBody.safeParse(request.body ?? {});
    if (!parsed.success) return badRequest(reply, fieldErrors(parsed.error));
    const memory = store.getSync(request.params.memoryId);
    if (!memory)
      return reply.code(404).send({ error: 'not_found', message: `no memory with id ${request.params.memoryId}` });
    return memoryView(await new MemoryService({ store }).edit(memory, parsed.data.text));
  });

  app.delete<MemoryParams>('/api/devices/:id/memories/:memoryId', guard, async (request, reply) => {
    const store = memoriesOf(request.params.id);
    if (!store) return notFound(reply, request.params.id);
    if (!store.deleteSync(request.params.memoryId))
      return reply.code(404).send({ error: 'not_found', message: `no memory with id ${request.params.memoryId}` });
    return reply.code(204).send();
  });

  app.delete<IdParams>('/api/devices/:id/memories', guard, async (request, reply) => {
    const store = memoriesOf(request.params.id);
    return store ? { deleted: store.clear() } : notFound(reply, request.params.id);
  });

  // --- the device itself ---------------------------------------------------------------------

  app.post<IdParams>('/api/devices/:id/token', async (request, reply): Promise<TokenResponse | undefined> => {
    const { id } = request.params;
    const device = devices.verify(id, bearerSecret(request.headers.authorization)) ? devices.get(id) : undefined;
    if (!device) {
      await reply.code(401).send({ error: 'unauthorized', message: 'unknown device or wrong device credential' });
      return undefined;
    }
    const ref = deviceRef(id);
    // Tagged with the credential it was minted against: replacing that credential revokes the token.
    const { token, expiresAt } = await setup.minter.mint({
      identity: ref.deviceIdentity,
      name: device.name,
      room: ref.room,
      ttlSeconds: DEVICE_TOKEN_TTL_S,
      revocationTag: revocationTag('device', devices.credentialHash(id) ?? ''),
    });
    devices.markActive(id);
    hooks.onDeviceToken?.(ref);
    return { url: livekitUrlFor(request, setup), token, room: ref.room, identity: ref.deviceIdentity, expiresAt };
  });
}
