// One agent for many toy rooms. With the embedded room server the room server's dispatcher gives
// each toy room to an agent worker; this process's own worker (in-process-worker.ts) runs its jobs
// with `runJob`. With a LiveKit server elsewhere the device-token route calls `deviceTokenIssued(id)`:
// the agent joins that device's room right away (with its own server-minted token) and waits for
// the toy. (`deviceJoined`/`followDeviceJoins` follow the embedded server's joins without dispatch.)
// Each session gets the device's profile (persona, voice, memory, limits, volume) from `toyContext`.
// Each room is an AgentSession; a failure in one is caught, logged and ends only that session.
// Engines load once, on the first toy, and are shared (only the VAD is per session).
import type { HearthConfig } from '../config.ts';
import type { ModelStore } from '../models/store.ts';
import type { ServerEngines } from '../engines/index.ts';
import type { TokenMinter } from '../livekit/token-minter.ts';
import { builtinPersona, CHILD_COMPANION_ID, toPromptPersona } from '../../src/core/personas/index.ts';
import type { Persona } from '../../src/core/prompt.ts';
import type { VoiceSessionConfig } from '../../src/core/session-types.ts';
import type { ChatModel, Embedder } from '../../src/core/engines.ts';
import type { AgentEngines, AgentSession } from './agent-session.ts';
import type { HearthDatabase } from '../db/database.ts';
import { DeviceMemoryStore } from '../devices/device-memory-store.ts';
import { DeviceRepository } from '../devices/device-repository.ts';
import { DeviceUsage } from '../devices/device-usage.ts';
import { DeviceTurnStore } from '../devices/device-turn-store.ts';
import { deviceIdOfRoom, deviceInOwnRoom, deviceRef, type DeviceRoomRef } from '../devices/device-room.ts';
import type { RoomServer } from '../livekit/room-server.ts';
import { createToyContext, type ToyContext } from './toy-context.ts';
import { AGENT_IDENTITY } from './protocol.ts';
import { latestEmbedder } from './latest-embedder.ts';
import type { AgentMediaLibrary } from './media/media-library.ts';

