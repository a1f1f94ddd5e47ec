import {
  AvailabilityRequest,
  JobAssignment,
  JobTermination,
  JobType,
  ParticipantPermission,
  RegisterWorkerResponse,
  ServerInfo,
  ServerInfo_Edition,
  ServerMessage,
  WorkerMessage,
  WorkerPong,
  WorkerStatus,
  type AvailabilityResponse,
  type Job,
  type RegisterWorkerRequest,
  type UpdateJobStatus,
} from '@livekit/protocol';
import type { DispatchLog } from './dispatch-log.ts';
import { PROTOCOL_VERSION } from '../room.ts';
import type { SignalSocket } from '../signal-connection.ts';
import { newSid } from '../sids.ts';
import { MessageRateLimit } from './message-rate-limit.ts';

export interface WorkerLimits {
  /** A connected worker must register within this (LiveKit: 10 s). */
  registerTimeoutMs: number;
  /** How long a worker has to answer an availability request (LiveKit: 10 s). */
  availabilityTimeoutMs: number;
  /** Messages a worker may send at once, and per second after that; beyond it the worker is cut off. */
  messageBurst: number;
  messagesPerSecond: number;
}

/** What the dispatcher hears from one worker connection. */
export interface WorkerEvents {
  registered(worker: WorkerConnection): void;
  statusChanged(worker: WorkerConnection): void;
  jobUpdated(worker: WorkerConnection, update: UpdateJobStatus): void;
  closed(worker: WorkerConnection, reason: string): void;
}

/** The answer to an availability request, or why there was none. */
export type Availability = AvailabilityResponse | 'timeout' | 'closed';

const OPEN = 1;
// WebSocket close codes: 1008 policy violation (protocol misuse, flooding), 1001 going away.
const POLICY_VIOLATION = 1008;
const GOING_AWAY = 1001;
const AGENT_PROTOCOL = 1;

function jobTypeKnown(type: JobType): boolean {
  return type === JobType.JT_ROOM || type === JobType.JT_PUBLISHER || type === JobType.JT_PARTICIPANT;
}

/**
 * One agent worker's WebSocket on `/agent`: LiveKit's WorkerMessage/ServerMessage exchange
 * (livekit_agent.proto). The first message must be `register` (pings excepted); then the worker
 * reports status and load, answers availability requests, and may update its jobs' status.
 */
export class WorkerConnection {
  readonly id = newSid('AW_');
  readonly connectedAtMs = Date.now();
  registration: RegisterWorkerRequest | null = null;
  permissions = new ParticipantPermission({
    canSubscribe: true,
    canPublish: true,
    canPublishData: true,
    canUpdateMetadata: true,
  });
  status = WorkerStatus.WS_AVAILABLE;
  load = 0;
  /** Ids of the jobs this worker holds (the dispatcher keeps it). */
  readonly jobs = new Set<string>();
  private readonly pending = new Map<string, (answer: Availability) => void>();
  private readonly rate: MessageRateLimit;
  private registerTimer: NodeJS.Timeout | undefined;
  private closedReason: string | null = null;

