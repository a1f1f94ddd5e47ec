// The Hearth server's API for agent workers on other machines: a worker running a toy's job asks
// for that toy's conversation settings (persona, limits, volume, talking time today, turn-taking)
// with the job's own room token (the one its JobAssignment carried, minted
// by the room server with the household's LiveKit key). That token names one toy room and expires
// in an hour, so a worker holds no household secret (no PIN, no household key, no API secret) and
// can read nothing but the toy it was assigned, only while its job lasts.
import type { FastifyInstance } from 'fastify';
import { TokenVerifier } from 'livekit-server-sdk';
import type { DeviceProfile } from '../../src/core/devices/device-profile.ts';
import type { PersonaRecord } from '../../src/core/personas/persona-record.ts';
import type { Persona } from '../../src/core/prompt.ts';
import type { TimeLimits } from '../../src/core/safety/time-limits.ts';
import type { VoiceSessionConfig } from '../../src/core/session-types.ts';
import { devicePromptPersona } from '../agent/toy-context.ts';
import { deviceIdOfRoom } from '../devices/device-room.ts';
import { bearerSecret } from '../livekit/household-key.ts';

export const TOY_JOB_API_PATH = '/api/agent-worker/toy';

/**
 * What a worker gets for its job: what the in-process agent would use to run the toy's
 * conversation, save its memories and history (those stay on the Hearth server).
 */
export interface ToyJobInfo {
  deviceId: string;
  /** The persona as the prompt sees it (owner, voice, language). */
  persona: Persona;
  /** The persona's record: its content rules and tools, for the child-safe guard. */
  personaRecord: PersonaRecord;
  /** The parent's daily limits and quiet hours for this toy. */
  limits: TimeLimits;
  /** Talking time the toy has used today (local day of the server), in ms. */
  usedTodayMs: number;
  /** Output level 0..1. */
  volume: number;
  /** The child's age the parent gave at consent (null: not known). */
  childAge: number | null;
  /** The server's turn-taking settings (--answer-in-pauses). */
  sessionConfig: Partial<VoiceSessionConfig>;
}

export interface ToyJobApiOptions {
  apiKey: string;
  apiSecret: string;
  profile: (deviceId: string) => DeviceProfile | undefined;
  /** Talking time the toy used today, in ms. */
  usedToday: (deviceId: string) => number;
  sessionConfig: Partial<VoiceSessionConfig>;
}

export function registerToyJobApi(app: FastifyInstance, opts: ToyJobApiOptions): void {
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
    const info: ToyJobInfo = {
      deviceId,
      persona: devicePromptPersona(profile),
      personaRecord: profile.persona,
      limits: profile.limits,
      usedTodayMs: opts.usedToday(deviceId),
      volume: profile.volume,
      childAge: profile.consent?.childAge ?? null,
      sessionConfig: opts.sessionConfig,
    };
    return info;
  });
}

/** The worker's side: the toy's info for `job`, from the Hearth server at `hearthUrl` (http or https). */
export async function fetchToyJobInfo(hearthUrl: string, jobToken: string): Promise<ToyJobInfo> {
  const res = await fetch(new URL(TOY_JOB_API_PATH, hearthUrl), {
    headers: { authorization: `Bearer ${jobToken}` },
  });
  const body = (await res.json().catch(() => ({}))) as Partial<ToyJobInfo> & { error?: string };
  if (!res.ok || !body.persona || !body.deviceId || !body.personaRecord || !body.limits)
    throw new Error(`the Hearth server refused the toy's profile (HTTP ${res.status}): ${body.error ?? 'no profile'}`);
  return {
    deviceId: body.deviceId,
    persona: body.persona,
    personaRecord: body.personaRecord,
    limits: body.limits,
    usedTodayMs: typeof body.usedTodayMs === 'number' ? body.usedTodayMs : 0,
    volume: typeof body.volume === 'number' ? body.volume : 1,
    childAge: typeof body.childAge === 'number' ? body.childAge : null,
    sessionConfig: body.sessionConfig ?? {},
  };
}
