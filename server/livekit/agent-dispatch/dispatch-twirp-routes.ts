import {
  AgentDispatch as AgentDispatchMessage,
  AgentDispatchState,
  CreateAgentDispatchRequest,
  DeleteAgentDispatchRequest,
  ListAgentDispatchRequest,
  ListAgentDispatchResponse,
} from '@livekit/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TokenVerifier } from 'livekit-server-sdk';
import { bearerSecret } from '../household-key.ts';
import { TokenError, verifiedClaims } from '../token-auth.ts';
import type { AgentDispatch, AgentDispatcher } from './agent-dispatcher.ts';

/** Twirp's error codes that this service answers with, and their HTTP statuses (twirp spec v7). */
const TWIRP_STATUS = {
  malformed: 400,
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  resource_exhausted: 429,
} as const;
type TwirpCode = keyof typeof TWIRP_STATUS;

class TwirpFailure extends Error {
  constructor(
    readonly code: TwirpCode,
    message: string,
  ) {
    super(message);
  }
}

/** Limits that keep one admin client from filling the server's memory with dispatches. */
const MAX_NAME_CHARS = 256;
const MAX_METADATA_BYTES = 64 * 1024;
const BODY_LIMIT_BYTES = 128 * 1024;

type Encoding = 'json' | 'protobuf';

function encodingOf(request: FastifyRequest): Encoding {
  return (request.headers['content-type'] ?? '').startsWith('application/protobuf') ? 'protobuf' : 'json';
}

function decode<T>(
  request: FastifyRequest,
  type: { fromBinary(b: Uint8Array): T; fromJsonString(s: string, o: { ignoreUnknownFields: boolean }): T },
): T {
  const body = request.body as Buffer | undefined;
  try {
    if (encodingOf(request) === 'protobuf') return type.fromBinary(body ?? new Uint8Array());
    return type.fromJsonString(body && body.length > 0 ? body.toString('utf8') : '{}', { ignoreUnknownFields: true });
  } catch (err) {
    throw new TwirpFailure('malformed', `the request body could not be read: ${(err as Error).message}`);
  }
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  message: { toBinary(): Uint8Array; toJsonString(): string },
): FastifyReply {
  if (encodingOf(request) === 'protobuf')
    return reply.header('content-type', 'application/protobuf').send(Buffer.from(message.toBinary()));
  return sendJson(reply, message.toJsonString());
}

/** Twirp clients compare the content type exactly; a Buffer keeps Fastify from adding a charset. */
function sendJson(reply: FastifyReply, json: string): FastifyReply {
  return reply.header('content-type', 'application/json').send(Buffer.from(json, 'utf8'));
}

function checkName(what: string, value: string, required: boolean): void {
  if (required && value === '') throw new TwirpFailure('invalid_argument', `${what} is required`);
  if (value.length > MAX_NAME_CHARS)
    throw new TwirpFailure('invalid_argument', `${what} is longer than ${MAX_NAME_CHARS} characters`);
}

/**
 * LiveKit's AgentDispatchService (CreateDispatch, DeleteDispatch, ListDispatch) over Twirp, as
 * `livekit-server-sdk`'s AgentDispatchClient and the other server SDKs call it: JSON or protobuf
 * bodies, a Bearer token signed with the server's key pair whose video grant has `roomAdmin` for
 * the request's room (LiveKit's EnsureAdminPermission), and Twirp's JSON errors.
 */
export async function registerDispatchTwirpRoutes(
  app: FastifyInstance,
  dispatcher: AgentDispatcher,
  credentials: { apiKey: string; apiSecret: string },
): Promise<void> {
  const verifier = new TokenVerifier(credentials.apiKey, credentials.apiSecret);

  async function requireRoomAdmin(request: FastifyRequest, room: string): Promise<void> {
    const claims = await verifiedClaims(verifier, bearerSecret(request.headers.authorization), {
      missing: 'no access token: send a Bearer token',
      invalid: 'invalid token',
    }).catch((err: unknown) => {
      throw err instanceof TokenError ? new TwirpFailure('unauthenticated', err.message) : err;
    });
    if (claims.video?.roomAdmin !== true || claims.video.room !== room)
      throw new TwirpFailure('permission_denied', `permissions denied: the token is not an admin of room "${room}"`);
  }

  function message(dispatch: AgentDispatch): AgentDispatchMessage {
    return new AgentDispatchMessage({
      id: dispatch.id,
      agentName: dispatch.agentName,
      room: dispatch.room,
      metadata: dispatch.metadata,
      deployment: dispatch.deployment,
      state: new AgentDispatchState({
        jobs: dispatcher.jobsOfDispatch(dispatch.id),
        createdAt: BigInt(dispatch.createdAtMs) * 1_000_000n,
      }),
    });
  }

  const methods: Record<
    string,
    (request: FastifyRequest) => Promise<{ toBinary(): Uint8Array; toJsonString(): string }>
  > = {
    CreateDispatch: async (request) => {
      const req = decode(request, CreateAgentDispatchRequest);
      checkName('room', req.room, true);
      checkName('agentName', req.agentName, false);
      checkName('deployment', req.deployment, false);
      if (Buffer.byteLength(req.metadata) > MAX_METADATA_BYTES)
        throw new TwirpFailure('invalid_argument', `metadata is larger than ${MAX_METADATA_BYTES} bytes`);
      await requireRoomAdmin(request, req.room);
      const created = dispatcher.createDispatch(req.room, req.agentName, req.metadata, req.deployment);
      if (!created)
        throw new TwirpFailure('resource_exhausted', 'too many dispatches wait for rooms that do not exist yet');
      return message(created);
    },
    DeleteDispatch: async (request) => {
      const req = decode(request, DeleteAgentDispatchRequest);
      checkName('room', req.room, true);
      checkName('dispatchId', req.dispatchId, true);
      await requireRoomAdmin(request, req.room);
      const deleted = dispatcher.deleteDispatch(req.room, req.dispatchId);
      if (!deleted) throw new TwirpFailure('not_found', `no dispatch "${req.dispatchId}" in room "${req.room}"`);
      return message(deleted);
    },
    ListDispatch: async (request) => {
      const req = decode(request, ListAgentDispatchRequest);
      checkName('room', req.room, true);
      await requireRoomAdmin(request, req.room);
      const all = dispatcher.listDispatches(req.room);
      const chosen = req.dispatchId ? all.filter((d) => d.id === req.dispatchId) : all;
      return new ListAgentDispatchResponse({ agentDispatches: chosen.map(message) });
    },
  };

  await app.register(async (scope) => {
    // Twirp bodies are read here as bytes (JSON or protobuf), not by the app's JSON parser.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    scope.post<{ Params: { method: string } }>(
      '/twirp/livekit.AgentDispatchService/:method',
      async (request, reply) => {
        try {
          const handler = Object.hasOwn(methods, request.params.method) ? methods[request.params.method] : undefined;
          if (!handler)
            throw new TwirpFailure('bad_route', `no method "${request.params.method}" in AgentDispatchService`);
          return send(reply, request, await handler(request));
        } catch (err) {
          if (!(err instanceof TwirpFailure)) throw err;
          return sendJson(reply.code(TWIRP_STATUS[err.code]), JSON.stringify({ code: err.code, msg: err.message }));
        }
      },
    );
  });
}
