import Fastify, { type FastifyInstance } from 'fastify';
import { iceBindingForHost } from '../../../../server/livekit/peer-connection-factory.ts';
import type { RoomTiming } from '../../../../server/livekit/room.ts';
import type { RoomServer } from '../../../../server/livekit/room-server.ts';
import { registerEmbeddedRoomServer } from '../../../../server/livekit/rtc-routes.ts';
import { TokenMinter, type MintRequest } from '../../../../server/livekit/token-minter.ts';

export interface TestRoomServer {
  url: string;
  app: FastifyInstance;
  server: RoomServer;
  /** A join token for this server (defaults: 10 minutes, all grants). */
  token(identity: string, room: string, overrides?: Partial<MintRequest>): Promise<string>;
  /** A token signed with the wrong secret. */
  forgedToken(identity: string, room: string): Promise<string>;
  stop(): Promise<void>;
}

export const TEST_API_KEY = 'HKtestkey';
const TEST_API_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/** Only the embedded room server, in this process, on 127.0.0.1 (media included). */
export async function startTestRoomServer(timing?: Partial<RoomTiming>): Promise<TestRoomServer> {
  const app = Fastify({ logger: false });
  const server = await registerEmbeddedRoomServer(app, {
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    ice: iceBindingForHost('127.0.0.1'),
    timing,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const minter = new TokenMinter(TEST_API_KEY, TEST_API_SECRET);
  const forger = new TokenMinter(TEST_API_KEY, 'not-the-secret-not-the-secret-not-the-secret');
  return {
    url: `ws://127.0.0.1:${port}`,
    app,
    server,
    token: async (identity, room, overrides = {}) =>
      (await minter.mint({ identity, room, ttlSeconds: 600, ...overrides })).token,
    forgedToken: async (identity, room) => (await forger.mint({ identity, room, ttlSeconds: 600 })).token,
    stop: () => app.close(),
  };
}
