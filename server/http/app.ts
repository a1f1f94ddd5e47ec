import fs from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { HearthConfig } from '../config.ts';
import type { HearthDatabase } from '../db/database.ts';
import type { ModelStore } from '../models/store.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { HostAllowList, registerHostAllowList } from './host-allow-list.ts';
import { registerErrorHandler } from './error-handler.ts';
import { registerJsonBodyParser } from './json-body.ts';
import { registerHealthRoute } from './routes/health.ts';
import { registerModelRoutes } from './routes/models.ts';
import { registerModelSetupRoutes } from './routes/model-setup.ts';
import { ModelInstaller } from '../models/installer.ts';
import { registerAppRoutes } from './routes/app.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { AttemptLimiter } from '../auth/attempt-limiter.ts';
import { setupCatalog } from './routes/catalog-setup.ts';
import { registerLivekitTokenRoute } from './routes/livekit-token.ts';
import { registerDeviceRoutes } from './routes/devices.ts';
import { registerToyCompanionRoute } from './routes/toy-companion.ts';
import { registerDeviceObserverTokenRoute } from './routes/device-observer-token.ts';
import { registerDeviceTurnRoutes } from './routes/device-turns.ts';
import { registerPrivacyRoutes } from './routes/privacy.ts';
import { registerCaCertificateRoute } from './routes/ca-certificate.ts';
import { DeviceRepository } from '../devices/device-repository.ts';
import { DeviceTurnStore } from '../devices/device-turn-store.ts';
import { deviceInOwnRoom } from '../devices/device-room.ts';
import { keepToyHistoryFor } from '../devices/device-turn-retention.ts';
import { dailyChore } from '../devices/daily-chore.ts';
import { DeviceUsage, pruneDeviceUsage, USAGE_KEEP_DAYS } from '../devices/device-usage.ts';
import { DeviceMemoryStore, pruneExpiredDeviceMemories } from '../devices/device-memory-store.ts';
import { UnusedToys } from '../devices/unused-toys.ts';
import { AGENT_IDENTITY } from '../agent/protocol.ts';
import { setupLivekit } from '../livekit/setup.ts';
import { loadHouseholdKey } from '../livekit/household-key.ts';
import { deviceJoinCheck, removeRevokedAfterDeviceChanges } from '../livekit/device-revocation.ts';
import type { FirstPinSetupCode } from '../auth/first-pin-setup.ts';
import { redactedRequestSerializer } from '../livekit/log-redaction.ts';
import { inProcessAgentWorker } from '../agent/in-process-worker.ts';
import { createServerAgent, toyContextsFrom, toySessionConfig } from '../agent/supervisor.ts';
import { setupXiaozhi } from '../toys/xiaozhi/setup.ts';
import { setupXiaozhiMqtt } from '../toys/xiaozhi/mqtt/setup.ts';
import type { XiaozhiMqtt } from '../toys/xiaozhi/mqtt/xiaozhi-mqtt.ts';
import { requireAdminOrHouseholdKey } from './routes/devices.ts';
import { catalogMediaLibrary } from '../agent/media/media-library.ts';
import { registerToyJobApi } from '../agent-worker/toy-job-api.ts';

/** Toys this box's own agent talks with at once; more wait for another worker (npm run agent). */
const IN_PROCESS_AGENT_CAPACITY = 8;
export interface AppDeps {
  config: HearthConfig;
  db: HearthDatabase;
  models: ModelStore;
  version: string;
  /** The home CA's certificate (PEM) when HTTPS is on: served at /hearth-ca.crt for devices to install. */
  caCertPem?: string | null;
  /** The port HTTPS listens on, once it does (null without --https). */
  httpsPort?: () => number | null;
  /** The one-time code `npm start` prints while no parent PIN is set (null: only the home box or the household key may set it). */
  setupCode?: FirstPinSetupCode | null;
}

