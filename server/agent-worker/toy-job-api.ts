// The Hearth server's API for agent workers on other machines: a worker running a toy's job asks
// for that toy's conversation settings (persona, limits, volume, talking time today, turn-taking)
// with the job's own room token (the one its JobAssignment carried, minted
// by the room server with the household's LiveKit key). That token names one toy room and expires
// in an hour (renewed while the job lasts, up to 12 hours), so a worker holds no household secret
// (no PIN, no household key, no API secret) and can read nothing but the toy it was assigned. With the same token the
// worker hands back what the in-process agent writes itself: the toy's talking time (for the daily
// limit) and each finished turn (the parent's conversation history, when this toy keeps one).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccessToken } from 'livekit-server-sdk';
import { z } from 'zod';
import type { DeviceProfile } from '../../src/core/devices/device-profile.ts';
import type { MemoryRecord, MemoryStore } from '../../src/core/memory/memory-types.ts';
import type { PersonaRecord } from '../../src/core/personas/persona-record.ts';
import type { Persona } from '../../src/core/prompt.ts';
import type { TimeLimits } from '../../src/core/safety/time-limits.ts';
import type { VoiceSessionConfig } from '../../src/core/session-types.ts';
import { devicePromptPersona } from '../agent/toy-context.ts';
import type { CatalogSource } from '../agent/media/media-library.ts';
import type { JobApiCaller } from './job-api-client.ts';
import {
  jobTokenAuth,
  TOY_JOB_API_PATH,
  TOY_JOB_MEMORIES_PATH,
  TOY_JOB_TOKEN_PATH,
  TOY_JOB_TURNS_PATH,
  TOY_JOB_USAGE_PATH,
} from './job-token-auth.ts';
import { registerToyJobMedia } from './toy-job-media.ts';

/**
 * A job token lives an hour; a worker trades it for a fresh one before it runs out, so a long
 * conversation keeps handing back its talking time and turns. Never past this age of the job, so a
 * token that leaked cannot be kept alive for good.
 */
const MAX_JOB_AGE_MS = 12 * 3600_000;
/** Carried by refreshed tokens: when the job's first token was issued (ms since the epoch). */
const JOB_SINCE_ATTRIBUTE = 'hearth.jobSince';

/** Talking time one report may add: a turn is cut off long before (maxUtteranceMs, replies). */
const MAX_USAGE_REPORT_MS = 15 * 60_000;

const usageReport = z.object({ ms: z.number().int().min(1).max(MAX_USAGE_REPORT_MS) }).strict();

/** A finished turn as a worker hands it back (what the history keeps; memories stay on the server). */
const finishedTurn = z
  .object({
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime(),
    userText: z.string().max(4000),
    replyText: z.string().max(20_000),
    interrupted: z.boolean(),
    guarded: z
      .object({ stage: z.enum(['input', 'output']), reason: z.string().max(200) })
      .strict()
      .nullable(),
    personaName: z.string().min(1).max(200),
  })
  .strict();
export type WorkerTurn = z.infer<typeof finishedTurn>;

/** A memory as a worker stores it for its toy (the core's MemoryRecord, with limits). */
const memoryRecord = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/),
    slot: z.string().min(1).max(200),
    text: z.string().min(1).max(1000),
    source: z.enum(['rules', 'llm', 'tool', 'parent', 'import']),
    conversationId: z.string().max(200).nullable(),
    createdAt: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative(),
    embedding: z.array(z.number()).max(4096).nullable(),
    fromWords: z.string().max(400).optional(),
  })
  .strict();

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
  /** The parent lets this toy remember (its memories stay on the Hearth server, read and written through this API). */
  memoryEnabled: boolean;
}

export interface ToyJobApiOptions {
  apiKey: string;
  apiSecret: string;
  profile: (deviceId: string) => DeviceProfile | undefined;
  /** Talking time the toy used today, in ms. */
  usedToday: (deviceId: string) => number;
  /** Adds talking time to the toy's day (a worker's report). */
  addUsage: (deviceId: string, ms: number) => void;
  /** Keeps a finished turn in the toy's history; false when this toy (or the server) keeps none. */
  keepTurn: (deviceId: string, turn: WorkerTurn) => boolean;
  sessionConfig: Partial<VoiceSessionConfig>;
  /** The toy's memories on the server. */
  memories: (deviceId: string) => MemoryStore;
  /** The home media library: with it, workers play songs and stories to their toys (toy-job-media.ts). */
  catalog?: CatalogSource;
}

