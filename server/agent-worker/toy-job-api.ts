// The Hearth server's API for agent workers on other machines: a worker running a toy's job asks
// for that toy's persona with the job's own room token (the one its JobAssignment carried, minted
// by the room server with the household's LiveKit key). That token names one toy room and expires
// in an hour, so a worker holds no household secret (no PIN, no household key, no API secret) and
// can read nothing but the toy it was assigned, only while its job lasts.
import type { FastifyInstance } from 'fastify';
import { TokenVerifier } from 'livekit-server-sdk';
import type { DeviceProfile } from '../../src/core/devices/device-profile.ts';
import type { Persona } from '../../src/core/prompt.ts';
import { devicePromptPersona } from '../agent/toy-context.ts';
import { deviceIdOfRoom } from '../devices/device-room.ts';
import { bearerSecret } from '../livekit/household-key.ts';

export const TOY_JOB_API_PATH = '/api/agent-worker/toy';

/** What a worker gets for its job: the toy's id and the persona the in-process agent would use. */
export interface ToyJobInfo {
  deviceId: string;
  persona: Persona;
}

export function registerToyJobApi(
  app: FastifyInstance,
  opts: { apiKey: string; apiSecret: string; profile: (deviceId: string) => DeviceProfile | undefined },
): void {
  const verifier = new TokenVerifier(opts.apiKey, opts.apiSecret);
  app.get(TOY_JOB_API_PATH, async (request, reply) => {
    const token = bearerSecret(request.headers.authorization);
    if (!token) return reply.code(401).send({ error: "send the job's room token as Authorization: Bearer <token>" });
    let claims;
    try {
      claims = await verifier.verify(token, 0);
    } catch (err) {
      return reply
        .code(401)
        .send({ error: `invalid job token: ${err instanceof Error ? err.message : 'unverifiable'}` });
    }
    // Only an agent's join token for a toy's own room: not a worker's registration token, not a toy's.
    const room = claims.video?.room ?? '';
    if (claims.kind !== 'agent' || claims.video?.agent !== true || claims.video.roomJoin !== true)
      return reply.code(403).send({ error: "not an agent job token: send the token from the job's assignment" });
    const deviceId = deviceIdOfRoom(room);
    if (!deviceId) return reply.code(403).send({ error: `the job's room ${JSON.stringify(room)} is not a toy's room` });
    const profile = opts.profile(deviceId);
    if (!profile) return reply.code(404).send({ error: `no toy ${deviceId}: it was deleted or never registered` });
    const info: ToyJobInfo = { deviceId, persona: devicePromptPersona(profile) };
    return info;
  });
}

/** The worker's side: the toy's info for `job`, from the Hearth server at `hearthUrl` (http or https). */
export async function fetchToyJobInfo(hearthUrl: string, jobToken: string): Promise<ToyJobInfo> {
  const res = await fetch(new URL(TOY_JOB_API_PATH, hearthUrl), {
    headers: { authorization: `Bearer ${jobToken}` },
  });
  const body = (await res.json().catch(() => ({}))) as Partial<ToyJobInfo> & { error?: string };
  if (!res.ok || !body.persona || !body.deviceId)
    throw new Error(`the Hearth server refused the toy's profile (HTTP ${res.status}): ${body.error ?? 'no profile'}`);
  return { deviceId: body.deviceId, persona: body.persona };
}
