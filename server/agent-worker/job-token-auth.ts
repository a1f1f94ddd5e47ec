// Who may call the toy job API: a request carries the job's room token (from its JobAssignment,
// minted by the room server with the household's LiveKit key). Only an agent's join token for a
// toy's own room passes, and only for a toy that still exists; every refusal says why.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TokenVerifier, type ClaimGrants } from 'livekit-server-sdk';
import type { DeviceProfile } from '../../src/core/devices/device-profile.ts';
import { deviceIdOfRoom } from '../devices/device-room.ts';
import { bearerSecret } from '../livekit/household-key.ts';
import { TokenError, verifiedClaims } from '../livekit/token-auth.ts';

export const TOY_JOB_API_PATH = '/api/agent-worker/toy';
export const TOY_JOB_USAGE_PATH = `${TOY_JOB_API_PATH}/usage`;
export const TOY_JOB_TURNS_PATH = `${TOY_JOB_API_PATH}/turns`;
export const TOY_JOB_TOKEN_PATH = `${TOY_JOB_API_PATH}/token`;
export const TOY_JOB_MEMORIES_PATH = `${TOY_JOB_API_PATH}/memories`;
export const TOY_JOB_CATALOG_SEARCH_PATH = `${TOY_JOB_API_PATH}/catalog/search`;
export const TOY_JOB_MEDIA_PATH = `${TOY_JOB_API_PATH}/media`;

export interface JobTokenAuthOptions {
  apiKey: string;
  apiSecret: string;
  profile: (deviceId: string) => DeviceProfile | undefined;
}

export interface JobTokenAuth {
  /** The toy whose job the request's token is for (and the token's claims), or null once the reply says why not. */
  jobOf(request: FastifyRequest, reply: FastifyReply): Promise<{ profile: DeviceProfile; claims: ClaimGrants } | null>;
  jobToy(request: FastifyRequest, reply: FastifyReply): Promise<DeviceProfile | null>;
}

export function jobTokenAuth(opts: JobTokenAuthOptions): JobTokenAuth {
  const verifier = new TokenVerifier(opts.apiKey, opts.apiSecret);

  /** The toy whose job the request's token is for (and the token's claims), or null once the reply says why not. */
  const jobOf: JobTokenAuth['jobOf'] = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<{ profile: DeviceProfile; claims: ClaimGrants } | null> => {
    let claims: ClaimGrants;
    try {
      claims = await verifiedClaims(verifier, bearerSecret(request.headers.authorization), {
        missing: "send the job's room token as Authorization: Bearer <token>",
        invalid: 'invalid job token',
      });
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      await reply.code(401).send({ error: err.message });
      return null;
    }
    // Only an agent's join token for a toy's own room: not a worker's registration token, not a toy's.
    const room = claims.video?.room ?? '';
    if (claims.kind !== 'agent' || claims.video?.agent !== true || claims.video.roomJoin !== true) {
      await reply.code(403).send({ error: "not an agent job token: send the token from the job's assignment" });
      return null;
    }
    const deviceId = deviceIdOfRoom(room);
    if (!deviceId) {
      await reply.code(403).send({ error: `the job's room ${JSON.stringify(room)} is not a toy's room` });
      return null;
    }
    const profile = opts.profile(deviceId);
    if (!profile) {
      await reply.code(404).send({ error: `no toy ${deviceId}: it was deleted or never registered` });
      return null;
    }
    return { profile, claims };
  };
  const jobToy: JobTokenAuth['jobToy'] = async (request, reply) => (await jobOf(request, reply))?.profile ?? null;

  return { jobOf, jobToy };
}
