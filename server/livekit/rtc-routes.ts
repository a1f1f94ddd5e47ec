import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerSecret } from './household-key.ts';
import type { IceBinding } from './peer-connection-factory.ts';
import type { RoomTiming } from './room.ts';
import { RoomServer, type ConnectParams } from './room-server.ts';
import type { SignalSocket } from './signal-connection.ts';
import { JoinTokenVerifier, TokenError, type JoinGrant } from './token-auth.ts';
import type { JoinCheck } from './revocation.ts';

export interface EmbeddedRoomServerOptions {
  apiKey: string;
  apiSecret: string;
  ice: IceBinding;
  timing?: Partial<RoomTiming>;
  /** Refuses tokens whose credential was revoked (revocation.ts); everyone verified is admitted without it. */
  admits?: JoinCheck;
}

type RtcQuery = Record<string, string | undefined>;

// livekit-client sends the token as ?access_token=, the Rust core (rtc-node) as a Bearer header.
function tokenOf(request: FastifyRequest): string | undefined {
  return (request.query as RtcQuery).access_token ?? bearerSecret(request.headers.authorization);
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  return value === '1' || value === 'true';
}

function connectParams(query: RtcQuery): ConnectParams {
  const resume = flag(query.reconnect, false) && !!query.sid;
  return { autoSubscribe: flag(query.auto_subscribe, true), resumeSid: resume ? (query.sid ?? null) : null };
}

/**
 * Serves LiveKit's signalling on the Hearth port: `/rtc` (WebSocket) and `/rtc/validate`.
 * `/rtc/v1` (single-peer-connection mode) is deliberately absent: its 404 makes both SDKs fall
 * back to `/rtc`. A bad or expired token gets HTTP 401 with the reason, which livekit-client
 * reads from /rtc/validate and reports as ConnectionError NotAllowed.
 */
export async function registerEmbeddedRoomServer(
  app: FastifyInstance,
  options: EmbeddedRoomServerOptions,
): Promise<RoomServer> {
  await app.register(fastifyWebsocket, { options: { maxPayload: 1 << 20 } });
  const verifier = new JoinTokenVerifier(options.apiKey, options.apiSecret);
  const server = new RoomServer({ ice: options.ice, timing: options.timing, log: app.log });
  const grants = new WeakMap<FastifyRequest, JoinGrant>();

  const refuse = (err: unknown) => (err instanceof TokenError ? err.message : 'invalid token');
  /** A valid signature is not enough: the credential it was minted against must still be current. */
  const verify = async (request: FastifyRequest): Promise<JoinGrant> => {
    const grant = await verifier.verify(tokenOf(request));
    const revoked = options.admits?.(grant);
    if (revoked) throw new TokenError(revoked);
    return grant;
  };

  app.get('/rtc/validate', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    try {
      await verify(request);
      return reply.type('text/plain').send('success');
    } catch (err) {
      return reply.code(401).type('text/plain').send(refuse(err));
    }
  });

  await app.register(async (scope) => {
    scope.addHook('preValidation', async (request, reply) => {
      try {
        grants.set(request, await verify(request));
      } catch (err) {
        return reply.code(401).type('text/plain').send(refuse(err));
      }
    });
    scope.get('/rtc', { websocket: true }, (socket, request) => {
      const grant = grants.get(request);
      if (!grant) return socket.close(1008, 'unauthorized');
      server.connect(socket as SignalSocket, grant, connectParams(request.query as RtcQuery));
    });
  });

  app.addHook('onClose', async () => server.close());
  return server;
}