export function registerToyJobApi(app: FastifyInstance, opts: ToyJobApiOptions): void {
  const auth = jobTokenAuth(opts);
  const { jobOf, jobToy } = auth;
  if (opts.catalog) registerToyJobMedia(app, { auth, catalog: opts.catalog });

  // A fresh token for the same job (same room, identity and grants), an hour more.
  app.post(TOY_JOB_TOKEN_PATH, { bodyLimit: 1024 }, async (request, reply) => {
    const job = await jobOf(request, reply);
    if (!job) return reply;
    const { claims } = job;
    // LiveKit's tokens carry their issue time as nbf (not before), some also as iat.
    const issued = claims.nbf ?? claims.iat ?? 0;
    const since = Number(claims.attributes?.[JOB_SINCE_ATTRIBUTE] ?? issued * 1000);
    if (!Number.isFinite(since) || Date.now() - since > MAX_JOB_AGE_MS)
      return reply
        .code(403)
        .send({ error: 'this job is older than 12 hours: its token is not renewed (a new job brings a new one)' });
    const at = new AccessToken(opts.apiKey, opts.apiSecret, {
      identity: claims.sub ?? '',
      name: claims.name ?? '',
      metadata: claims.metadata ?? '',
      attributes: { ...claims.attributes, [JOB_SINCE_ATTRIBUTE]: String(since) },
      ttl: 3600,
    });
    at.kind = 'agent';
    at.addGrant({ ...claims.video });
    return { token: await at.toJwt() };
  });

  app.get(TOY_JOB_API_PATH, async (request, reply) => {
    const profile = await jobToy(request, reply);
    if (!profile) return reply;
    const info: ToyJobInfo = {
      deviceId: profile.id,
      persona: devicePromptPersona(profile),
      personaRecord: profile.persona,
      limits: profile.limits,
      usedTodayMs: opts.usedToday(profile.id),
      volume: profile.volume,
      childAge: profile.consent?.childAge ?? null,
      sessionConfig: opts.sessionConfig,
      memoryEnabled: profile.memoryEnabled,
    };
    return info;
  });

  /** The job's toy when the parent lets it remember; otherwise the reply says so. */
  const rememberingToy = async (request: FastifyRequest, reply: FastifyReply): Promise<DeviceProfile | null> => {
    const profile = await jobToy(request, reply);
    if (!profile) return null;
    if (!profile.memoryEnabled) {
      await reply.code(403).send({ error: `memory is switched off for toy ${profile.id} by the parent` });
      return null;
    }
    return profile;
  };

  app.get(TOY_JOB_MEMORIES_PATH, async (request, reply) => {
    const profile = await rememberingToy(request, reply);
    if (!profile) return reply;
    return { memories: await opts.memories(profile.id).list() };
  });

  app.put<{ Params: { id: string } }>(
    `${TOY_JOB_MEMORIES_PATH}/:id`,
    { bodyLimit: 64 * 1024 },
    async (request, reply) => {
      const profile = await rememberingToy(request, reply);
      if (!profile) return reply;
      const record = memoryRecord.safeParse(request.body);
      if (!record.success) return reply.code(400).send({ error: `not a memory: ${record.error.message}` });
      if (record.data.id !== request.params.id)
        return reply.code(400).send({ error: "the memory's id does not match the address" });
      const { fromWords, ...rest } = record.data;
      await opts.memories(profile.id).put(fromWords === undefined ? rest : { ...rest, fromWords });
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: { id: string } }>(`${TOY_JOB_MEMORIES_PATH}/:id`, async (request, reply) => {
    const profile = await rememberingToy(request, reply);
    if (!profile) return reply;
    await opts.memories(profile.id).delete(request.params.id);
    return reply.code(204).send();
  });

  app.post(TOY_JOB_USAGE_PATH, { bodyLimit: 1024 }, async (request, reply) => {
    const profile = await jobToy(request, reply);
    if (!profile) return reply;
    const report = usageReport.safeParse(request.body);
    if (!report.success)
      return reply
        .code(400)
        .send({ error: `a usage report is {"ms": 1..${MAX_USAGE_REPORT_MS}}: ${report.error.message}` });
    opts.addUsage(profile.id, report.data.ms);
    return reply.code(204).send();
  });

  app.post(TOY_JOB_TURNS_PATH, { bodyLimit: 64 * 1024 }, async (request, reply) => {
    const profile = await jobToy(request, reply);
    if (!profile) return reply;
    const turn = finishedTurn.safeParse(request.body);
    if (!turn.success) return reply.code(400).send({ error: `not a finished turn: ${turn.error.message}` });
    if (Date.parse(turn.data.endedAt) < Date.parse(turn.data.startedAt))
      return reply.code(400).send({ error: 'a turn cannot end before it starts' });
    return { kept: opts.keepTurn(profile.id, turn.data) };
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
    memoryEnabled: body.memoryEnabled === true,
  };
}

/** The worker's side of the write-back: what a toy's job hands to the Hearth server. */
export interface ToyJobReports {
  usage(ms: number): Promise<void>;
  turn(turn: WorkerTurn): Promise<void>;
  /** The toy's memories, kept on the Hearth server (read and written there, never on the worker). */
  memories: MemoryStore;
}

export function toyJobReports(api: JobApiCaller): ToyJobReports {
  const post = async (path: string, body: unknown, what: string): Promise<void> => {
    await api.call('POST', path, body, what);
  };
  const memoryPath = (id: string): string => `${TOY_JOB_MEMORIES_PATH}/${encodeURIComponent(id)}`;
  return {
    usage: (ms) =>
      post(TOY_JOB_USAGE_PATH, { ms: Math.min(MAX_USAGE_REPORT_MS, Math.max(1, Math.round(ms))) }, 'talking time'),
    turn: (turn) => post(TOY_JOB_TURNS_PATH, turn, 'finished turn'),
    memories: {
      list: async () =>
        (
          (await (await api.call('GET', TOY_JOB_MEMORIES_PATH, undefined, 'memories')).json()) as {
            memories: MemoryRecord[];
          }
        ).memories,
      put: async (record) => void (await api.call('PUT', memoryPath(record.id), record, 'memory')),
      delete: async (id) => void (await api.call('DELETE', memoryPath(id), undefined, 'forgotten memory')),
    },
  };
}
