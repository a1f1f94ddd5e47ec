// The Hearth server's own agent worker. With the embedded room server, toy rooms are dispatched to
// LiveKit agent workers (server/livekit/agent-dispatch/); this worker registers there over loopback
// like one on another machine, and runs its jobs with the supervisor's sessions (full toy context:
// persona, memories, limits, volume, history, media). So every toy room is dispatched one way, and a
// worker started with `npm run agent` shares the toys with it instead of doubling them.
import { AccessToken } from 'livekit-server-sdk';
import type { Job } from '@livekit/protocol';
import { AgentWorker } from '../agent-worker/worker-client.ts';
import { deviceIdOfRoom } from '../devices/device-room.ts';
import { AGENT_IDENTITY } from './protocol.ts';
import type { AgentLog, AgentSupervisor } from './supervisor.ts';

export interface InProcessWorkerOptions {
  /** The embedded room server as this process reaches it (ws://127.0.0.1:<port>), once listening. */
  url: () => string | null;
  credentials: { apiKey: string; apiSecret: string };
  supervisor: Pick<AgentSupervisor, 'runJob'>;
  /** Whether a toy id is registered: rooms of other devices are declined. */
  isRegistered: (deviceId: string) => boolean;
  /** Toys this process talks with at once (the box's own engines). */
  capacity: number;
  log: AgentLog;
  /** First wait before reconnecting after the connection is lost (doubles up to 10 s). */
  retryMs?: number;
}

export interface InProcessWorker {
  /** Connects (and keeps reconnecting until closed); resolves once registered the first time. */
  start(): Promise<void>;
  close(): Promise<void>;
  /** The registered worker's id, '' while not connected. */
  readonly workerId: string;
}

export function inProcessAgentWorker(opts: InProcessWorkerOptions): InProcessWorker {
  let worker: AgentWorker | null = null;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let backoffMs = opts.retryMs ?? 1000;

  const token = async (): Promise<string> => {
    const at = new AccessToken(opts.credentials.apiKey, opts.credentials.apiSecret, {
      identity: 'hearth-in-process-worker',
      ttl: 24 * 3600,
    });
    at.addGrant({ agent: true });
    return at.toJwt();
  };

  const accepts = (job: Job): boolean => {
    const deviceId = deviceIdOfRoom(job.room?.name ?? '');
    return deviceId !== null && opts.isRegistered(deviceId);
  };

  const connect = async (): Promise<void> => {
    const url = opts.url();
    if (!url) throw new Error('the room server is not listening yet');
    const connected = await AgentWorker.connect({
      url,
      token: await token(),
      agentName: '',
      capacity: opts.capacity,
      accepts,
      participant: { identity: AGENT_IDENTITY, name: 'Hearth' },
      runJob: (job) => opts.supervisor.runJob({ room: job.room, url: job.url, token: job.token }),
      log: opts.log,
    });
    if (closed) {
      await connected.close('server stopping');
      return;
    }
    worker = connected;
    backoffMs = opts.retryMs ?? 1000;
    connected.on('closed', (code, reason) => {
      if (worker === connected) worker = null;
      if (closed) return;
      opts.log('warn', 'the in-process agent worker lost the room server; reconnecting', { code, reason });
      scheduleRetry();
    });
  };

  const scheduleRetry = (): void => {
    if (closed) return;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      connect().catch((error: unknown) => {
        opts.log('warn', 'the in-process agent worker could not register', {
          error: error instanceof Error ? error.message : String(error),
        });
        backoffMs = Math.min(backoffMs * 2, 10_000);
        scheduleRetry();
      });
    }, backoffMs);
    retryTimer.unref();
  };

  return {
    get workerId() {
      return worker?.workerId ?? '';
    },
    async start() {
      try {
        await connect();
      } catch (error) {
        opts.log('warn', 'the in-process agent worker could not register; retrying', {
          error: error instanceof Error ? error.message : String(error),
        });
        scheduleRetry();
      }
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await worker?.close('server stopping');
      worker = null;
    },
  };
}
