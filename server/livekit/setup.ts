import type { FastifyInstance } from 'fastify';
import type { HearthConfig } from '../config.ts';
import type { AgentDispatcher } from './agent-dispatch/agent-dispatcher.ts';
import { registerAgentDispatch } from './agent-dispatch/agent-routes.ts';
import { loadLivekitCredentials, type LivekitCredentials } from './credentials.ts';
import { loadHouseholdKey } from './household-key.ts';
import { iceBindingForHost } from './peer-connection-factory.ts';
import type { RoomServer } from './room-server.ts';
import { registerEmbeddedRoomServer } from './rtc-routes.ts';
import type { JoinCheck } from './revocation.ts';
import { TokenMinter } from './token-minter.ts';

/** What the token routes need: who signs, where clients connect, and the household's key. */
export interface LivekitSetup {
  credentials: LivekitCredentials;
  minter: TokenMinter;
  householdKey: string;
  /** The embedded room server, or null when LIVEKIT_URL points at a real one. */
  roomServer: RoomServer | null;
  /** Dispatches rooms to LiveKit agent workers connected on /agent (embedded mode only). */
  agentDispatch: AgentDispatcher | null;
}

/**
 * Loads (or creates on first run) the LiveKit key pair and the household key, and starts the
 * embedded room server on the Hearth port unless LIVEKIT_URL is set.
 */
export async function setupLivekit(
  app: FastifyInstance,
  config: HearthConfig,
  options: { admits?: JoinCheck } = {},
): Promise<LivekitSetup> {
  const credentials = loadLivekitCredentials(config);
  const roomServer =
    credentials.mode === 'embedded'
      ? await registerEmbeddedRoomServer(app, {
          apiKey: credentials.apiKey,
          apiSecret: credentials.apiSecret,
          ice: iceBindingForHost(config.host),
          ...(options.admits ? { admits: options.admits } : {}),
        })
      : null;
  const agentDispatch = roomServer
    ? await registerAgentDispatch(app, roomServer, { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret })
    : null;
  return {
    credentials,
    minter: new TokenMinter(credentials.apiKey, credentials.apiSecret),
    householdKey: loadHouseholdKey(config.dataDir),
    roomServer,
    agentDispatch,
  };
}
