import { RoomAgentDispatch, RoomConfiguration } from '@livekit/protocol';
import Fastify, { type FastifyInstance } from 'fastify';
import { AccessToken } from 'livekit-server-sdk';
import type {
  AgentDispatcher,
  DispatchEvents,
  DispatchTiming,
} from '../../../../server/livekit/agent-dispatch/agent-dispatcher.ts';
import { registerAgentDispatch } from '../../../../server/livekit/agent-dispatch/agent-routes.ts';
import { iceBindingForHost } from '../../../../server/livekit/peer-connection-factory.ts';
import type { RoomServer } from '../../../../server/livekit/room-server.ts';
import { registerEmbeddedRoomServer } from '../../../../server/livekit/rtc-routes.ts';

export const API_KEY = 'HKagentkey';
export const API_SECRET = 'agent-test-secret-long-enough-for-hs256-0123456789';

export interface DispatchTestServer {
  url: string;
  app: FastifyInstance;
  rooms: RoomServer;
  dispatch: AgentDispatcher;
  /** A participant's join token; `agents` fills the token's RoomConfiguration (explicit dispatch). */
  joinToken(identity: string, room: string, agents?: string[]): Promise<string>;
  /** A worker's token: the agent grant, signed with `secret` (the right one unless given). */
  workerToken(opts?: { secret?: string; agentGrant?: boolean }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The embedded room server with agent dispatch, in this process, on 127.0.0.1 (media included).
 * `logLines` collects the server's log (JSON lines, info and up) when given.
 */
export async function startDispatchServer(
  timing: Partial<DispatchTiming> = {},
  logLines?: string[],
): Promise<DispatchTestServer> {
  const app = Fastify({
    logger: logLines ? { level: 'info', stream: { write: (line: string) => void logLines.push(line) } } : false,
  });
  const rooms = await registerEmbeddedRoomServer(app, {
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    ice: iceBindingForHost('127.0.0.1'),
  });
  const dispatch = await registerAgentDispatch(app, rooms, { apiKey: API_KEY, apiSecret: API_SECRET, timing });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `ws://127.0.0.1:${port}`,
    app,
    rooms,
    dispatch,
    joinToken: async (identity, room, agents) => {
      const at = new AccessToken(API_KEY, API_SECRET, { identity, ttl: 600 });
      at.addGrant({ roomJoin: true, room });
      if (agents) {
        at.roomConfig = new RoomConfiguration({
          agents: agents.map((agentName) => new RoomAgentDispatch({ agentName })),
        });
      }
      return at.toJwt();
    },
    workerToken: async ({ secret = API_SECRET, agentGrant = true } = {}) => {
      const at = new AccessToken(API_KEY, secret, agentGrant ? {} : { identity: 'not-a-worker' });
      at.addGrant(agentGrant ? { agent: true } : { roomJoin: true, room: 'some-room' });
      return at.toJwt();
    },
    stop: () => app.close(),
  };
}

/** Resolves with the arguments of the next `event` from the dispatcher that satisfies `match`. */
export function nextDispatchEvent<E extends keyof DispatchEvents>(
  dispatch: AgentDispatcher,
  event: E,
  match: (...args: DispatchEvents[E]) => boolean = () => true,
): Promise<DispatchEvents[E]> {
  return new Promise((resolve) => {
    const listener = (...args: DispatchEvents[E]) => {
      if (!match(...args)) return;
      dispatch.off(event, listener as never);
      resolve(args);
    };
    dispatch.on(event, listener as never);
  });
}