  constructor(
    private readonly socket: SignalSocket,
    private readonly events: WorkerEvents,
    private readonly limits: WorkerLimits,
    private readonly log?: DispatchLog,
  ) {
    this.rate = new MessageRateLimit(limits.messageBurst, limits.messagesPerSecond);
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => this.markClosed('connection closed'));
    socket.on('error', (err) => this.markClosed(`connection error: ${err.message}`));
    this.registerTimer = setTimeout(() => this.refuse('no register message in time'), limits.registerTimeoutMs);
  }

  get agentName(): string {
    return this.registration?.agentName ?? '';
  }

  get jobType(): JobType {
    return this.registration?.type ?? JobType.JT_ROOM;
  }

  get isOpen(): boolean {
    return this.closedReason === null;
  }

  /** Asks whether the worker takes `job`; resolves with its answer, 'timeout' or 'closed'. */
  requestAvailability(job: Job, resuming: boolean): Promise<Availability> {
    if (!this.isOpen) return Promise.resolve('closed');
    if (this.pending.has(job.id)) return Promise.resolve('closed');
    return new Promise<Availability>((resolve) => {
      const timer = setTimeout(() => finish('timeout'), this.limits.availabilityTimeoutMs);
      const finish = (answer: Availability) => {
        clearTimeout(timer);
        this.pending.delete(job.id);
        resolve(answer);
      };
      this.pending.set(job.id, finish);
      this.send({ case: 'availability', value: new AvailabilityRequest({ job, resuming }) });
    });
  }

  assign(job: Job, token: string): void {
    this.send({ case: 'assignment', value: new JobAssignment({ job, token }) });
  }

  terminate(jobId: string): void {
    this.send({ case: 'termination', value: new JobTermination({ jobId }) });
  }

  close(reason: string): void {
    if (this.socket.readyState === OPEN) this.socket.close(GOING_AWAY, reason);
    this.markClosed(reason);
  }

  private send(message: ServerMessage['message']): void {
    if (this.socket.readyState !== OPEN) return;
    this.socket.send(new ServerMessage({ message }).toBinary());
  }

  /** Ends the connection for misbehaving; the reason goes to the worker in the close frame. */
  private refuse(reason: string): void {
    this.log?.warn({ worker: this.id, reason }, 'agent dispatch: worker refused');
    if (this.socket.readyState === OPEN) this.socket.close(POLICY_VIOLATION, reason.slice(0, 120));
    this.markClosed(reason);
  }

  private markClosed(reason: string): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    clearTimeout(this.registerTimer);
    for (const finish of [...this.pending.values()]) finish('closed');
    this.events.closed(this, reason);
  }

  private receive(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    if (!this.isOpen) return;
    if (!this.rate.take()) return this.refuse('message rate limit exceeded');
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    let msg: WorkerMessage;
    try {
      // LiveKit accepts protobuf (binary frames) and protobuf JSON (text frames).
      msg = isBinary ? WorkerMessage.fromBinary(bytes) : WorkerMessage.fromJsonString(bytes.toString('utf8'));
    } catch {
      return this.refuse('undecodable worker message');
    }
    const m = msg.message;
    if (m.case === 'ping') {
      this.send({
        case: 'pong',
        value: new WorkerPong({ lastTimestamp: m.value.timestamp, timestamp: BigInt(Date.now()) }),
      });
      return;
    }
    if (!this.registration) {
      if (m.case !== 'register') return this.refuse(`expected register, got ${m.case ?? 'an empty message'}`);
      return this.register(m.value);
    }
    switch (m.case) {
      case 'register':
        return this.refuse('worker is already registered');
      case 'availability': {
        const finish = this.pending.get(m.value.jobId);
        // An answer nobody waits for (too late, or for another worker's job) is ignored, as LiveKit does.
        if (finish) finish(m.value);
        else this.log?.debug({ worker: this.id, job: m.value.jobId }, 'agent dispatch: stray availability answer');
        return;
      }
      case 'updateWorker': {
        const before = `${this.status}/${this.load}`;
        if (m.value.status !== undefined) this.status = m.value.status;
        this.load = Number.isFinite(m.value.load) ? Math.min(Math.max(m.value.load, 0), 1) : this.load;
        if (`${this.status}/${this.load}` !== before) this.events.statusChanged(this);
        return;
      }
      case 'updateJob':
        return this.events.jobUpdated(this, m.value);
      case 'migrateJob':
      case 'simulateJob':
        // Not implemented by open-source LiveKit either; accepted and ignored.
        return;
      default:
        return this.refuse('unknown worker message');
    }
  }

  private register(req: RegisterWorkerRequest): void {
    if (!jobTypeKnown(req.type)) return this.refuse('unknown job type');
    clearTimeout(this.registerTimer);
    this.registration = req;
    if (req.allowedPermissions) this.permissions = req.allowedPermissions;
    this.send({
      case: 'register',
      value: new RegisterWorkerResponse({
        workerId: this.id,
        serverInfo: new ServerInfo({
          edition: ServerInfo_Edition.Standard,
          version: 'hearth-embedded',
          protocol: PROTOCOL_VERSION,
          agentProtocol: AGENT_PROTOCOL,
          nodeId: 'hearth-embedded',
          region: 'home',
        }),
      }),
    });
    this.log?.info(
      { worker: this.id, agentName: req.agentName, type: JobType[req.type], version: req.version },
      'agent dispatch: worker registered',
    );
    this.events.registered(this);
  }
}
