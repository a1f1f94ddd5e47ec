import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerSecret } from '../household-key.ts';
import type { RoomServer } from '../room-server.ts';
import type { SignalSocket } from '../signal-connection.ts';
import { TokenError } from '../token-auth.ts';
import { AgentDispatcher, type DispatchTiming } from './agent-dispatcher.ts';
import { registerDispatchTwirpRoutes } from './dispatch-twirp-routes.ts';
import { WorkerTokenVerifier } from './worker-token.ts';

export interface AgentDispatchOptions {
  apiKey: string;
  apiSecret: string;
  timing?: Partial<DispatchTiming>;
}

/**
 * Accepts LiveKit agent workers on `/agent` (the path stock workers append to LIVEKIT_URL), the
 * way a LiveKit server does: a WebSocket upgrade carrying `Authorization: Bearer <jwt>` (or
 * `?access_token=`) with the agent grant; anything else gets HTTP 401 with the reason. Also serves
 * LiveKit's AgentDispatchService (Twirp) so server SDKs can dispatch agents into rooms. Needs
 * @fastify/websocket registered on `app` (registerEmbeddedRoomServer does that).
 */
export async function registerAgentDispatch(
  app: FastifyInstance,
  roomServer: RoomServer,
  options: AgentDispatchOptions,
): Promise<AgentDispatcher> {
  const verifier = new WorkerTokenVerifier(options.apiKey, options.apiSecret);
  const dispatcher = new AgentDispatcher(
    roomServer,
    { apiKey: options.apiKey, apiSecret: options.apiSecret },
    options.timing,
    app.log,
  );
  const tokenOf = (request: FastifyRequest) =>
    bearerSecret(request.headers.authorization) ?? (request.query as { access_token?: string }).access_token;

  await app.register(async (scope) => {
    scope.addHook('preValidation', async (request, reply) => {
      try {
        await verifier.verify(tokenOf(request));
      } catch (err) {
        const reason = err instanceof TokenError ? err.message : 'invalid token';
        return reply.code(401).type('text/plain').send(reason);
      }
    });
    scope.get('/agent', { websocket: true }, (socket) => {
      dispatcher.acceptWorker(socket as SignalSocket);
    });
  });
  await registerDispatchTwirpRoutes(app, dispatcher, options);
  app.addHook('onClose', async () => dispatcher.close());
  return dispatcher;
}