export async function buildApp({
  config,
  db,
  models,
  version,
  caCertPem = null,
  httpsPort,
  setupCode = null,
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: config.logLevel, serializers: { req: redactedRequestSerializer } } });

  // Before any route: requests for a name that is not this server's (DNS rebinding) are refused.
  registerHostAllowList(app, new HostAllowList(config.allowedHosts));
  // 500s say only "something went wrong" plus a request id; bad JSON says what is wrong with it.
  registerErrorHandler(app);
  registerJsonBodyParser(app);
  const livekitOrigin = config.livekit.url ? [new URL(config.livekit.url).origin] : [];
  registerSecurityHeaders(app, livekitOrigin);

  // One static plugin instance gives every route reply.sendFile (with Range support).
  const appDirExists = fs.existsSync(config.appDir);
  await app.register(fastifyStatic, {
    root: appDirExists ? config.appDir : process.cwd(),
    serve: appDirExists,
    index: ['index.html'],
    wildcard: false,
    cacheControl: false,
    acceptRanges: true,
  });

  registerHealthRoute(app, version, httpsPort);
  registerModelRoutes(app, models);
  const installer = new ModelInstaller(models, { mirror: config.modelMirror });
  registerModelSetupRoutes(app, { store: models, installer, importRoots: config.importRoots });
  app.addHook('onClose', async () => {
    installer.cancel(); // what arrived stays in .part files; the next install resumes
    await installer.settled();
  });
  const householdKey = loadHouseholdKey(config.dataDir);
  registerAdminRoutes(app, db, {
    householdKey,
    setupCode,
    limiter: new AttemptLimiter(db, { baseLockMs: config.pinLockoutS * 1000 }),
  });
  // Songs and stories: scanned, indexed and served from the media folder (starts after listen).
  const catalog = setupCatalog(app, {
    mediaDir: config.mediaDir,
    db,
    models,
    starter: config.starterLibrary,
    limits: config.mediaLimits,
  });
  // LiveKit: embedded room server on this port unless LIVEKIT_URL is set; token routes either way.
  // A token minted before its toy was deleted or its credential replaced is refused at join.
  const admits = deviceJoinCheck(db, householdKey);
  const livekit = await setupLivekit(app, config, { admits });
  if (livekit.roomServer) removeRevokedAfterDeviceChanges(app, livekit.roomServer, admits);
  registerLivekitTokenRoute(app, livekit);
  // The toy agent, each toy with its own profile. Embedded room server: toy rooms are dispatched to
  // agent workers, this process's own among them (below). A LiveKit server elsewhere: the agent
  // joins a device's room when the device fetches its token.
  const roomServer = livekit.roomServer;
  const agent = createServerAgent({
    media: catalogMediaLibrary(catalog),
    memoryEmbedder: () => catalog.currentEmbedder(),
    config,
    models,
    db,
    minter: livekit.minter,
    ...(roomServer
      ? {
          isDevicePresent: (ref: { room: string; deviceIdentity: string }) =>
            roomServer.findParticipant(ref.room, ref.deviceIdentity) !== undefined,
        }
      : {}),
    boundPort: () => {
      const address = app.server.address();
      return typeof address === 'object' && address ? address.port : null;
    },
    log: (level, msg, extra) => app.log[level]({ agent: true, ...extra }, msg),
  });
  app.addHook('onClose', () => agent.dispose());
  const devices = new DeviceRepository(db);
  const dispatch = livekit.agentDispatch;
  // --toy-agent workers: toys are served only by agent workers started elsewhere (npm run agent).
  const agentHere = config.toyAgent === 'here';
  if (dispatch && agentHere) {
    // Registers over loopback once the server listens, like a worker on another machine would.
    const worker = inProcessAgentWorker({
      url: () => agent.livekitUrl(),
      credentials: livekit.credentials,
      supervisor: agent,
      isRegistered: (id) => devices.get(id) !== undefined,
      capacity: IN_PROCESS_AGENT_CAPACITY,
      log: (level, msg, extra) => app.log[level]({ agent: true, ...extra }, msg),
    });
    app.addHook('onListen', async () => {
      await worker.start();
    });
    app.addHook('onClose', () => worker.close());
    // A toy back in its room while its last agent is still leaving gets a new agent once that one
    // has gone (the dispatcher sees the room's job still running and sends none).
    const unfollow = roomServer?.onParticipantJoined(({ room, identity }) => {
      const ref = deviceInOwnRoom(room, identity);
      if (ref) agent.deviceJoinedWhileLeaving(ref);
    });
    if (unfollow) app.addHook('onClose', async () => unfollow());
  }
  // Agent workers on other machines read their assigned toy's conversation settings with the job's
  // room token, hand back its talking time and finished turns, and play it songs and stories.
  const workerTurns = new DeviceTurnStore(db);
  registerToyJobApi(app, {
    apiKey: livekit.credentials.apiKey,
    apiSecret: livekit.credentials.apiSecret,
    profile: (id) => devices.get(id),
    usedToday: (id) => new DeviceUsage(db, id).usedOn(new Date()),
    addUsage: (id, ms) => new DeviceUsage(db, id).add(new Date(), ms),
    // As the in-process agent keeps them: none when the server keeps no history, or this toy keeps none.
    keepTurn: (id, turn) => config.toyHistoryDays > 0 && workerTurns.add(id, turn) !== null,
    sessionConfig: toySessionConfig(config),
    memories: (id) => new DeviceMemoryStore(db, id),
    catalog,
  });
  // Stock xiaozhi toys (OTA, pairing, WebSocket): the same engines and toy profiles as the agent's.
  // MQTT + UDP starts once the sessions exist; the OTA asks it for a toy's mqtt block from then on.
  let xiaozhiMqtt: XiaozhiMqtt | null = null;
  const xiaozhi = await setupXiaozhi(app, {
    db,
    agent,
    toyContext: toyContextsFrom(
      db,
      (level, msg, extra) => app.log[level]({ xiaozhi: true, ...extra }, msg),
      () => catalog.currentEmbedder(),
      config.toyHistoryDays > 0,
      toySessionConfig(config),
    ),
    media: catalogMediaLibrary(catalog),
    version,
    guard: { preHandler: requireAdminOrHouseholdKey(livekit) },
    view: (device) => ({ ...device, ...xiaozhi.describe(device) }),
    mqttBootstrap: (deviceId, requestHost) => xiaozhiMqtt?.bootstrap(deviceId, requestHost) ?? null,
  });
  xiaozhiMqtt = await setupXiaozhiMqtt(app, {
    settings: { ...config.xiaozhiMqtt, host: config.host },
    db,
    transports: xiaozhi.transports,
    sessions: xiaozhi.sessions,
  });
  // A deleted toy (by the parent, or unused past the parent's days) is disconnected everywhere.
  const disconnectDeletedToy = async (id: string) => {
    xiaozhi.sessions.closeDevice(id, 'the toy was deleted');
    xiaozhiMqtt?.revoke(id, 'the toy was deleted');
    await agent.deviceRemoved(id);
  };
  registerDeviceRoutes(app, db, livekit, {
    // With dispatch the toy's join brings its agent; a token alone does not.
    onDeviceToken: (device) => {
      if (!dispatch && agentHere) agent.deviceTokenIssued(device);
    },
    onDeviceDeleted: disconnectDeletedToy,
    describe: (device) => xiaozhi.describe(device),
    setTransport: (id, transport) => {
      const problem = xiaozhi.setTransport(id, transport);
      // Off MQTT: its broker connection and UDP session end now, not at its next message.
      xiaozhiMqtt?.revokeIfNotAllowed(id, `the parent switched this toy to ${transport}`);
      return problem;
    },
    presence: (ref) => ({
      device: roomServer ? roomServer.findParticipant(ref.room, ref.deviceIdentity) !== undefined : null,
      agent: roomServer
        ? roomServer.findParticipant(ref.room, AGENT_IDENTITY) !== undefined
        : agent.activeRooms().includes(ref.room),
    }),
  });
  registerDeviceObserverTokenRoute(app, db, livekit);
  registerToyCompanionRoute(app, models, config.llm.url !== null, requireAdminOrHouseholdKey(livekit));
  registerDeviceTurnRoutes(app, db, livekit, config.toyHistoryDays);
  registerPrivacyRoutes(app, db, livekit, config.toyHistoryDays);
  const stopPruning = keepToyHistoryFor(
    config.toyHistoryDays,
    new DeviceTurnStore(db),
    (message, error) => app.log.warn({ error: error instanceof Error ? error.message : String(error) }, message),
    (deleted) => app.log.info({ deleted, days: config.toyHistoryDays }, 'old toy conversation history deleted'),
  );
  const stopPruningUsage = dailyChore(
    () => {
      const deleted = pruneDeviceUsage(db);
      if (deleted > 0) app.log.info({ deleted, days: USAGE_KEEP_DAYS }, 'old toy talking time deleted');
      // Listing already hides a memory past its date; this deletes it for real.
      const forgotten = pruneExpiredDeviceMemories(db);
      if (forgotten > 0) app.log.info({ deleted: forgotten }, 'toy memories past their forget date deleted');
    },
    (error) =>
      app.log.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'Old toy talking time or forgotten toy memories could not be deleted.',
      ),
  );
  const unusedToys = new UnusedToys(db);
  const stopDeletingUnusedToys = dailyChore(
    () => {
      const deleted = unusedToys.deleteDue();
      for (const id of deleted)
        void disconnectDeletedToy(id).catch((error: unknown) =>
          app.log.warn(
            { error: error instanceof Error ? error.message : String(error) },
            'A deleted toy could not be disconnected.',
          ),
        );
      // The count only: a toy's id or name can say who the child is.
      if (deleted.length > 0) app.log.info({ deleted: deleted.length }, 'toys unused past the parent’s days deleted');
    },
    (error) =>
      app.log.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'Toys unused past the parent’s days could not be deleted.',
      ),
  );
  app.addHook('onClose', async () => {
    stopPruning();
    stopPruningUsage();
    stopDeletingUnusedToys();
  });
  if (caCertPem) registerCaCertificateRoute(app, caCertPem);
  registerAppRoutes(app, config.appDir);
  return app;
}
