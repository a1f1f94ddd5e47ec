// Consent first (issue 14): the words a parent accepts before adding a toy (`GET /api/toys/consent`),
// the check that registration and pairing use, and `POST /api/devices/:id/consent` for a toy added
// before consent was asked (or a child who had a birthday).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../../auth/require-admin.ts';
import type { HearthDatabase } from '../../db/database.ts';
import { DeviceRepository } from '../../devices/device-repository.ts';
import { fieldErrors } from '../../devices/device-schemas.ts';
import {
  CONSENT_MISSING,
  ToyConsentBody,
  ToyConsentStore,
  type ToyConsent,
  type ToyConsentRequest,
} from '../../devices/toy-consent-store.ts';
import { TOY_CONSENT_POINTS, TOY_CONSENT_VERSION } from '../../../src/core/devices/toy-consent.ts';

/** How the parent was signed in when the request passed the devices guard: the PIN session, else the household key. */
export function consentGivenBy(request: FastifyRequest): ToyConsent['givenBy'] {
  const token = bearerToken(request);
  return token && request.server.adminSessions.validate(token) ? 'parent-pin' : 'household-key';
}

/**
 * The consent a registration or pairing carries, ready for DeviceRepository.create, or the 400
 * already sent (missing or not valid: the message says what the parent must give).
 */
export async function requireConsent(
  request: FastifyRequest,
  reply: FastifyReply,
  consent: ToyConsentRequest | undefined,
): Promise<{ request: ToyConsentRequest; givenBy: ToyConsent['givenBy'] } | null> {
  if (!consent) {
    await reply.code(400).send({ error: 'consent_required', message: CONSENT_MISSING });
    return null;
  }
  return { request: consent, givenBy: consentGivenBy(request) };
}

export function registerToyConsentRoutes(
  app: FastifyInstance,
  db: HearthDatabase,
  guard: { preHandler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> },
): void {
  const devices = new DeviceRepository(db);
  const consents = new ToyConsentStore(db);

  // The words are not a secret: the add-a-toy screen shows them before the parent unlocks anything.
  app.get('/api/toys/consent', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return { version: TOY_CONSENT_VERSION, points: TOY_CONSENT_POINTS };
  });

  app.post<{ Params: { id: string } }>('/api/devices/:id/consent', guard, async (request, reply) => {
    const parsed = ToyConsentBody.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: 'bad_request', message: fieldErrors(parsed.error) });
    if (!devices.get(request.params.id))
      return reply.code(404).send({ error: 'not_found', message: `no device with id ${request.params.id}` });
    return consents.record(request.params.id, parsed.data, consentGivenBy(request));
  });
}