export type AgentLog = (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;

export interface AgentSupervisorOptions {
  minter: TokenMinter;
  /** The room server's WebSocket URL as seen from this process (known once the server listens). */
  livekitUrl: () => string | null;
  /** Loads the Node engines (called once, on the first toy). */
  loadEngines: () => Promise<ServerEngines>;
  log: AgentLog;
  absentTimeoutMs?: number;
  persona?: Persona;
  /** The device's profile at work; throws for an unregistered device (no agent joins). Without it every toy gets `persona`. */
  toyContext?: (deviceId: string, engines?: { extractionLlm: ChatModel | null }) => ToyContext;
  /** Whether the toy is in its room now (embedded room server); lets a rejoin during the agent's departure get a new agent. */
  isDevicePresent?: (ref: DeviceRoomRef) => boolean;
  /** The home media library: toys get songs and stories streamed into their room (server/agent/media/). */
  media?: AgentMediaLibrary;
}

export type { DeviceRoomRef };

export class AgentSupervisor {
  private readonly sessions = new Map<string, AgentSession>();
  private readonly starting = new Map<string, Promise<void>>();
  private readonly deviceOf = new Map<string, string>();
  private readonly rejoined = new Set<string>();
  private engines: Promise<ServerEngines> | null = null;
  private disposed = false;

  constructor(private readonly opts: AgentSupervisorOptions) {}

  /** Rooms with an agent in them now. */
  /** The room server's URL as this process reaches it; null until the server listens. */
  livekitUrl(): string | null {
    return this.opts.livekitUrl();
  }

  activeRooms(): string[] {
    return [...this.sessions.keys()];
  }

  /**
   * A device fetched its token: make sure an agent is (or will be) in its room. Never throws;
   * failures are logged and leave other rooms alone.
   */
  deviceTokenIssued(ref: DeviceRoomRef): void {
    if (this.disposed || this.sessions.has(ref.room) || this.starting.has(ref.room)) return;
    const start = this.startSession(ref)
      .then(() => undefined)
      .catch((error: unknown) =>
        this.opts.log('error', 'agent could not join the device room', {
          room: ref.room,
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => this.starting.delete(ref.room));
    this.starting.set(ref.room, start);
  }

  /**
   * A registered device entered its room (embedded room server hook). When the agent there is
   * already leaving, a new one starts once it has gone.
   */
  deviceJoined(ref: DeviceRoomRef): void {
    if (this.disposed) return;
    if (this.sessions.has(ref.room) || this.starting.has(ref.room)) {
      this.rejoined.add(ref.room);
      return;
    }
    this.deviceTokenIssued(ref);
  }

  /**
   * A device entered its room while the agent there is leaving (embedded room server, with
   * dispatch): the room's job is still that agent's, so the dispatcher sends no new one. Once that
   * agent has gone, a new one joins the room directly (a toy back within a second of switching off
   * is served again).
   */
  deviceJoinedWhileLeaving(ref: DeviceRoomRef): void {
    if (this.disposed || !this.sessions.get(ref.room)?.isClosing) return;
    this.rejoined.add(ref.room);
  }

  /** The device was deleted: its agent leaves now. */
  async deviceRemoved(deviceId: string): Promise<void> {
    for (const [room, session] of this.sessions) {
      if (this.deviceOf.get(room) === deviceId) await session.close('device deleted');
    }
  }

  /**
   * A toy room the embedded room server's dispatcher gave this process's own agent worker
   * (server/agent/in-process-worker.ts): the same session `deviceTokenIssued` starts, joined with
   * the dispatcher's token. Resolves once the agent is in the room; `ended` when it leaves.
   */
  async runJob(job: {
    room: string;
    url: string;
    token: string;
  }): Promise<{ ended: Promise<void>; stop: (reason: string) => Promise<void> }> {
    const deviceId = deviceIdOfRoom(job.room);
    if (!deviceId) throw new Error(`not a toy room: ${job.room}`);
    if (this.disposed) throw new Error('the agent is shutting down');
    // The room's last agent is still leaving (saving the last turn): the new job waits for it to
    // go rather than failing (a job that fails to start is not offered to this worker again).
    const leaving = this.sessions.get(job.room);
    if (leaving?.isClosing) await new Promise<void>((resolve) => leaving.onClosed(resolve));
    if (this.disposed) throw new Error('the agent is shutting down');
    if (this.sessions.has(job.room) || this.starting.has(job.room))
      throw new Error(`an agent is already in ${job.room}`);
    const start = this.startSession(deviceRef(deviceId), { url: job.url, token: job.token });
    this.starting.set(
      job.room,
      start.then(
        () => undefined,
        () => undefined,
      ),
    );
    let session: AgentSession | null;
    try {
      session = await start;
    } finally {
      this.starting.delete(job.room);
    }
    if (!session) throw new Error('the agent is shutting down');
    const running = session;
    return {
      ended: new Promise((resolve) => running.onClosed(() => resolve())),
      stop: (reason) => running.close(reason),
    };
  }

  /** Resolves when every pending join has finished (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.starting.values()]);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.settled();
    await Promise.all([...this.sessions.values()].map((s) => s.close('server stopping')));
    this.sessions.clear();
    if (this.engines) await (await this.engines.catch(() => null))?.dispose();
    this.engines = null;
  }

  /** The shared engines (loaded on first use); the xiaozhi toys' sessions use them too. */
  async agentEngines(): Promise<AgentEngines> {
    this.engines ??= this.opts.loadEngines().then((engines) => {
      this.opts.log('info', 'agent engines loaded', { report: engines.report });
      return engines;
    });
    const loading = this.engines;
    const engines = await loading.catch((error: unknown) => {
      if (this.engines === loading) this.engines = null; // try again for the next toy
      throw error;
    });
    const { createVad, stt, llm, tts, turnEnd } = engines;
    if (!createVad || !stt || !llm) {
      // Not cached: a parent may install the missing model from the browser, and the next toy
      // (or the next try) then finds it without a server restart.
      if (this.engines === loading) {
        this.engines = null;
        await engines.dispose();
      }
      throw new Error(`the toy agent needs VAD, STT and an LLM: ${engines.report.join('; ')}`);
    }
    return { createVad, stt, llm, tts, turnEnd };
  }

  /** Joins `ref`'s room (with `join`'s URL and token when a dispatcher gave them); null once disposed. */
  private async startSession(ref: DeviceRoomRef, join?: { url: string; token: string }): Promise<AgentSession | null> {
    const url = join?.url ?? this.opts.livekitUrl();
    if (!url) throw new Error('the room server URL is not known yet');
    const engines = await this.agentEngines();
    if (this.disposed) return null;
    const token =
      join?.token ??
      (
        await this.opts.minter.mint({
          identity: AGENT_IDENTITY,
          name: 'Hearth',
          room: ref.room,
          ttlSeconds: 24 * 3600,
        })
      ).token;
    // Reads the profile now: an unregistered or deleted device gets no agent.
    const conversation = this.opts.toyContext?.(ref.deviceId, {
      extractionLlm: canExtractFacts(engines.llm) ? engines.llm : null,
    });
    const persona = conversation?.persona() ?? this.opts.persona ?? defaultPersona();
    // rtc-node's native library loads only once a toy shows up, not with every server start.
    const { AgentSession } = await import('./agent-session.ts');
    if (this.disposed) return null;
    const session: AgentSession = new AgentSession({
      url,
      token,
      room: ref.room,
      deviceIdentity: ref.deviceIdentity,
      engines,
      persona,
      ...(conversation ? { conversation } : {}),
      ...(this.opts.media ? { media: this.opts.media } : {}),
      log: this.opts.log,
      ...(this.opts.absentTimeoutMs !== undefined ? { absentTimeoutMs: this.opts.absentTimeoutMs } : {}),
    });
    this.sessions.set(ref.room, session);
    this.deviceOf.set(ref.room, ref.deviceId);
    this.rejoined.delete(ref.room);
    session.onClosed(() => {
      if (this.sessions.get(ref.room) !== session) return;
      this.sessions.delete(ref.room);
      this.deviceOf.delete(ref.room);
      // The toy came back while this agent was leaving: it gets a fresh one.
      if (this.rejoined.delete(ref.room) && this.opts.isDevicePresent?.(ref)) this.deviceTokenIssued(ref);
    });
    try {
      await session.start();
      this.opts.log('info', 'agent joined device room', { room: ref.room });
    } catch (error) {
      await session.close('join failed');
      throw error;
    }
    return session;
  }
}

function defaultPersona(): Persona {
  const record = builtinPersona(CHILD_COMPANION_ID);
  if (!record) throw new Error('built-in child companion persona is missing');
  return toPromptPersona(record);
}

/** Embedded room server: an agent joins whenever a registered device enters its own room. */
export function followDeviceJoins(
  roomServer: Pick<RoomServer, 'onParticipantJoined'>,
  supervisor: AgentSupervisor,
  isRegistered: (deviceId: string) => boolean,
): () => void {
  return roomServer.onParticipantJoined(({ room, identity }) => {
    const ref = deviceInOwnRoom(room, identity);
    if (ref && isRegistered(ref.deviceId)) supervisor.deviceJoined(ref);
  });
}

/** The turn-taking settings every toy's conversation gets from the server's configuration. */
export function toySessionConfig(
  config: Pick<HearthConfig, 'answerInPauses' | 'endOfTurn'>,
): Partial<VoiceSessionConfig> {
  return { preemptiveGeneration: config.answerInPauses, endOfTurn: config.endOfTurn };
}

/** Each toy's context from the server database: its profile, its memories, its talking time, and its history when `keepHistory`. */
export function toyContextsFrom(
  db: HearthDatabase,
  log: AgentLog,
  memoryEmbedder?: () => Promise<Embedder | null>,
  keepHistory = false,
  sessionConfig?: Partial<VoiceSessionConfig>,
): (deviceId: string, engines?: { extractionLlm: ChatModel | null }) => ToyContext {
  const history = keepHistory ? new DeviceTurnStore(db) : null;
  const devices = new DeviceRepository(db);
  const embedder = memoryEmbedder
    ? latestEmbedder(memoryEmbedder, (error) =>
        log('warn', 'memory embedder failed to load; toy memories matched by words', { error: String(error) }),
      )
    : null;
  return (deviceId, engines) =>
    createToyContext({
      deviceId,
      profile: (id) => devices.get(id),
      memoryStore: new DeviceMemoryStore(db, deviceId),
      usage: new DeviceUsage(db, deviceId),
      history,
      ...(embedder ? { embedder } : {}),
      ...(engines?.extractionLlm ? { extractionLlm: engines.extractionLlm } : {}),
      ...(sessionConfig ? { sessionConfig } : {}),
      onProblem: (message, error) =>
        log('warn', message, { deviceId, error: error instanceof Error ? error.message : String(error) }),
    });
}

/** The supervisor the server runs: engines from the model store (or the LAN LLM), URL from the bound port. */
export function createServerAgent(opts: {
  config: HearthConfig;
  models: ModelStore;
  db: HearthDatabase;
  minter: TokenMinter;
  boundPort: () => number | null;
  isDevicePresent?: (ref: DeviceRoomRef) => boolean;
  media?: AgentMediaLibrary;
  /** The library's sentence embedder, shared by toy memories (null without an embeddings pack). */
  memoryEmbedder?: () => Promise<Embedder | null>;
  log: AgentLog;
}): AgentSupervisor {
  const { config, models } = opts;
  return new AgentSupervisor({
    minter: opts.minter,
    log: opts.log,
    toyContext: toyContextsFrom(
      opts.db,
      opts.log,
      opts.memoryEmbedder,
      config.toyHistoryDays > 0,
      toySessionConfig(config),
    ),
    ...(opts.isDevicePresent ? { isDevicePresent: opts.isDevicePresent } : {}),
    ...(opts.media ? { media: opts.media } : {}),
    livekitUrl: () => {
      if (config.livekit.url) return config.livekit.url;
      const port = opts.boundPort();
      if (port === null) return null;
      const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
      return `ws://${host.includes(':') ? `[${host}]` : host}:${port}`;
    },
    // Engines (onnxruntime, llama.cpp) load on the first toy, not with every server start.
    loadEngines: async () => {
      // Packs whose files are still being hashed after startup count as "verifying", not ready:
      // wait for that run (shared with the one main.ts starts) so a toy right after boot gets them.
      await models.verifyInBackground().catch(() => undefined);
      return (await import('../engines/index.ts')).createServerEngines({
        models,
        remoteLlm:
          config.llm.url && config.llm.model
            ? { url: config.llm.url, model: config.llm.model, apiKey: config.llm.apiKey }
            : null,
        skip: ['embeddings'],
      });
    },
  });
}

/**
 * Whether the toy's LLM can pull facts out of a conversation as JSON: a LAN endpoint (Ollama, a
 * llama.cpp server) or a GGUF with a chat template can; a tiny story model without one cannot.
 */
export function canExtractFacts(llm: ChatModel): boolean {
  return !('hasChatTemplate' in llm) || llm.hasChatTemplate === true;
}
