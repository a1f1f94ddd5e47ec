// One agent for many toy rooms. The device-token route calls `deviceTokenIssued(id)`: the agent
// joins that device's room right away (with its own server-minted token) and waits for the toy.
// Each room is an AgentSession; a failure in one is caught, logged and ends only that session.
// Engines load once, on the first toy, and are shared (only the VAD is per session).
import type { HearthConfig } from '../config.ts';
import type { ModelStore } from '../models/store.ts';
import type { ServerEngines } from '../engines/index.ts';
import type { TokenMinter } from '../livekit/token-minter.ts';
import { builtinPersona, CHILD_COMPANION_ID, toPromptPersona } from '../../src/core/personas/index.ts';
import type { Persona } from '../../src/core/prompt.ts';
import type { AgentEngines, AgentSession } from './agent-session.ts';
import { AGENT_IDENTITY } from './protocol.ts';

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
}

export interface DeviceRoomRef {
  deviceId: string;
  room: string;
  deviceIdentity: string;
}

export class AgentSupervisor {
  private readonly sessions = new Map<string, AgentSession>();
  private readonly starting = new Map<string, Promise<void>>();
  private engines: Promise<ServerEngines> | null = null;
  private disposed = false;

  constructor(private readonly opts: AgentSupervisorOptions) {}

  /** Rooms with an agent in them now. */
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
      .catch((error: unknown) => this.opts.log('error', 'agent could not join the device room', { room: ref.room, error: error instanceof Error ? error.message : String(error) }))
      .finally(() => this.starting.delete(ref.room));
    this.starting.set(ref.room, start);
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

  private async agentEngines(): Promise<AgentEngines> {
    this.engines ??= this.opts.loadEngines().then((engines) => {
      this.opts.log('info', 'agent engines loaded', { report: engines.report });
      return engines;
    });
    const engines = await this.engines.catch((error: unknown) => {
      this.engines = null; // try again for the next toy
      throw error;
    });
    const { createVad, stt, llm, tts } = engines;
    if (!createVad || !stt || !llm) {
      throw new Error(`the toy agent needs VAD, STT and an LLM: ${engines.report.join('; ')}`);
    }
    return { createVad, stt, llm, tts };
  }

  private async startSession(ref: DeviceRoomRef): Promise<void> {
    const url = this.opts.livekitUrl();
    if (!url) throw new Error('the room server URL is not known yet');
    const engines = await this.agentEngines();
    if (this.disposed) return;
    const { token } = await this.opts.minter.mint({ identity: AGENT_IDENTITY, name: 'Hearth', room: ref.room, ttlSeconds: 24 * 3600 });
    const persona = this.opts.persona ?? defaultPersona();
    // rtc-node's native library loads only once a toy shows up, not with every server start.
    const { AgentSession } = await import('./agent-session.ts');
    if (this.disposed) return;
    const session: AgentSession = new AgentSession({
      url,
      token,
      room: ref.room,
      deviceIdentity: ref.deviceIdentity,
      engines,
      persona,
      log: this.opts.log,
      ...(this.opts.absentTimeoutMs !== undefined ? { absentTimeoutMs: this.opts.absentTimeoutMs } : {}),
    });
    this.sessions.set(ref.room, session);
    session.onClosed(() => {
      if (this.sessions.get(ref.room) === session) this.sessions.delete(ref.room);
    });
    try {
      await session.start();
      this.opts.log('info', 'agent joined device room', { room: ref.room });
    } catch (error) {
      await session.close('join failed');
      throw error;
    }
  }
}

function defaultPersona(): Persona {
  const record = builtinPersona(CHILD_COMPANION_ID);
  if (!record) throw new Error('built-in child companion persona is missing');
  return toPromptPersona(record);
}

/** The supervisor the server runs: engines from the model store (or the LAN LLM), URL from the bound port. */
export function createServerAgent(opts: { config: HearthConfig; models: ModelStore; minter: TokenMinter; boundPort: () => number | null; log: AgentLog }): AgentSupervisor {
  const { config, models } = opts;
  return new AgentSupervisor({
    minter: opts.minter,
    log: opts.log,
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
        remoteLlm: config.llm.url && config.llm.model ? { url: config.llm.url, model: config.llm.model, apiKey: config.llm.apiKey } : null,
        skip: ['embeddings'],
      });
    },
  });
}
