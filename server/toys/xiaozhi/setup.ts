// Stock xiaozhi toys on the Hearth server: the OTA bootstrap and activation, pairing, the WebSocket
// transport and the sessions behind them, sharing the LiveKit agent's engines and toy profiles.
// buildApp calls this once; E's MQTT+UDP transport attaches its channels to the same `sessions`.
import type { FastifyInstance } from 'fastify';
import type { HearthDatabase } from '../../db/database.ts';
import type { AgentSupervisor } from '../../agent/supervisor.ts';
import { canExtractFacts } from '../../agent/supervisor.ts';
import type { ToyContext } from '../../agent/toy-context.ts';
import type { AgentEngines } from '../../agent/agent-session.ts';
import type { ChatModel } from '../../../src/core/engines.ts';
import type { AgentMediaLibrary } from '../../agent/media/media-library.ts';
import type { DeviceProfile } from '../../devices/device-repository.ts';
import { registerXiaozhiLiveRoute } from './live-routes.ts';
import { registerXiaozhiOtaRoutes } from './ota-routes.ts';
import { registerPairingRoutes } from './pairing-routes.ts';
import { PendingActivations } from './pending-activations.ts';
import { describeToy, switchTransport, type ToyTransportView } from './toy-view.ts';
import { ToyTransportRepository } from './toy-transports.ts';
import { registerXiaozhiWebSocket } from './ws-routes.ts';
import { XiaozhiSessionManager } from './xiaozhi-sessions.ts';

export interface XiaozhiSetupOptions {
  db: HearthDatabase;
  agent: Pick<AgentSupervisor, 'agentEngines'>;
  /** Each toy's context (the same factory the LiveKit agent uses). */
  toyContext: (deviceId: string, engines?: { extractionLlm: ChatModel | null }) => ToyContext;
  media?: AgentMediaLibrary;
  version: string;
  /** The device routes' guard (admin session or household key). */
  guard: Parameters<typeof registerPairingRoutes>[1]['guard'];
  /** The device JSON of the device routes, for the pairing answer. */
  view: (device: DeviceProfile) => Record<string, unknown>;
  mqttBootstrap?: (deviceId: string, requestHost: string) => Record<string, unknown> | null;
}

export interface XiaozhiSetup {
  sessions: XiaozhiSessionManager;
  transports: ToyTransportRepository;
  pending: PendingActivations;
  describe: (device: DeviceProfile) => ToyTransportView;
  setTransport: (deviceId: string, transport: string) => string | null;
}

export async function setupXiaozhi(app: FastifyInstance, options: XiaozhiSetupOptions): Promise<XiaozhiSetup> {
  const log = (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) =>
    app.log[level]({ xiaozhi: true, ...extra }, msg);
  const transports = new ToyTransportRepository(options.db);
  const pending = new PendingActivations();
  const sessions = new XiaozhiSessionManager({
    engines: () => options.agent.agentEngines(),
    toyContext: (deviceId: string, engines: AgentEngines) =>
      options.toyContext(deviceId, { extractionLlm: canExtractFacts(engines.llm) ? engines.llm : null }),
    transports,
    log,
    version: options.version,
    ...(options.media ? { media: options.media } : {}),
  });
  app.addHook('onClose', async () => sessions.dispose());
  registerXiaozhiOtaRoutes(app, {
    pending,
    transports,
    log,
    // The toy connects a moment after its check: the engines (loaded once, on the first toy) start now.
    onPairedCheckIn: () => void options.agent.agentEngines().catch(() => undefined),
    ...(options.mqttBootstrap ? { mqttBootstrap: options.mqttBootstrap } : {}),
  });
  registerPairingRoutes(app, { db: options.db, pending, transports, guard: options.guard, view: options.view, log });
  registerXiaozhiLiveRoute(app, { sessions, transports, guard: options.guard, log });
  await registerXiaozhiWebSocket(app, { sessions, transports });
  return {
    sessions,
    transports,
    pending,
    describe: describeToy(transports, (id) => sessions.isOnline(id)),
    setTransport: (deviceId, transport) => {
      const before = transports.transportOf(deviceId);
      const problem = switchTransport(transports, deviceId, transport);
      // The old transport's session ends now; the toy's next boot fetches the new one.
      if (!problem && before !== transport)
        sessions.closeDevice(deviceId, `the parent switched this toy to ${transport}`);
      return problem;
    },
  };
}
