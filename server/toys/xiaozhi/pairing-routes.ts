// Pairing a stock xiaozhi toy (Settings → Toys → Add a toy): the parent types the 6-digit code the
// toy speaks; Hearth registers the toy with its MAC as its id, a profile, and WebSocket as its
// transport. The pending list shows what is waiting without its codes: the parent must hear the code
// from the toy itself.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { builtinPersona } from '../../../src/core/personas/builtin-personas.ts';
import { CreateDeviceBody, fieldErrors } from '../../devices/device-schemas.ts';
import { DeviceExistsError, DeviceRepository, type DeviceProfile } from '../../devices/device-repository.ts';
import type { HearthDatabase } from '../../db/database.ts';
import type { PendingActivations } from './pending-activations.ts';
import { hearthDeviceId } from './mac.ts';
import type { ToyTransportRepository } from './toy-transports.ts';
import { requireConsent } from '../../http/routes/toy-consent.ts';

export const PairBody = CreateDeviceBody.omit({ id: true }).extend({
  code: z
    .string({ error: 'the 6-digit code the toy says' })
    .trim()
    .regex(/^\d{6}$/, 'the 6-digit code the toy says'),
  /** A built-in persona by id (a custom one comes whole in `persona`). */
  personaId: z.string().max(128).optional(),
});

export interface PairingRouteOptions {
  db: HearthDatabase;
  pending: PendingActivations;
  transports: ToyTransportRepository;
  /** The same guard as the device routes (admin session or household key). */
  guard: { preHandler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> };
  /** The device JSON as the device routes show it. */
  view: (device: DeviceProfile) => Record<string, unknown>;
  log: (level: 'info' | 'warn', msg: string, extra?: Record<string, unknown>) => void;
}

export function registerPairingRoutes(app: FastifyInstance, options: PairingRouteOptions): void {
  const devices = new DeviceRepository(options.db);
  const { pending, transports } = options;
  const { guard } = options;

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/toys')) reply.header('Cache-Control', 'no-store');
  });

  app.post('/api/toys/pair', guard, async (request, reply) => {
    const parsed = PairBody.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: 'bad_request', message: fieldErrors(parsed.error) });
    const { code, personaId, consent: given, ...profile } = parsed.data;
    // Consent before the code is looked up: a refused request leaves the toy waiting for the next try.
    const consent = await requireConsent(request, reply, given);
    if (!consent) return reply;
    if (personaId !== undefined && profile.persona === undefined) {
      const persona = builtinPersona(personaId);
      if (!persona)
        return reply.code(400).send({ error: 'bad_request', message: `personaId: no built-in persona ${personaId}` });
      profile.persona = persona;
    }
    const found = pending.lookup(code);
    if (found.status === 'unknown')
      return reply
        .code(404)
        .send({ error: 'not_found', message: 'no toy is waiting with that code: check the code the toy says' });
    if (found.status === 'expired')
      return reply
        .code(410)
        .send({ error: 'expired', message: 'that code has expired: restart the toy to hear a new one' });
    const { activation } = found;
    const deviceId = hearthDeviceId(activation.mac);
    try {
      const { device } = devices.create({ ...profile, id: deviceId }, consent);
      transports.register(deviceId, {
        transport: 'xiaozhi-ws',
        board: activation.board,
        firmwareVersion: activation.firmwareVersion,
        clientId: activation.clientId,
      });
      pending.consume(activation);
      options.log('info', 'xiaozhi toy paired', { toy: deviceId, board: activation.board });
      return reply.code(201).send(options.view(device));
    } catch (error) {
      if (error instanceof DeviceExistsError) {
        pending.consume(activation);
        return reply
          .code(409)
          .send({ error: 'exists', message: `a toy with MAC ${activation.mac} is already registered` });
      }
      throw error;
    }
  });

  app.get('/api/toys/pending', guard, async () => ({
    pending: pending
      .list()
      .map((a) => ({ board: a.board, firmwareVersion: a.firmwareVersion, seenAt: a.seenAt, expiresAt: a.expiresAt })),
  }));
}
